import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../simulator/client';
import { STORE_BUILD_DIR } from './harness';
import { openPopup, salesiqRequests, signIn, storeCount, startWorld, type World } from './world';

/**
 * The canned-response library against the simulator: a 300-response library (three pages of 99
 * in the operator's first department), searched in the side panel's "Canned responses" tab,
 * inserted into the simulator's console page by the content script, sent to a chat, and searched
 * again with the simulator gone.
 */
let world: World;
const CANNED_COUNT = 300;
const ZYLKER = '466756000000002013';
const SALES = '466756000000002015';

interface WireCanned {
  id: string;
  content: string;
  enabled: boolean;
}

beforeAll(async () => {
  world = await startWorld({ cannedCount: CANNED_COUNT });
});

afterAll(async () => {
  await world?.close();
});

/** One page of a department's list, read straight from the simulator with the extension's token. */
async function cannedPage(departmentId: string, page: number): Promise<WireCanned[]> {
  const token = world.sim.state().tokens.find((t) => t.kind === 'access' && !t.revokedAt)!.token;
  const query = `page=${page}&limit=99&department_id=${departmentId}&sort_by=last_used_time&order=descending`;
  const answer = await send(world.sim.port, { path: `/api/v2/zylker/cannedresponses?${query}`, token });
  return (answer.json().data as WireCanned[]).slice(0, 99);
}

async function allEnabledIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const department of [ZYLKER, SALES]) {
    for (let page = 1; ; page += 1) {
      const items = await cannedPage(department, page);
      for (const item of items) if (item.enabled) ids.add(item.id);
      if (items.length < 99) break;
    }
  }
  return ids;
}

async function openLibrary(query = ''): Promise<Page> {
  const page = await world.ext.openPage('sidepanel', query);
  await page.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 15_000 });
  await page.getByRole('searchbox', { name: 'Search canned responses' }).waitFor({ timeout: 15_000 });
  return page;
}

const results = (page: Page) => page.getByRole('list', { name: 'Matching responses' }).getByRole('listitem');

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search canned responses' });
  await box.fill('');
  await box.pressSequentially(text);
}

/** Read without waiting: an empty result list is an answer too. */
async function firstResultText(page: Page): Promise<string> {
  const texts = await page.locator('.canned-results .canned-row__text').allTextContents();
  return texts[0] ?? '';
}

/** An enabled response of the walk's second page whose "(ref N)" suffix makes it unique. */
async function secondPageItem(): Promise<{ item: WireCanned; ref: string }> {
  const page2 = await cannedPage(ZYLKER, 2);
  const item = page2.find((i) => i.enabled && /\(ref \d+\)$/.test(i.content) && i.content.length < 200)!;
  return { item, ref: /\(ref (\d+)\)$/.exec(item.content)![1]! };
}

async function consolePage(chatId: string): Promise<Page> {
  const page = await world.ext.context.newPage();
  await page.goto(`https://salesiq.zoho.com/zylker/mychats/${chatId}`);
  await page.getByRole('textbox', { name: 'Type a message' }).waitFor();
  return page;
}

function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Type a message' });
}

describe('canned responses', () => {
  it('syncs every page of each of the operator’s departments on sign-in, once per response', async () => {
    const popup = await signIn(world);
    await popup.close();
    const expected = await allEnabledIds();
    expect(expected.size).toBeGreaterThan(2 * 99);
    await expect.poll(() => storeCount(world.ext, 'canned'), { timeout: 30_000 }).toBe(expected.size);
    const pages = salesiqRequests(world.sim)
      .filter((r) => r.path.endsWith('/cannedresponses') && r.query.department_id === ZYLKER)
      .map((r) => Number(r.query.page));
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(3);
  });

  it('finds a second-page response, typo and all, with the match marked', async () => {
    const { item, ref } = await secondPageItem();
    const page = await openLibrary();
    await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Type to search: the keys go to the search box though the tab has the focus.
    await page.keyboard.type(`ref ${ref}`);
    expect(await page.getByRole('searchbox', { name: 'Search canned responses' }).inputValue()).toBe(`ref ${ref}`);
    await expect.poll(() => firstResultText(page)).toBe(item.content);
    const marks = await results(page).first().locator('mark').allTextContents();
    expect(marks).toContain(ref);

    // One typo in the words, and the number still pins it down.
    const word = /[A-Za-z]{6,}/.exec(item.content)![0];
    const typo = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
    await search(page, `${typo} ${ref}`);
    await expect.poll(() => firstResultText(page)).toBe(item.content);

    // Escape clears the search.
    await page.getByRole('searchbox', { name: 'Search canned responses' }).press('Escape');
    expect(await page.getByRole('searchbox', { name: 'Search canned responses' }).inputValue()).toBe('');
    await page.close();
  });

  it('filters by category', async () => {
    const page = await openLibrary();
    await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Billing' });
    await expect
      .poll(async () => {
        const chips = await results(page).locator('.canned-row__meta').allTextContents();
        return chips.length > 0 && chips.every((c) => c.includes('Billing'));
      })
      .toBe(true);
    await page.close();
  });

  it('drops a response deleted in SalesIQ after the next sync', async () => {
    const { item, ref } = await secondPageItem();
    const page = await openLibrary();
    await search(page, `ref ${ref}`);
    await expect.poll(() => firstResultText(page), { timeout: 15_000 }).toBe(item.content);

    expect(world.sim.deleteCanned(item.id)).toBe(true);
    const before = await storeCount(world.ext, 'canned');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => storeCount(world.ext, 'canned'), { timeout: 30_000 }).toBe(before - 1);
    await expect.poll(() => firstResultText(page)).not.toBe(item.content);
    await page.close();
  });

  it('copies without a clipboard permission', async () => {
    const manifest = JSON.parse(readFileSync(join(STORE_BUILD_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
    };
    expect(manifest.permissions).not.toContain('clipboardWrite');
    const page = await openLibrary();
    await search(page, 'ref 2');
    await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await firstResultText(page);
    await results(page).first().getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied.' }).count()).toBe(1);

    // What landed on the clipboard, pasted into SalesIQ like an operator would.
    const salesiq = await consolePage(world.sim.addChat().id);
    await composer(salesiq).focus();
    await salesiq.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => composer(salesiq).inputValue()).toBe(text);
    await salesiq.close();
    await page.close();
  });

  // Inserting with the Insert button is a shared scenario (tests/browser/scenarios/side-panel.ts).
  it('inserts with the keyboard into the SalesIQ message box, and expands a typed #shortcut there', async () => {
    const chat = world.sim.addChat({ visitor: { name: 'Rosa Diaz' } });
    const library = await openLibrary();
    const salesiq = await consolePage(chat.id);
    await salesiq.bringToFront();

    await search(library, 'ref 1');
    await expect.poll(() => results(library).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await firstResultText(library);
    expect(text).not.toContain('…');
    await expect.poll(() => results(library).first().getByRole('button', { name: 'Insert' }).isEnabled()).toBe(true);

    // Keyboard: ↓ then Enter inserts the second result at the caret.
    await library.getByRole('searchbox', { name: 'Search canned responses' }).focus();
    await library.keyboard.press('ArrowDown');
    const second = (await results(library).nth(1).locator('.canned-row__text').textContent()) ?? '';
    await library.keyboard.press('Enter');
    await expect.poll(() => composer(salesiq).inputValue()).toBe(second);

    // A shortcut of the operator's own, typed in the console.
    await results(library).first().getByRole('button', { name: 'Add shortcut' }).click();
    const field = library.getByRole('textbox', { name: 'Shortcut' });
    await field.fill('#thx');
    await field.press('Enter');
    await expect.poll(() => results(library).first().getByText('#thx').isVisible()).toBe(true);

    await composer(salesiq).fill('');
    await composer(salesiq).pressSequentially('Hello #thx');
    await composer(salesiq).press('Space');
    await expect.poll(() => composer(salesiq).inputValue(), { timeout: 10_000 }).toBe(`Hello ${text} `);

    // The shortcut also leads the library's search.
    await search(library, '#thx');
    await expect.poll(() => firstResultText(library)).toBe(text);
    await library.close();
    await salesiq.close();
  });

  it('sends a response to the picked-up chat after a confirm', async () => {
    const chat = world.sim.addChat({ visitorKind: 'new', visitor: { name: 'Mara Quist' }, question: 'Refund?' });
    const popup = await openPopup(world.ext);
    await popup.getByRole('button', { name: 'Pick up chat from Mara Quist' }).click({ timeout: 20_000 });
    await expect
      .poll(() => world.sim.state().conversations.find((c) => c.conversation.id === chat.id)?.conversation.status, {
        timeout: 15_000,
      })
      .toBe('Connected');
    await popup.close();

    const library = await openLibrary(`?conversation=${chat.id}`);
    await search(library, 'refunds');
    await expect.poll(() => results(library).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await firstResultText(library);
    await results(library).first().getByRole('button', { name: 'Send' }).click();
    const confirm = library.getByRole('group', { name: 'Confirm sending' });
    await expect.poll(() => confirm.getByText('Send to Mara Quist?').isVisible()).toBe(true);
    // Nothing goes out before the confirm.
    const sent = () =>
      world.sim
        .state()
        .conversations.find((c) => c.conversation.id === chat.id)!
        .messages.map((m) => m.message.text);
    expect(sent()).not.toContain(text);
    await confirm.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(sent, { timeout: 15_000 }).toContain(text);
    await expect.poll(() => library.getByRole('status').filter({ hasText: 'Sent to the chat.' }).count()).toBe(1);
    await library.close();
  });

  it('still searches with SalesIQ unreachable', async () => {
    await world.sim.close();
    const page = await openLibrary();
    await search(page, 'pasword');
    await expect.poll(() => firstResultText(page), { timeout: 15_000 }).toContain('password');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => page.getByText('Could not update: SalesIQ could not be reached.', { exact: false }).count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    expect(await results(page).count()).toBeGreaterThan(0);
    await page.close();
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPopup, signIn, startWorld, storeCount, type World } from './world';
import { openToolbarPopup } from './toolbar-popup';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page; evaluate is not subject to the extension page's CSP. */
async function seriousViolations(page: Page) {
  await page.evaluate(`${axeSource}; 0`);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes.map((n) => (n as { html: string; failureSummary?: string }).html + ' ' + (n as { failureSummary?: string }).failureSummary).join(' | ')}`,
      );
  });
}

/** The waiting queue's rows only (My chats, under it, has rows of its own). */
const waitingRows = (page: Page) => page.getByRole('list', { name: 'Waiting', exact: true }).getByRole('listitem');
const pickUpButton = (page: Page, name: string) => page.getByRole('button', { name: `Pick up chat from ${name}` });

describe('the popup', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('lists waiting chats oldest first, with no serious accessibility violations, in light and dark', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    world.sim.addChat({ visitor: { name: 'Newer Nora' }, question: 'Second in line', startedAgoMs: 2_000 });
    world.sim.addChat({
      visitor: { name: 'Older Omar', country_code: 'EG' },
      question: 'First in line',
      startedAgoMs: 20_000,
    });
    await expect.poll(() => waitingRows(popup).count(), { timeout: 15_000 }).toBe(2);
    const names = await waitingRows(popup).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('aria-labelledby') && r.textContent),
    );
    expect(names[0]).toContain('Older Omar');
    expect(names[1]).toContain('Newer Nora');
    await expect(popup.getByText('First in line').isVisible()).resolves.toBe(true);
    expect(await seriousViolations(popup)).toEqual([]);
    // Reduced motion: no colour transition for axe to sample half-way through.
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(await seriousViolations(popup)).toEqual([]);
    const scroll = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(scroll).toBeLessThanOrEqual(0);
    // The canned quick search is one line: the popup's height belongs to the queue.
    const search = popup.getByRole('searchbox', { name: 'Search canned responses' });
    await search.waitFor({ timeout: 10_000 });
    expect((await search.boundingBox())!.height).toBeLessThan(48);
  });
  it('also treats a pickup answer naming another attender as taken', async () => {
    world = await startWorld({ takenAnswer: 'attender-not-me', pickupMethod: 'post-only' });
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Second Sam' } });
    await pickUpButton(popup, 'Second Sam').waitFor({ timeout: 15_000 });
    world.sim.takeByOther(chat.id);
    await pickUpButton(popup, 'Second Sam').click();
    await expect
      .poll(
        () =>
          popup
            .getByText(/picked up this chat first/)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    // PUT was refused (1004), POST answered; the method is remembered for next time.
    const methods = world.sim
      .requests()
      .filter((r) => r.path.endsWith('/pickup'))
      .map((r) => r.method);
    expect(methods).toEqual(['PUT', 'POST']);
  });

  it('picks up from the keyboard: arrows select, Enter picks up, digits pick by position', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const added = [
      world.sim.addChat({ visitor: { name: 'Key One' }, startedAgoMs: 9_000 }),
      world.sim.addChat({ visitor: { name: 'Key Two' }, startedAgoMs: 6_000 }),
      world.sim.addChat({ visitor: { name: 'Key Three' }, startedAgoMs: 3_000 }),
    ];
    const third = added[2]!;
    await expect.poll(() => waitingRows(popup).count(), { timeout: 15_000 }).toBe(3);
    await waitingRows(popup).first().focus();
    // Typed fast, as operators do: Enter must take the row the arrow just moved to.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    const ids = new Set(added.map((c) => c.id));
    const mine = () =>
      world!.sim
        .state()
        .conversations.filter((c) => ids.has(c.conversation.id) && c.conversation.status === 'Connected')
        .map((c) => c.conversation.visitor.name);
    await expect.poll(mine, { timeout: 15_000 }).toEqual(['Key Two']);
    // Digits pick by the position on screen: wait until Key Two's row (also while "Picking up…")
    // has left the waiting list.
    await expect
      .poll(() => popup.locator('.chat-list .chat-row', { hasText: 'Key Two' }).count(), { timeout: 15_000 })
      .toBe(0);
    await popup.keyboard.press('2'); // now "Key Three" is second
    await expect
      .poll(() => world!.sim.state().conversations.find((c) => c.conversation.id === third.id)?.conversation.status, {
        timeout: 15_000,
      })
      .toBe('Connected');
  });

  it('switches the operator status round trip', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const busy = popup.getByRole('button', { name: 'Busy', exact: true });
    await busy.click();
    await expect.poll(() => world!.sim.state().myStatus, { timeout: 15_000 }).toBe('Busy');
    // Confirmed, not just shown optimistically: the switch is usable again and still says Busy.
    await expect.poll(() => busy.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await busy.getAttribute('aria-pressed')).toBe('true');
    await popup.getByRole('button', { name: 'Available', exact: true }).click();
    await expect.poll(() => world!.sim.state().myStatus, { timeout: 15_000 }).toBe('Available');
  });

  it('shows hostile visitor text as text and runs no script', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const dialogs: string[] = [];
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    world.sim.addChat({
      visitor: { name: '<img src=x onerror=alert(1)>' },
      question: '<script>alert("q")</script><b>bold?</b>',
    });
    world.sim.addChat({ hostile: true });
    await expect
      .poll(() => popup.getByText('<script>alert("q")</script><b>bold?</b>').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect(popup.getByText('<img src=x onerror=alert(1)>').first().isVisible()).resolves.toBe(true);
    expect(await popup.locator('.chat-row img, .chat-row script, .chat-row b').count()).toBe(0);
    await popup.waitForTimeout(1_000);
    expect(dialogs).toEqual([]);
  });

  it('opens from the cache with the last known queue before the worker answers', async () => {
    world = await startWorld();
    await signIn(world);
    world.sim.addChat({ visitor: { name: 'Cached Carla' } });
    const first = await openPopup(world.ext);
    await pickUpButton(first, 'Cached Carla').waitFor({ timeout: 15_000 });
    await first.close();
    world.sim.setFault({ kind: 'hang', path: '/conversations' });
    const again = await openPopup(world.ext);
    // The poll is hung, so whatever shows comes from IndexedDB.
    await pickUpButton(again, 'Cached Carla').waitFor({ timeout: 5_000 });
    await expect(again.getByText('Loading…').count()).resolves.toBe(0);
    world.sim.clearFaults();
  });

  it('opens as the real toolbar popup (not a tab) on the cached queue, 380 px wide with nothing cut off', async () => {
    world = await startWorld({}, { desktopWindow: true });
    const popup = await signIn(world);
    world.sim.addChat({ visitor: { name: 'Tara Toolbar' }, question: 'Is this the real popup?' });
    await pickUpButton(popup, 'Tara Toolbar').waitFor({ timeout: 15_000 });
    await popup.close();
    world.sim.setFault({ kind: 'hang', path: '/conversations' });
    const opened = await openToolbarPopup(await world.ext.openPage('offscreen'), 1);
    expect(opened.text).toContain('Tara Toolbar');
    expect(opened.text).toContain('Is this the real popup?');
    expect(opened.text).toContain('Pick up');
    expect(opened.width).toBe(380);
    expect(opened.overflowX).toBe(0);
    world.sim.clearFaults();
  });

  it('opens at the height it had last time while its first read is still on the way', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    world.sim.addChat({ visitor: { name: 'Hana Height' } });
    await pickUpButton(popup, 'Hana Height').waitFor({ timeout: 15_000 });
    // My chats fills in after the queue (a turn lists the queue first): compare once the page settled.
    await popup.getByRole('list', { name: /^My chats/ }).waitFor({ timeout: 15_000 });
    const bodyHeight = () => popup.evaluate(() => Math.round(document.body.getBoundingClientRect().height));
    await expect
      .poll(
        async () => (await popup.evaluate(() => localStorage.getItem('popup-height'))) === String(await bodyHeight()),
      )
      .toBe(true);
    await popup.close();
    // A write transaction in the worker holds the next popup's first read back for a while.
    await world.ext.worker.evaluate(
      (ms) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('operator-companion');
          open.onsuccess = () => {
            const meta = open.result.transaction(['meta', 'chats'], 'readwrite').objectStore('meta');
            const until = Date.now() + ms;
            const spin = () => {
              const read = meta.get('session');
              read.onsuccess = () => {
                resolve();
                if (Date.now() < until) spin();
              };
            };
            spin();
          };
        }),
      3_000,
    );
    const again = await world.ext.openPage('popup');
    // Read beside the height it remembered: the first page may still have grown (and written) after
    // the check above, just before it closed.
    const waiting = await again.evaluate(() => {
      const app = document.getElementById('app')!;
      return {
        rendered: app.childElementCount > 0,
        height: Math.round(app.getBoundingClientRect().height),
        remembered: Number(localStorage.getItem('popup-height')),
      };
    });
    expect(waiting.remembered).toBeGreaterThan(100);
    expect(waiting).toEqual({ rendered: false, height: waiting.remembered, remembered: waiting.remembered });
    await pickUpButton(again, 'Hana Height').waitFor({ timeout: 15_000 });
  });

  it('says in plain words what is wrong and what happens next, and recovers on "Retry now"', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    world.sim.setFault({ kind: 'http', status: 503, path: '/conversations' });
    await expect
      .poll(() => popup.getByText('SalesIQ is having trouble right now. Retrying automatically.').isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    world.sim.clearFaults();
    world.sim.addChat({ visitor: { name: 'After Outage' } });
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await pickUpButton(popup, 'After Outage').waitFor({ timeout: 15_000 });
    await expect.poll(() => popup.getByText(/SalesIQ is having trouble/).count()).toBe(0);
  });

  it('offers browser shortcuts; "pick up the oldest" takes the longest-waiting chat into SalesIQ', async () => {
    world = await startWorld();
    await signIn(world);
    const commands = await world.ext.worker.evaluate(async () =>
      (await browser.commands.getAll()).map((c) => `${c.name}=${c.shortcut}`),
    );
    expect(commands.sort()).toEqual(['_execute_action=Alt+Shift+S', 'pick-up-oldest=Alt+Shift+K']);
    world.sim.addChat({ visitor: { name: 'Newest' }, startedAgoMs: 1_000 });
    const oldest = world.sim.addChat({ visitor: { name: 'Oldest' }, startedAgoMs: 30_000 });
    await expect.poll(() => storeCount(world!.ext, 'chats'), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const consoleTab = world.ext.context.waitForEvent('page', {
      predicate: (p) => p.url().includes(`/mychats/${oldest.id}`),
    });
    // Chromium's own event dispatch runs the listener as the shortcut would.
    await world.ext.worker.evaluate(() =>
      (browser.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch('pick-up-oldest'),
    );
    await expect
      .poll(() => world!.sim.state().conversations.find((c) => c.conversation.id === oldest.id)?.conversation.status, {
        timeout: 15_000,
      })
      .toBe('Connected');
    expect((await consoleTab).url()).toBe(`https://salesiq.zoho.com/zylker/mychats/${oldest.id}`);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWorld, storeCount, type World } from './world';

/**
 * Where the SalesIQ content script runs, and what it and the pages accept, in real Chromium with
 * the store build. The operator's account is in the EU data centre; every Zoho host of every DC
 * is mapped to the simulator, which serves its console stand-in on any of them.
 */
let world: World;
const EU_CONSOLE = 'https://salesiq.zoho.eu/zylker/mychats';
const US_CONSOLE = 'https://salesiq.zoho.com/zylker/mychats';

beforeAll(async () => {
  world = await startWorld({ dc: 'eu', cannedCount: 20 });
});

afterAll(async () => {
  await world?.close();
});

/** Whether our content script has a world in this page: Chrome names its origin after the extension. */
async function contentScriptRuns(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => origins.push(event.context.origin));
  await cdp.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 100));
  await cdp.detach();
  return origins.includes(`chrome-extension://${world.ext.extensionId}`);
}

async function consoleTab(url: string): Promise<Page> {
  const page = await world.ext.context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Type a message' }).waitFor();
  await page.waitForLoadState('load');
  return page;
}

async function registeredMatches(): Promise<string[][]> {
  return world.ext.worker.evaluate(async () =>
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.matches ?? []),
  );
}

/** Open a console page and wait for our script to appear in it; how long that took from `since`. */
async function scriptAppears(page: Page, since: number): Promise<number> {
  await expect.poll(() => contentScriptRuns(page), { timeout: 10_000 }).toBe(true);
  return Date.now() - since;
}

/**
 * Absence can only be shown by waiting: keep looking for at least twice as long as the script took
 * to appear in a page that should have it, measured in this run (a slow machine waits longer).
 */
async function expectScriptStaysAway(page: Page, appearedAfterMs: number): Promise<void> {
  const until = Date.now() + Math.max(1000, 2 * appearedAfterMs);
  do expect(await contentScriptRuns(page)).toBe(false);
  while (Date.now() < until);
}

/**
 * The content script's world appears at document_idle. The US tab loads first, then the EU tab
 * must get the script (the setup works); the US tab, older, still has none. Then the same US tab,
 * sent to the EU console, gets it: the probe sees a script in that very tab when there is one.
 */
async function expectScriptOnlyOnEu(): Promise<void> {
  const us = await consoleTab(`${US_CONSOLE}/1`);
  const start = Date.now();
  const eu = await consoleTab(`${EU_CONSOLE}/1`);
  const appeared = await scriptAppears(eu, start);
  await expectScriptStaysAway(us, appeared);
  const navigated = Date.now();
  await us.goto(`${EU_CONSOLE}/1`);
  await scriptAppears(us, navigated);
  await eu.close();
  await us.close();
}

/** A shortcut `#thx` for the first synced response, written where the side panel's editor writes it. */
async function addShortcut(): Promise<void> {
  await expect.poll(() => storeCount(world.ext, 'canned'), { timeout: 30_000 }).toBeGreaterThan(0);
  await world.ext.worker.evaluate(async () => {
    const id = await new Promise<string>((resolve, reject) => {
      const open = indexedDB.open('operator-companion');
      open.onsuccess = () => {
        const cursor = open.result.transaction('canned').objectStore('canned').openCursor();
        cursor.onsuccess = () => resolve((cursor.result?.value as { id: string }).id);
        cursor.onerror = () => reject(cursor.error);
      };
    });
    await browser.storage.local.set({ cannedShortcuts: { zylker: { [id]: 'thx' } } });
  });
}

describe('the SalesIQ content script runs only where the operator works', () => {
  it("is registered at sign-in for the signed-in data centre's SalesIQ host, and runs nowhere else", async () => {
    const manifest = await world.ext.worker.evaluate(() => browser.runtime.getManifest());
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(await registeredMatches()).toEqual([]);

    const popup = await signIn(world);
    await popup.close();
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([['https://salesiq.zoho.eu/*']]);
    await expectScriptOnlyOnEu();
  });

  it("expands a shortcut for the operator's own keys, never for a page script's synthetic ones", async () => {
    await addShortcut();
    const chat = world.sim.addChat({ visitor: { name: 'Rosa Diaz' } });
    const page = await consoleTab(`${EU_CONSOLE}/${chat.id}`);
    await expect.poll(() => contentScriptRuns(page), { timeout: 10_000 }).toBe(true);
    const box = page.getByRole('textbox', { name: 'Type a message' });

    // First the operator presses Tab after "#thx": the script takes the key (the page sees its
    // default prevented, at once) and expands. This proves the script and its shortcuts are ready.
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { tabPrevented: boolean[] }).tabPrevented = seen;
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Tab') seen.push(event.defaultPrevented);
      });
    });
    const tabPrevented = () => page.evaluate(() => (window as unknown as { tabPrevented: boolean[] }).tabPrevented);
    await box.fill('Hello #thx');
    await box.press('End');
    await box.press('Tab');
    expect(await tabPrevented()).toEqual([true]);
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).not.toBe('Hello #thx');
    expect((await box.inputValue()).startsWith('Hello ')).toBe(true);
    expect(await box.inputValue()).not.toContain('#thx');

    // A page script types "#thx" and fires keydown Space and Tab itself: isTrusted is false. The
    // script's keydown handler runs during dispatch, so a Tab it took would come back cancelled.
    await box.fill('Again #thx');
    const notCancelled = await page.evaluate(() => {
      const input = document.querySelector('textarea')!;
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      const space = input.dispatchEvent(
        new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true }),
      );
      const tab = input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, cancelable: true }),
      );
      return space && tab;
    });
    expect(notCancelled).toBe(true);
    expect(await tabPrevented()).toEqual([true, false]);
    expect(await box.inputValue()).toBe('Again #thx');
    await page.close();
  });

  it("offers Insert only into the signed-in portal's console, not another portal's", async () => {
    const library = await world.ext.openPage('sidepanel');
    await library.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 15_000 });
    const insert = library
      .getByRole('list', { name: 'Matching responses' })
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: 'Insert' });

    const own = await consoleTab(`${EU_CONSOLE}/1`);
    await own.bringToFront();
    await expect.poll(() => insert.isEnabled(), { timeout: 15_000 }).toBe(true);

    const other = await consoleTab('https://salesiq.zoho.eu/acme/mychats/1');
    await other.bringToFront();
    await expect.poll(() => insert.isEnabled(), { timeout: 15_000 }).toBe(false);
    // Same portal name on another data centre's host: not the signed-in console either.
    const otherDc = await consoleTab(`${US_CONSOLE}/1`);
    await otherDc.bringToFront();
    await expect.poll(() => insert.isEnabled(), { timeout: 15_000 }).toBe(false);
    for (const page of [own, other, otherDc, library]) await page.close();
  });

  it('is still registered after a browser restart, and is removed at sign-out', async () => {
    await world.relaunch();
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([['https://salesiq.zoho.eu/*']]);
    await expectScriptOnlyOnEu();

    // Signed in, a console tab gets the script (the setup works); signed out, a new one does not.
    const start = Date.now();
    const before = await consoleTab(`${EU_CONSOLE}/1`);
    const appeared = await scriptAppears(before, start);
    const options = await world.ext.openPage('options');
    await options.getByRole('button', { name: 'Sign out' }).click({ timeout: 15_000 });
    await options.getByRole('button', { name: 'Yes, sign out' }).click();
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([]);
    await before.close();
    const eu = await consoleTab(`${EU_CONSOLE}/1`);
    await expectScriptStaysAway(eu, appeared);
    await eu.close();
    await options.close();
  });
});

describe('withdrawn site access to Zoho', () => {
  it('is said in plain words in the popup and Settings, with a button that asks again', async () => {
    const popup = await signIn(world);
    await popup.close();
    // Chrome's own switch (chrome://extensions → Details → Site access → "On click"): the declared
    // Zoho hosts are withheld. An extension cannot remove its required hosts itself.
    const extensions = await world.ext.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(async (extensionId) => {
      const developer = (
        globalThis as unknown as {
          chrome: { developerPrivate: { updateExtensionConfiguration(update: object): Promise<void> } };
        }
      ).chrome.developerPrivate;
      await developer.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' });
    }, world.ext.extensionId);
    await extensions.close();
    const options = await world.ext.openPage('options');
    const message = 'Operator Companion can no longer reach Zoho: site access was turned off.';
    await expect.poll(() => options.getByText(message).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await options.getByRole('button', { name: 'Allow access to Zoho' }).isVisible()).toBe(true);
    const queue = await world.ext.openPage('popup');
    await expect.poll(() => queue.getByText(message).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await queue.getByText('Could not reach SalesIQ', { exact: false }).count()).toBe(0);
    expect(await queue.getByRole('button', { name: 'Allow access to Zoho' }).isVisible()).toBe(true);
    await queue.close();
    await options.close();
  });
});

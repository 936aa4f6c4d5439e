import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { insertIntoConsole } from '../../components/canned/actions';
import { wipeAccountData, writeMeta } from '../../lib/db';
import { signedInSession } from './signed-in-fixture';

/**
 * Insert targets a tab the page found showing the signed-in portal's console; by the time the
 * operator clicks, that tab may have navigated elsewhere. The text (filled from this portal's chat)
 * must then go nowhere.
 */
const sendMessage = vi.fn();

async function consoleTab(url: string): Promise<number> {
  const tab = await browser.tabs.create({ url });
  return tab.id!;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
  await writeMeta('session', signedInSession());
  sendMessage.mockReset().mockResolvedValue({ inserted: true });
  (browser.tabs as unknown as Record<string, unknown>).sendMessage = sendMessage;
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
});

describe('insert into the SalesIQ console', () => {
  it('inserts into a tab that still shows the signed-in portal', async () => {
    const tabId = await consoleTab('https://salesiq.zoho.com/zylker/mychats/c1');
    await expect(insertIntoConsole(tabId, 'Hello Ana', 'r1')).resolves.toBe('Inserted into SalesIQ.');
    expect(sendMessage).toHaveBeenCalledWith(tabId, { type: 'insertCanned', text: 'Hello Ana' });
  });

  it('sends nothing to a tab that has just moved to another portal, and says so in words', async () => {
    const tabId = await consoleTab('https://salesiq.zoho.com/zylker/mychats/c1');
    await browser.tabs.update(tabId, { url: 'https://salesiq.zoho.com/otherportal/mychats/c9' });
    await expect(insertIntoConsole(tabId, 'Hello Ana', 'r1')).rejects.toThrow(
      'That tab no longer shows your SalesIQ portal (zylker). Open it there, then try again.',
    );
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends nothing to a tab that was closed', async () => {
    const tabId = await consoleTab('https://salesiq.zoho.com/zylker/mychats/c1');
    // Chrome's answer for a tab id that no longer exists.
    vi.spyOn(browser.tabs, 'get').mockRejectedValue(new Error(`No tab with id: ${tabId}.`));
    await expect(insertIntoConsole(tabId, 'Hello Ana', 'r1')).rejects.toThrow('no longer shows your SalesIQ portal');
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

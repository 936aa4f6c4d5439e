import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openInSalesIQ } from '../../lib/queue/open-console';
import { wipeAccountData } from '../../lib/db';
import { signIn } from './signed-in-fixture';

type Tab = { id: number; windowId: number; url: string };

/** A browser whose tab calls answer after `delayMs`, as a busy browser does: calls can overlap. */
function slowTabs(delayMs: number) {
  const tabs: Tab[] = [];
  const later = <T>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), delayMs));
  vi.spyOn(browser.tabs, 'query').mockImplementation(() => later(() => tabs.map((t) => ({ ...t }))) as never);
  vi.spyOn(browser.tabs, 'create').mockImplementation(
    ({ url }: { url?: string }) =>
      later(() => (tabs.push({ id: tabs.length + 1, windowId: 1, url: url! }), {})) as never,
  );
  vi.spyOn(browser.tabs, 'update').mockImplementation(
    (id: number | undefined, { url }: { url?: string }) =>
      later(() => {
        const tab = tabs.find((t) => t.id === id)!;
        if (url) tab.url = url;
        return {};
      }) as never,
  );
  vi.spyOn(browser.windows, 'update').mockImplementation(() => later(() => ({})) as never);
  return tabs;
}

describe('opening chats in the SalesIQ console', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    await wipeAccountData();
    await signIn();
  });

  it('opens one console tab for two quick pickups, and leaves it on the later chat', async () => {
    const tabs = slowTabs(20);
    await Promise.all([openInSalesIQ('first'), openInSalesIQ('second')]);
    expect(tabs.map((t) => t.url)).toEqual(['https://salesiq.zoho.com/zylker/mychats/second']);
  });

  it('goes on opening after an open that failed', async () => {
    const tabs = slowTabs(5);
    vi.mocked(browser.tabs.create).mockRejectedValueOnce(new Error('no window'));
    await expect(openInSalesIQ('first')).rejects.toThrow('no window');
    await openInSalesIQ('second');
    expect(tabs.map((t) => t.url)).toEqual(['https://salesiq.zoho.com/zylker/mychats/second']);
  });
});

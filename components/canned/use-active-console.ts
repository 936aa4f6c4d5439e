import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseConsoleUrl, type ConsoleLocation } from '../../lib/queue/console-url';

export interface ActiveConsole {
  tabId: number;
  location: ConsoleLocation;
}

/**
 * The SalesIQ console tab the operator is looking at (the active tab of this window), if any.
 * Host permissions for the SalesIQ hosts let us see those tabs' URLs without the tabs permission.
 * Insert only ever targets this tab: never a SalesIQ tab the operator cannot see.
 */
export function useActiveConsole(): ActiveConsole | undefined {
  const [current, setCurrent] = useState<ActiveConsole | undefined>(undefined);
  useEffect(() => {
    let active = true;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      const location = parseConsoleUrl(tab?.url);
      if (active) setCurrent(tab?.id !== undefined && location ? { tabId: tab.id, location } : undefined);
    };
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => {
      if (change.url || change.status === 'complete') void refresh();
    };
    const onActivated = () => void refresh();
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged.addListener(onActivated);
    return () => {
      active = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged.removeListener(onActivated);
    };
  }, []);
  return current;
}

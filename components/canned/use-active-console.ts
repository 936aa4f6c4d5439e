import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SessionInfo } from '../../lib/records';
import { isSignedInConsole, parseConsoleUrl, type ConsoleLocation } from '../../lib/salesiq/console-url';

export interface ActiveConsole {
  tabId: number;
  location: ConsoleLocation;
}

/**
 * The SalesIQ console tab the operator is looking at (the active tab of this window), if it shows
 * the signed-in portal on the signed-in data centre. Host permissions for the SalesIQ hosts let us
 * see those tabs' URLs without the tabs permission. Insert only ever targets this tab: never a
 * SalesIQ tab the operator cannot see, nor another portal's or account's console (the text is
 * filled from this portal's chat).
 */
export function useActiveConsole(session: SessionInfo | undefined): ActiveConsole | undefined {
  const [current, setCurrent] = useState<ActiveConsole | undefined>(undefined);
  const state = session?.state ?? 'signed-out';
  const salesiqHost = session?.salesiqHost;
  const screen = session?.portal?.screen;
  useEffect(() => {
    let active = true;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      const location = parseConsoleUrl(tab?.url);
      const signedIn = { state, salesiqHost, portal: screen === undefined ? undefined : { screen } };
      if (active)
        setCurrent(
          tab?.id !== undefined && isSignedInConsole(location, signedIn) ? { tabId: tab.id, location } : undefined,
        );
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
    // Re-checked when the operator signs in, out, or switches portal.
  }, [state, salesiqHost, screen]);
  return current;
}

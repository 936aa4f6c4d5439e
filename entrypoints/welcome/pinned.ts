import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export type Browser = 'chrome' | 'edge' | 'firefox';

export function currentBrowser(): Browser {
  if (import.meta.env.BROWSER === 'firefox') return 'firefox';
  return navigator.userAgent.includes(' Edg/') ? 'edge' : 'chrome';
}

/** How to pin the toolbar icon, in each browser's own words. */
export const PIN_STEPS: Record<Browser, string> = {
  chrome:
    'Click the puzzle-piece (Extensions) button at the right of the toolbar, then the pin next to Operator Companion.',
  edge: 'Click the puzzle-piece (Extensions) button in the toolbar, then the eye icon (Show in toolbar) next to Operator Companion.',
  firefox:
    'Click the puzzle-piece (Extensions) button in the toolbar, then the gear next to Operator Companion → Pin to Toolbar.',
};

type UserSettings = { isOnToolbar?: boolean };

/**
 * Whether the icon is pinned, where the browser tells (Chrome's action.getUserSettings; Edge
 * follows Chromium). Checked every second while the page is open, so pinning turns the step green.
 */
export function usePinned(): boolean | undefined {
  const [pinned, setPinned] = useState<boolean>();
  useEffect(() => {
    const action = browser.action as unknown as { getUserSettings?: () => Promise<UserSettings> };
    if (!action.getUserSettings) return;
    const read = () =>
      void action.getUserSettings!()
        .then((settings) => setPinned(settings.isOnToolbar))
        .catch(() => undefined);
    read();
    const timer = setInterval(read, 1_000);
    return () => clearInterval(timer);
  }, []);
  return pinned;
}

import { browser } from 'wxt/browser';

/**
 * First run and updates. A new install opens the welcome page (a page inside the extension, not a
 * website); an update opens nothing and leaves a "what's new" line for the popup's footer.
 */
const WELCOME_PAGE = '/welcome.html';
export const WHATS_NEW_KEY = 'whatsNew';
/** Set once the welcome page was shown: Chromium may report a command-line extension as installed again. */
const WELCOMED_KEY = 'welcomedAt';

export interface WhatsNew {
  version: string;
  dismissed: boolean;
}

export async function onExtensionInstalled(details: { reason: string; previousVersion?: string }): Promise<void> {
  if (details.reason === 'install') {
    if ((await browser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY]) return;
    await browser.storage.local.set({ [WELCOMED_KEY]: Date.now() });
    await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
    return;
  }
  const version = browser.runtime.getManifest().version;
  if (details.reason === 'update' && details.previousVersion !== version) {
    await browser.storage.local.set({ [WHATS_NEW_KEY]: { version, dismissed: false } satisfies WhatsNew });
  }
}

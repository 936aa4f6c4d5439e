import { browser } from 'wxt/browser';

/**
 * storage.session holds the access token. Chrome's default already keeps it from content
 * scripts, but that is a default, not a decision: settle it at every worker start, so a future
 * default or a stray setAccessLevel elsewhere cannot open it to the SalesIQ content script.
 * Firefox has no setAccessLevel; there storage.session is never exposed to content scripts.
 */
type SessionArea = {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
};

export async function keepSessionStorageTrusted(): Promise<void> {
  const area = browser.storage.session as unknown as SessionArea;
  await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

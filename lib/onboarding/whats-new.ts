import { browser } from 'wxt/browser';
import { WHATS_NEW_KEY, type WhatsNew } from './install';

/** One line per release for the popup footer after an update; releases without a line show nothing. */
export const RELEASE_NOTES: Readonly<Record<string, string>> = {
  '0.1.0': 'New: a welcome page, a test notification, and “Can I be reached?” in Settings.',
};

export async function readWhatsNew(): Promise<{ version: string; note: string } | undefined> {
  const stored = (await browser.storage.local.get(WHATS_NEW_KEY))[WHATS_NEW_KEY] as WhatsNew | undefined;
  const note = stored && !stored.dismissed ? RELEASE_NOTES[stored.version] : undefined;
  return stored && note ? { version: stored.version, note } : undefined;
}

export async function dismissWhatsNew(version: string): Promise<void> {
  await browser.storage.local.set({ [WHATS_NEW_KEY]: { version, dismissed: true } satisfies WhatsNew });
}

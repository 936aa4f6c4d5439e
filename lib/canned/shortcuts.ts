import { browser } from 'wxt/browser';

/**
 * The operator's own shortcuts for canned responses (`#refund`); SalesIQ has no such field.
 *
 * They live in storage.local, per portal, and survive sign-out on purpose: they are the
 * operator's own work, like settings, not server data, and losing forty hand-made shortcuts to an
 * account switch would hurt. They hold nothing sensitive (a response id and a short word), so
 * keeping them costs no privacy. storage.local is also readable by the content script, which
 * needs to recognise `#word` synchronously while the operator types, without a round trip.
 */
const SHORTCUTS_KEY = 'cannedShortcuts';

/** responseId → shortcut (stored without '#', lower case). */
export type ShortcutMap = Record<string, string>;
type AllShortcuts = Record<string, ShortcutMap>;

const SHORTCUT = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u;

/** "#Refund " → "refund"; undefined when it cannot be a shortcut. */
export function normalizeShortcut(input: string): string | undefined {
  const word = input.trim().replace(/^#/, '').toLowerCase();
  return SHORTCUT.test(word) ? word : undefined;
}

export class ShortcutError extends Error {
  constructor(
    readonly reason: 'invalid' | 'taken',
    message: string,
  ) {
    super(message);
  }
}

async function readAll(): Promise<AllShortcuts> {
  const value = (await browser.storage.local.get(SHORTCUTS_KEY))[SHORTCUTS_KEY];
  return value && typeof value === 'object' ? (value as AllShortcuts) : {};
}

export async function readShortcuts(portal: string): Promise<ShortcutMap> {
  return { ...(await readAll())[portal] };
}

/**
 * Set (or, with an empty string, remove) a response's shortcut. A shortcut held by another
 * response that still exists is refused; one left behind by a deleted response is taken over.
 */
export async function setShortcut(
  portal: string,
  responseId: string,
  input: string,
  liveIds: ReadonlySet<string>,
): Promise<ShortcutMap> {
  const all = await readAll();
  const map: ShortcutMap = { ...all[portal] };
  if (input.trim() === '' || input.trim() === '#') {
    delete map[responseId];
  } else {
    const shortcut = normalizeShortcut(input);
    if (!shortcut) throw new ShortcutError('invalid', 'Use letters, digits, - or _ (up to 32), e.g. #refund.');
    for (const [id, existing] of Object.entries(map)) {
      if (existing !== shortcut || id === responseId) continue;
      if (liveIds.has(id))
        throw new ShortcutError('taken', `#${shortcut} is already the shortcut of another response.`);
      delete map[id];
    }
    map[responseId] = shortcut;
  }
  await browser.storage.local.set({ [SHORTCUTS_KEY]: { ...all, [portal]: map } });
  return map;
}

export function onShortcutsChanged(portal: string, listener: (map: ShortcutMap) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[SHORTCUTS_KEY]) return;
    const all = (changes[SHORTCUTS_KEY].newValue ?? {}) as AllShortcuts;
    listener({ ...all[portal] });
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** shortcut → responseId, for expansion and for "shortcut matches first" in search. */
export function invertShortcuts(map: ShortcutMap): Map<string, string> {
  return new Map(Object.entries(map).map(([id, shortcut]) => [shortcut, id]));
}

/** `#word` right before the caret (optionally followed by the space just typed). */
export function shortcutBeforeCaret(before: string, { trailingSpace = false } = {}): string | undefined {
  const match = (trailingSpace ? /(?:^|\s)#([\p{L}\p{N}_-]{1,32}) $/u : /(?:^|\s)#([\p{L}\p{N}_-]{1,32})$/u).exec(
    before,
  );
  return match?.[1]?.toLowerCase();
}

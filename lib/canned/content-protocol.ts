import { normalizeShortcut } from './shortcuts';

/**
 * Extension page → SalesIQ content script: "put this text in the message box". The page pushes
 * the finished text (placeholders filled); the content script reads nothing from the extension
 * to do it.
 */
export interface InsertCannedMessage {
  type: 'insertCanned';
  text: string;
}

export type InsertCannedReply = { inserted: true } | { inserted: false; reason: 'no-composer' | 'invalid' };

const MAX_INSERT_LENGTH = 10_000;

export function isInsertCannedMessage(value: unknown): value is InsertCannedMessage {
  if (!value || typeof value !== 'object') return false;
  const { type, text } = value as Record<string, unknown>;
  return type === 'insertCanned' && typeof text === 'string' && text.length > 0 && text.length <= MAX_INSERT_LENGTH;
}

/** `#word` right before the caret (optionally followed by the space just typed). */
export function shortcutBeforeCaret(before: string, { trailingSpace = false } = {}): string | undefined {
  const match = (trailingSpace ? /(?:^|\s)#([\p{L}\p{N}_-]{1,32}) $/u : /(?:^|\s)#([\p{L}\p{N}_-]{1,32})$/u).exec(before);
  return match?.[1]?.toLowerCase();
}

/**
 * The one thing the SalesIQ content script may ask the background: "the text behind #word, for
 * the chat this tab shows". It is read-only, answers with one response at most, and only for the
 * portal the operator is signed in to. Everything else (insert, the shortcut list) flows the
 * other way or comes from storage.local, so the content script needs no general channel.
 */
export interface ExpandShortcutRequest {
  type: 'expandCannedShortcut';
  shortcut: string;
}

export interface ExpandShortcutReply {
  text: string | null;
}

export function isExpandShortcutRequest(value: unknown): value is ExpandShortcutRequest {
  if (!value || typeof value !== 'object') return false;
  const { type, shortcut } = value as Record<string, unknown>;
  return type === 'expandCannedShortcut' && typeof shortcut === 'string' && shortcut.length <= 40 && normalizeShortcut(shortcut) !== undefined;
}

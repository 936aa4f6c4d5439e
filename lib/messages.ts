import { browser } from 'wxt/browser';
import { normalizeShortcut } from './canned/shortcuts';
import type { ApiErrorKind } from './salesiq/errors';
import { DATA_CENTRES } from './salesiq/data-centres';
import type { OperatorStatus } from './salesiq/types';

/*
 * Every message between the extension's rooms (ARCHITECTURE.md), one section per direction:
 *
 *   pages → background           Request (one handler each in entrypoints/background.ts)
 *   content script → background  ExpandShortcutRequest
 *   pages → content script       InsertCannedMessage
 *   background → offscreen       PlayChimeMessage
 *
 * Each direction has one checker that validates the payload field by field, and the sender check
 * that goes with it: a message is accepted only from the extension's own code in the right room.
 * To add a page request: one entry in the Request union, one in REQUEST_FIELDS (leaving it out is
 * a type error), one handler in the background's `handlers` (also a type error when missing).
 */

type Fields = Record<string, unknown>;
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 100;
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
const isOptional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isString = (value: unknown) => typeof value === 'string';
const isOneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown) =>
    values.includes(value as T);
const none = () => true;

// ── pages → background ──────────────────────────────────────────────────────────────────────────
// Pages never talk to SalesIQ; they ask the background, which calls the API and writes IndexedDB.

export type Request =
  | { type: 'signIn' }
  | { type: 'signOut' }
  | { type: 'choosePortal'; screen: string }
  | { type: 'pickUp'; conversationId: string }
  | { type: 'setStatus'; status: Exclude<OperatorStatus, 'other'> }
  | { type: 'refreshNow' }
  | { type: 'openInSalesIQ'; conversationId: string }
  /** `opened`: the page just opened (poll at once, even in a backoff); otherwise a heartbeat. */
  | { type: 'pageVisible'; page: 'popup' | 'sidepanel'; opened?: boolean }
  | { type: 'focusConversation'; conversationId: string; source: 'popup' | 'chooser' }
  | { type: 'refreshVisitor'; conversationId: string; force?: boolean }
  | { type: 'loadMoreHistory'; conversationId: string }
  | { type: 'loadTranscript'; conversationId: string }
  | { type: 'syncCanned' }
  | { type: 'sendCanned'; conversationId: string; responseId: string; text: string }
  | { type: 'cannedUsed'; responseId: string }
  /** The side panel's composer: one typed line to a chat that is mine and connected. */
  | { type: 'sendChatMessage'; conversationId: string; text: string }
  | { type: 'endChat'; conversationId: string }
  | { type: 'transferChat'; conversationId: string; departmentId: string; operatorId?: string; note?: string }
  /** Departments and colleagues a chat can be transferred to (read when the form opens). */
  | { type: 'transferChoices' }
  | { type: 'testNotification' }
  | { type: 'checkReachability' };

type RequestType = Request['type'];

export type Reply<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { kind: ApiErrorKind | 'invalid'; message: string } };

export type Handlers = {
  [K in RequestType]: (request: Extract<Request, { type: K }>) => Promise<unknown>;
};

/**
 * The background got the request but its answer never came back: Chrome closed the channel
 * because the worker stopped mid-request. Unlike "no receiver" (never delivered), the request may
 * have been carried out, so for an action this is an unknown outcome, not a failure.
 */
export function answerLost(error: { message: string }): boolean {
  return /message (channel|port) closed before a response was received/i.test(error.message);
}

export async function ask<T = unknown>(request: Request): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: { kind: 'unknown', message: 'The extension did not answer. Try again.' } };
  } catch (error) {
    return { ok: false, error: { kind: 'unknown', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Each request type's payload check: the list of known types is this object's keys. */
const REQUEST_FIELDS: { [K in RequestType]: (fields: Fields) => boolean } = {
  signIn: none,
  signOut: none,
  choosePortal: ({ screen }) => isId(screen),
  pickUp: ({ conversationId }) => isId(conversationId),
  setStatus: ({ status }) => isOneOf('available', 'busy')(status),
  refreshNow: none,
  openInSalesIQ: ({ conversationId }) => isId(conversationId),
  pageVisible: ({ page, opened }) => isOneOf('popup', 'sidepanel')(page) && isOptional(isBoolean)(opened),
  focusConversation: ({ conversationId, source }) => isId(conversationId) && isOneOf('popup', 'chooser')(source),
  refreshVisitor: ({ conversationId, force }) => isId(conversationId) && isOptional(isBoolean)(force),
  loadMoreHistory: ({ conversationId }) => isId(conversationId),
  loadTranscript: ({ conversationId }) => isId(conversationId),
  syncCanned: none,
  sendCanned: ({ conversationId, responseId, text }) => isId(conversationId) && isId(responseId) && isText(text),
  cannedUsed: ({ responseId }) => isId(responseId),
  sendChatMessage: ({ conversationId, text }) => isId(conversationId) && isText(text),
  endChat: ({ conversationId }) => isId(conversationId),
  transferChat: ({ conversationId, departmentId, operatorId, note }) =>
    isId(conversationId) && isId(departmentId) && isOptional(isId)(operatorId) && isOptional(isString)(note),
  transferChoices: none,
  testNotification: none,
  checkReachability: none,
};

function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(REQUEST_FIELDS, type);
}

/** A known request type with a well-formed payload. */
export function isRequest(value: unknown): value is Request {
  if (!value || typeof value !== 'object') return false;
  const fields = value as Fields;
  return isRequestType(fields.type) && REQUEST_FIELDS[fields.type](fields);
}

/** Why a message from our own page was refused, in words (the page shows it; never silence). */
export function refusal(value: unknown): Reply<never> {
  const type = value && typeof value === 'object' ? (value as Fields).type : undefined;
  const message = isRequestType(type)
    ? `The request "${type}" came with missing or malformed details.`
    : 'This page asked for something the extension does not know. Reload the page and try again.';
  return { ok: false, error: { kind: 'invalid', message } };
}

/**
 * Only our own pages may send requests: same extension id, and an extension page URL (not a
 * content script running inside a web page, which also carries our id).
 */
export function isTrustedSender(
  sender: { id?: string; url?: string; tab?: unknown },
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

// ── content script → background ─────────────────────────────────────────────────────────────────
// The one thing the SalesIQ content script may ask the background: "the text behind #word, for
// the chat this tab shows". It is read-only, answers with one response at most, and only for the
// portal the operator is signed in to. Everything else (insert, the shortcut list) flows the
// other way or comes from storage.local, so the content script needs no general channel.

export interface ExpandShortcutRequest {
  type: 'expandCannedShortcut';
  shortcut: string;
}

export interface ExpandShortcutReply {
  text: string | null;
}

export function isExpandShortcutRequest(value: unknown): value is ExpandShortcutRequest {
  if (!value || typeof value !== 'object') return false;
  const { type, shortcut } = value as Fields;
  return (
    type === 'expandCannedShortcut' &&
    typeof shortcut === 'string' &&
    shortcut.length <= 40 &&
    normalizeShortcut(shortcut) !== undefined
  );
}

const SALESIQ_HOSTS: ReadonlySet<string> = new Set(DATA_CENTRES.map((dc) => dc.salesiqHost));

/** Our own content script, in the top frame of an https SalesIQ tab: nothing else qualifies. */
export function isSalesIQContentSender(
  sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number },
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || sender.tab?.id === undefined || (sender.frameId ?? 0) !== 0 || !sender.url)
    return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && SALESIQ_HOSTS.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

// ── pages → content script ──────────────────────────────────────────────────────────────────────
// "Put this text in the message box" (tabs.sendMessage). The page pushes the finished text
// (placeholders filled); the content script reads nothing from the extension to do it.

export interface InsertCannedMessage {
  type: 'insertCanned';
  text: string;
}

export type InsertCannedReply = { inserted: true } | { inserted: false; reason: 'no-composer' | 'invalid' };

const MAX_INSERT_LENGTH = 10_000;

export function isInsertCannedMessage(value: unknown): value is InsertCannedMessage {
  if (!value || typeof value !== 'object') return false;
  const { type, text } = value as Fields;
  return type === 'insertCanned' && typeof text === 'string' && text.length > 0 && text.length <= MAX_INSERT_LENGTH;
}

// ── background → offscreen ──────────────────────────────────────────────────────────────────────
// The Chrome service worker has no Audio; the offscreen page plays the escalation chime for it.

export const CHIME_URL = '/sounds/chime.wav';

export interface PlayChimeMessage {
  target: 'offscreen';
  play: typeof CHIME_URL;
}

/**
 * Only the extension's own service worker may make the offscreen page play, and only our chime:
 * a content script carries our extension id too (but a tab), and a page could name any URL.
 */
export function isPlayChimeMessage(
  message: unknown,
  sender: { id?: string; url?: string; tab?: unknown },
  extensionId: string,
  backgroundUrl: string,
): message is PlayChimeMessage {
  if (sender.id !== extensionId || sender.tab !== undefined || sender.url !== backgroundUrl) return false;
  if (!message || typeof message !== 'object') return false;
  const { target, play, ...rest } = message as Fields;
  return target === 'offscreen' && play === CHIME_URL && Object.keys(rest).length === 0;
}

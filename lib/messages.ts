import { browser } from 'wxt/browser';
import type { ApiErrorKind } from './salesiq/errors';
import type { OperatorStatus } from './salesiq/types';

/**
 * The pages → background protocol: one discriminated union, one handler per type. Pages never
 * talk to SalesIQ; they ask the background, which calls the API and writes IndexedDB.
 */
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
  | { type: 'testNotification' }
  | { type: 'checkReachability' };

type RequestType = Request['type'];

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: ApiErrorKind | 'invalid'; message: string } };

export type Handlers = {
  [K in RequestType]: (request: Extract<Request, { type: K }>) => Promise<unknown>;
};

export async function ask<T = unknown>(request: Request): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: { kind: 'unknown', message: 'The extension did not answer. Try again.' } };
  } catch (error) {
    return { ok: false, error: { kind: 'unknown', message: error instanceof Error ? error.message : String(error) } };
  }
}

const TYPES: ReadonlySet<string> = new Set<RequestType>([
  'signIn',
  'signOut',
  'choosePortal',
  'pickUp',
  'setStatus',
  'refreshNow',
  'openInSalesIQ',
  'pageVisible',
  'focusConversation',
  'refreshVisitor',
  'loadMoreHistory',
  'loadTranscript',
  'syncCanned',
  'sendCanned',
  'cannedUsed',
  'testNotification',
  'checkReachability',
]);

export function isRequest(value: unknown): value is Request {
  return !!value && typeof value === 'object' && TYPES.has((value as { type?: unknown }).type as string);
}

/**
 * Only our own pages may send requests: same extension id, and an extension page URL (not a
 * content script running inside a web page, which also carries our id).
 */
export function isTrustedSender(sender: { id?: string; url?: string; tab?: unknown }, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

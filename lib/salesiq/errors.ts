/**
 * Every way a SalesIQ or Zoho Accounts call can fail, as one typed error. The request function
 * is the only place that maps HTTP statuses and Zoho's HTTP-200 error envelopes to these kinds.
 */
export type ApiErrorKind =
  | 'auth' // token missing, expired or revoked (HTTP 401, codes 1001/1002): renew once, then sign out
  | 'permission' // scope or role does not allow it (HTTP 403, code 1003)
  | 'portal' // the portal / screen name is not valid for this account (code 1005)
  | 'not-found' // HTTP 404, code 1006
  | 'method' // wrong HTTP method (HTTP 405, code 1004): pickup and status retry with POST
  | 'taken' // another operator already has the chat
  | 'rate-limited' // HTTP 429: wait for Retry-After
  | 'server' // 5xx
  | 'timeout'
  | 'network' // the request never got an answer (reset, DNS, TLS)
  | 'offline' // the browser says it is offline
  | 'malformed' // the answer is not the JSON we expect
  | 'unknown'; // an error envelope with a code we do not know

export class SalesIQError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: number;
  readonly retryAfterMs?: number;

  constructor(
    kind: ApiErrorKind,
    message: string,
    details: { status?: number; code?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'SalesIQError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Failures that fix themselves with time: back off and try again. */
export function isTransient(kind: ApiErrorKind): boolean {
  return kind === 'rate-limited' || kind === 'server' || kind === 'timeout' || kind === 'network' || kind === 'offline';
}

/**
 * Failures after which SalesIQ may still have done what was asked: the request may have reached it
 * and only the answer went missing or was unreadable. A change made this way is checked by reading
 * back, never by sending it again. Offline and a local rate-limit block never sent anything; 4xx
 * answers are SalesIQ's own refusal.
 */
export function outcomeUnknown(kind: ApiErrorKind): boolean {
  return kind === 'timeout' || kind === 'network' || kind === 'server' || kind === 'malformed' || kind === 'unknown';
}

/** The same failure in the caller's words; an auth failure keeps its own (it ends the session). */
export function reworded(caught: unknown, message: string): SalesIQError {
  const error = asSalesIQError(caught);
  return error.kind === 'auth'
    ? error
    : new SalesIQError(error.kind, message, { status: error.status, code: error.code });
}

export function asSalesIQError(error: unknown): SalesIQError {
  if (error instanceof SalesIQError) return error;
  return new SalesIQError('unknown', error instanceof Error ? error.message : String(error));
}

/** Plain-words sentences for operators: what is wrong and what happens next. */
export function describeError(kind: ApiErrorKind): string {
  switch (kind) {
    case 'auth':
      return 'Your Zoho sign-in has expired. Sign in again to keep receiving chats.';
    case 'permission':
      return 'Your SalesIQ role does not allow this. Ask a SalesIQ admin for access.';
    case 'portal':
      return 'This SalesIQ portal is not available to your account. Choose another portal in Settings.';
    case 'not-found':
      return 'SalesIQ could not find that chat. It may have been closed.';
    case 'method':
      return 'SalesIQ refused the request. Try again; if it keeps failing, update the extension.';
    case 'taken':
      return 'Another operator picked up this chat first.';
    case 'rate-limited':
      return 'SalesIQ asked us to slow down. Checking again shortly.';
    case 'server':
      return 'SalesIQ is having trouble right now. Retrying automatically.';
    case 'timeout':
      return 'SalesIQ is not answering in time. Retrying automatically.';
    case 'network':
      return 'Could not reach SalesIQ. Retrying automatically.';
    case 'offline':
      return 'You are offline. Chats will update when the connection is back.';
    case 'malformed':
      return 'SalesIQ sent an answer we could not read. Retrying automatically.';
    case 'unknown':
      return 'Something went wrong talking to SalesIQ. Retrying automatically.';
  }
}

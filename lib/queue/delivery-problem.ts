import type { PollState, SessionInfo } from '../records';

/**
 * Whether chats can reach the operator, from the session and the poll state alone (page-safe):
 * the background's desktop notice and the pages' banners decide it the same way.
 */
export type DeliveryProblem = 'sign-in' | 'failing';

/** SalesIQ failing this long (since the first failure after a success) is worth interrupting for. */
export const FAILING_NOTICE_AFTER_MS = 30_000;

export function deliveryProblem(
  session: SessionInfo | undefined,
  poll: PollState | undefined,
  now: number,
): DeliveryProblem | undefined {
  if (session?.state === 'expired') return 'sign-in';
  if (session?.state !== 'signed-in') return undefined;
  return failingTooLong(poll, now) ? 'failing' : undefined;
}

/** SalesIQ has failed long enough to tell the operator chats are not reaching them. */
export function failingTooLong(poll: PollState | undefined, now: number): boolean {
  if (!poll?.error) return false;
  return now - (poll.failingSince ?? poll.error.at) >= FAILING_NOTICE_AFTER_MS;
}

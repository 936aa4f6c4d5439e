import type { ApiErrorKind } from '../salesiq/errors';
import type { OperatorStatus } from '../salesiq/types';

/**
 * How long until the next poll: the one place where latency is traded against API calls.
 * A poll costs one request per department the operator belongs to.
 * - Available: every 4.2 s (≈ 14 polls a minute), so a new chat is seen within ~5 s.
 * - A popup or side panel is open: every 2 s; the operator is looking right now.
 * - Busy: once a minute; they cannot take chats, but the badge stays roughly right.
 * - Errors: exponential backoff with jitter, capped at 5 minutes; 429 waits for Retry-After.
 */
export const AVAILABLE_INTERVAL_MS = 4_200;
export const VISIBLE_INTERVAL_MS = 2_000;
export const BUSY_INTERVAL_MS = 60_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export interface CadenceInput {
  status: OperatorStatus | undefined;
  pagesVisible: boolean;
  failures: number;
  errorKind?: ApiErrorKind;
  retryAfterMs?: number;
  random?: () => number;
}

export function backoffMs(failures: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // Full jitter in [50 %, 100 %] so many browsers do not retry in lockstep.
  return Math.round(exponential * (0.5 + random() / 2));
}

export function nextPollDelayMs(input: CadenceInput): number {
  if (input.errorKind) {
    const backoff = backoffMs(input.failures, input.random);
    if (input.errorKind === 'rate-limited') return Math.min(Math.max(input.retryAfterMs ?? 30_000, backoff), BACKOFF_CAP_MS);
    return backoff;
  }
  if (input.status === 'busy') return BUSY_INTERVAL_MS;
  return input.pagesVisible ? VISIBLE_INTERVAL_MS : AVAILABLE_INTERVAL_MS;
}

import type { ApiErrorKind } from '../salesiq/errors';
import type { OperatorStatus } from '../salesiq/types';

/**
 * How long until the next poll: the one place where latency is traded against API calls.
 * A poll costs one list request per department the operator belongs to. The product's budget
 * (issue 13, "Cost"): 15 list calls a minute per department while Available, at most 60 a minute
 * in total, so past 4 departments the cadence stretches instead of the cost growing.
 * - Available: every 4.2 s (≈ 14 polls a minute), so a new chat is seen within ~5 s.
 * - A popup or side panel is open: every 2 s; the operator is looking right now (same ceiling).
 * - Busy, or the screen is locked: once a minute; the badge stays roughly right.
 * - Network failures (refused, reset, DNS, timeout, offline): retried at least every 8 s while
 *   Available, so the queue is back within ~10 s of SalesIQ being reachable again.
 * - SalesIQ's own errors (5xx and the like): exponential backoff with jitter, capped at 60 s while
 *   Available, 5 minutes otherwise; 429 waits for Retry-After.
 */
export const AVAILABLE_INTERVAL_MS = 4_200;
export const VISIBLE_INTERVAL_MS = 2_000;
export const BUSY_INTERVAL_MS = 60_000;
const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** SalesIQ's own errors while Available: never longer than a minute between tries. */
export const AVAILABLE_BACKOFF_CAP_MS = 60_000;
/** Network failures while Available: the longest wait between tries. */
export const NETWORK_RETRY_CAP_MS = 8_000;
/** The ceiling on list calls a minute, whatever the number of departments or open pages. */
export const MAX_LIST_CALLS_PER_MINUTE = 60;

export interface CadenceInput {
  status: OperatorStatus | undefined;
  pagesVisible: boolean;
  failures: number;
  /** Departments one poll lists (one call each); at least 1. */
  departments?: number;
  /** The screen is locked: nobody is there to take a chat right now. */
  screenLocked?: boolean;
  errorKind?: ApiErrorKind;
  retryAfterMs?: number;
  random?: () => number;
}

/** The request never got an answer: nothing on SalesIQ's side asks us to slow down. */
function isNetworkFailure(kind: ApiErrorKind | undefined): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'offline';
}

export function backoffMs(failures: number, random: () => number = Math.random, capMs = BACKOFF_CAP_MS): number {
  const exponential = Math.min(capMs, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // Full jitter in [50 %, 100 %] so many browsers do not retry in lockstep.
  return Math.round(exponential * (0.5 + random() / 2));
}

/** The shortest period that keeps a poll of `departments` list calls under the ceiling. */
export function ceilingIntervalMs(departments: number): number {
  return Math.ceil((Math.max(1, departments) * 60_000) / MAX_LIST_CALLS_PER_MINUTE);
}

export function nextPollDelayMs(input: CadenceInput): number {
  const slow = input.status === 'busy' || !!input.screenLocked;
  if (input.errorKind) {
    if (input.errorKind === 'rate-limited') {
      return Math.min(Math.max(input.retryAfterMs ?? 30_000, backoffMs(input.failures, input.random)), BACKOFF_CAP_MS);
    }
    if (isNetworkFailure(input.errorKind)) {
      return backoffMs(input.failures, input.random, slow ? BUSY_INTERVAL_MS : NETWORK_RETRY_CAP_MS);
    }
    return backoffMs(input.failures, input.random, slow ? BACKOFF_CAP_MS : AVAILABLE_BACKOFF_CAP_MS);
  }
  if (slow) return BUSY_INTERVAL_MS;
  const wanted = input.pagesVisible ? VISIBLE_INTERVAL_MS : AVAILABLE_INTERVAL_MS;
  return Math.max(wanted, ceilingIntervalMs(input.departments ?? 1));
}

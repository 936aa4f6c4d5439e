import type { ApiErrorKind } from '../salesiq/errors';
import type { OperatorStatus } from '../salesiq/types';
import type { SessionState } from '../records';

/**
 * What "Can I be reached?" knows, gathered live by the background. Plain data without secrets
 * or visitor data: it is shown, and copied into a support report as it is.
 */
export interface ReachabilityFacts {
  checkedAt: number;
  version: string;
  browser: 'chrome' | 'firefox';
  userAgent: string;
  /** notifications.getPermissionLevel (Chrome); undefined where the browser cannot tell. */
  notifications: 'granted' | 'denied' | undefined;
  /** action.getUserSettings().isOnToolbar (Chrome); undefined where the browser cannot tell. */
  pinned: boolean | undefined;
  session: SessionState;
  dataCentre?: string;
  /** A token in memory now, and how long it still lives; never the token itself. */
  tokenExpiresInSec?: number;
  lastSuccessAt?: number;
  lastError?: { kind: ApiErrorKind; at: number };
  /** The delay between two polls now, with no extension page open (an open page polls faster). */
  cadenceMs?: number;
  operatorStatus?: OperatorStatus;
  /** The portal's console page answered (any status below 500); undefined when not signed in. */
  console?: { ok: boolean; detail: string };
  /** Host permissions for the account's Zoho hosts. */
  hostAccess: boolean;
}

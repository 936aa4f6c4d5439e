import type { ApiErrorKind } from '../salesiq/errors';
import type { CannedCategory, CannedResponse } from '../salesiq/types';

/** A canned response as cached in IndexedDB: only enabled ones, of the portal last synced. */
export interface CannedRecord extends CannedResponse {
  portal: string;
}

export interface CannedCategoryRecord extends CannedCategory {
  portal: string;
}

/**
 * Uses through this extension (copy, insert, send, shortcut). SalesIQ's own usage_count does not
 * see them, and ranking should react at once, not after the next sync.
 */
export interface CannedUseRecord {
  id: string;
  count: number;
  lastUsedAt: number;
}

/** A sync that started longer ago than this belongs to a worker that was stopped mid-way. */
export const STALE_SYNC_MS = 5 * 60_000;

export interface CannedSyncState {
  portal?: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** Set while a sync runs (pages show "Updating…"); a worker that died mid-sync leaves it stale. */
  startedAt?: number;
  /** The last walk saw the list shift under it, so nothing was deleted that time. */
  unstable?: boolean;
  /** Responses cached after the last successful sync. */
  count?: number;
  /** Items SalesIQ sent that failed validation in the last sync. */
  skipped?: number;
  error?: { kind: ApiErrorKind; message: string; at: number };
}

import type { ApiErrorKind } from './salesiq/errors';
import type { Conversation, DepartmentRef, OperatorStatus, Portal } from './salesiq/types';
import type { CannedCategoryRecord, CannedRecord, CannedSyncState, CannedUseRecord } from './canned/records';
import type { HistoryRecord, TranscriptRecord, VisitorCardRecord } from './visitor/records';
import type { MyChatRecord } from './my-chats/records';

/*
 * What the extension's IndexedDB holds, as plain types, and the one reading of a session every
 * room shares: pages and the background import this file; the database itself (Dexie, writes) is
 * `lib/db.ts`, background only.
 */

export interface ChatRecord extends Conversation {
  portal: string;
  /** When this extension first saw the chat waiting. */
  firstSeenAt: number;
  updatedAt: number;
  /** Set when this operator picked it up through the extension. */
  pickedUpAt?: number;
  /** When the chat first dropped out of SalesIQ's waiting list without being settled. */
  missingSince?: number;
}

/** Per chat: what the extension did and when. Answers "was I notified?" from data. */
export interface AlertRecord {
  conversationId: string;
  portal: string;
  startTime: number;
  firstSeenAt: number;
  notifiedAt?: number;
  escalatedAt?: number;
  clickedAt?: number;
  pickedUpAt?: number;
  missedAt?: number;
  takenByOtherAt?: number;
  takenBy?: string;
  /** Left the queue with no attender and not missed (the visitor left, or SalesIQ closed it). */
  endedAt?: number;
  withdrawnAt?: number;
}

export type SessionState = 'signed-out' | 'signing-in' | 'choosing-portal' | 'signed-in' | 'expired';

export interface SessionInfo {
  state: SessionState;
  location?: string;
  accountsHost?: string;
  salesiqHost?: string;
  portals?: Portal[];
  portal?: Portal;
  operatorName?: string;
  operatorEmail?: string;
  departments?: DepartmentRef[];
  /** A plain-words reason for the last sign-in failure. */
  error?: string;
  updatedAt: number;
}

/**
 * The one "signed in to a portal" check: the portal the operator is signed in to, or undefined
 * while signed out, signing in, choosing a portal or expired.
 */
export function activePortal(session: Pick<SessionInfo, 'state' | 'portal'> | null | undefined): Portal | undefined {
  return session?.state === 'signed-in' ? session.portal : undefined;
}

export interface PollState {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  nextPollAt?: number;
  lastStatusCheckAt?: number;
  failures: number;
  error?: { kind: ApiErrorKind; message: string; at: number };
  /** Items SalesIQ sent that failed validation in the last poll. */
  skipped?: number;
  /** The first failure since the last success: how long SalesIQ has been failing. */
  failingSince?: number;
  /** SalesIQ's clock minus this machine's (from its `Date` header): chat times are SalesIQ's. */
  clockOffsetMs?: number;
}

export interface OperatorState {
  status: OperatorStatus;
  /** The status changed on SalesIQ's side without the operator doing it here. */
  changedElsewhereAt?: number;
  updatedAt: number;
}

/** The conversation the side panel shows, and what put it there (written by lib/visitor/focus.ts). */
export interface FocusRecord {
  conversationId: string;
  source: 'pickup' | 'popup' | 'notification' | 'reply' | 'console-tab' | 'chooser';
  at: number;
}
export type FocusSource = FocusRecord['source'];

export interface MetaValues {
  session: SessionInfo;
  poll: PollState;
  operator: OperatorState;
  cannedSync: CannedSyncState;
  /** Zoho hosts whose site access the user turned off (lib/host-access.ts): host patterns of the
   * signed-in data centre this extension can no longer reach. */
  hostAccess: { missing: string[]; checkedAt: number };
  focus: FocusRecord;
}
export type MetaKey = keyof MetaValues;

export interface MetaRecord {
  key: MetaKey;
  value: unknown;
}

/** Each table and the records it holds: the shape pages read without Dexie. */
export interface TableRecords {
  chats: ChatRecord;
  alerts: AlertRecord;
  meta: MetaRecord;
  canned: CannedRecord;
  cannedCategories: CannedCategoryRecord;
  cannedUses: CannedUseRecord;
  visitors: VisitorCardRecord;
  history: HistoryRecord;
  transcripts: TranscriptRecord;
  myChats: MyChatRecord;
}
export type TableName = keyof TableRecords;

import type { ApiErrorKind } from '../salesiq/errors';
import type { Conversation, Feedback, Message, VisitorProfile } from '../salesiq/types';

/**
 * What the side panel caches about visitors, one record per thing it shows. Every record carries
 * `savedAt` (the last time the server answered) and, when the last refresh failed, `error`, so a
 * page can tell fresh from saved-but-stale without asking anyone. The retention purge deletes by
 * `savedAt`; sign-out clears these tables with the rest of the account data.
 */
export interface RefreshError {
  kind: ApiErrorKind;
  message: string;
  at: number;
}

/** The "why is there no rich profile" answer of the v3 visitors API. */
export type ProfileState = 'found' | 'not-found' | 'disabled' | 'error';

/** The visitor card of one conversation: the conversation as SalesIQ sees it, plus v3 enrichment. */
export interface VisitorCardRecord {
  conversationId: string;
  portal: string;
  conversation: Conversation;
  profile?: VisitorProfile;
  profileState?: ProfileState;
  profileCheckedAt?: number;
  savedAt: number;
  error?: RefreshError;
}

export interface HistoryItem {
  conversation: Conversation;
  feedback?: Feedback;
  /** Set once SalesIQ answered the feedback question (with a rating or with "none"). */
  feedbackCheckedAt?: number;
}

/** Paging position in one department's list (the list endpoint covers one department per call). */
export interface HistoryCursor {
  /** The last page loaded (1-based); 0 = none yet. */
  page: number;
  /** The department's list has no more pages. */
  done: boolean;
  /** Start time of the oldest conversation loaded from this department. */
  oldest?: number;
}

/** One visitor's earlier conversations, by email, in one portal. */
export interface HistoryRecord {
  /** historyKey(portal, email) */
  key: string;
  portal: string;
  email: string;
  items: HistoryItem[];
  /** Per department id ('' when the operator has no departments listed). */
  cursors: Record<string, HistoryCursor>;
  savedAt: number;
  error?: RefreshError;
}

export interface TranscriptRecord {
  conversationId: string;
  messages: Message[];
  savedAt: number;
  error?: RefreshError;
}

export function historyKey(portal: string, email: string): string {
  return `${portal}\n${email.trim().toLowerCase()}`;
}

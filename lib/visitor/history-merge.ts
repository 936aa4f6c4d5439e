import type { Conversation } from '../salesiq/types';
import type { HistoryCursor, HistoryItem, HistoryRecord } from './records';

/**
 * Pure paging logic of a visitor's earlier conversations. SalesIQ lists one department per call,
 * newest first, so the history is a k-way merge of several paged lists: an item is only shown
 * once every department that may still hold a newer one has been read that far back.
 */
export const HISTORY_PAGE_SIZE = 10;

function newestFirst(a: HistoryItem, b: HistoryItem): number {
  return (
    b.conversation.startTime - a.conversation.startTime ||
    (a.conversation.id < b.conversation.id ? 1 : a.conversation.id > b.conversation.id ? -1 : 0)
  );
}

/** Fresh conversation data replaces the old; a feedback answer already fetched is kept. */
export function mergeHistory(items: readonly HistoryItem[], incoming: readonly Conversation[]): HistoryItem[] {
  const byId = new Map(items.map((item) => [item.conversation.id, item]));
  for (const conversation of incoming) {
    const known = byId.get(conversation.id);
    byId.set(conversation.id, { ...known, conversation });
  }
  return [...byId.values()].sort(newestFirst);
}

/** The cursor after reading page `page` of a department, which answered with `received`. */
export function advanceCursor(
  cursor: HistoryCursor | undefined,
  page: number,
  received: readonly Conversation[],
  pageSize = HISTORY_PAGE_SIZE,
): HistoryCursor {
  const oldestReceived = received.length ? Math.min(...received.map((c) => c.startTime)) : undefined;
  const oldest = [cursor?.oldest, oldestReceived].filter((t): t is number => t !== undefined);
  return {
    page: Math.max(cursor?.page ?? 0, page),
    // A short page is the last one. A full page read again (the page-1 refresh) changes nothing.
    done: received.length < pageSize || (page <= (cursor?.page ?? 0) && !!cursor?.done),
    oldest: oldest.length ? Math.min(...oldest) : undefined,
  };
}

/** Departments with pages still to read, and the page each reads next. */
export function nextPages(cursors: Record<string, HistoryCursor>): Array<{ department: string; page: number }> {
  return Object.entries(cursors)
    .filter(([, cursor]) => !cursor.done)
    .map(([department, cursor]) => ({ department, page: cursor.page + 1 }));
}

export interface VisibleHistory {
  items: HistoryItem[];
  /** More conversations may exist: some department has pages left. */
  hasMore: boolean;
}

/**
 * What the panel may show without lying about order: everything at least as new as the oldest
 * item of every unfinished department. The current conversation is never part of its own history.
 */
export function visibleHistory(
  record: Pick<HistoryRecord, 'items' | 'cursors'> | undefined,
  currentId: string | undefined,
): VisibleHistory {
  if (!record) return { items: [], hasMore: false };
  const unfinished = Object.values(record.cursors).filter((c) => !c.done);
  const cutoff = unfinished.reduce(
    (max, c) => Math.max(max, c.oldest ?? Number.POSITIVE_INFINITY),
    Number.NEGATIVE_INFINITY,
  );
  const items = record.items.filter(
    (item) => item.conversation.id !== currentId && item.conversation.startTime >= cutoff,
  );
  return { items, hasMore: unfinished.length > 0 };
}

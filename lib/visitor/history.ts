import { withAuth } from '../auth/session';
import { db, writeForPortal } from '../db';
import { getFeedback, listConversations } from '../salesiq/api';
import { SalesIQError, isTransient } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import { mapLimit, refreshError, rethrowAuth, singleFlight } from './common';
import { HISTORY_PAGE_SIZE, advanceCursor, mergeHistory, nextPages } from './history-merge';
import { historyKey, type HistoryRecord } from './records';

/**
 * A visitor's earlier conversations: `GET /conversations?email=`, once per department (the list
 * covers one department per call), merged newest first, with ratings filled in afterwards so the
 * list paints before the slower feedback calls finish.
 */
const FEEDBACK_CONCURRENCY = 4;
const FEEDBACK_PER_RUN = 20;
const RATED_STATUSES: ReadonlySet<Conversation['status']> = new Set(['ended', 'closed']);

interface Visitor {
  portal: string;
  email: string;
  departments: string[];
}

async function fetchPage(email: string, department: string, page: number) {
  const { items } = await withAuth((t) =>
    listConversations(t, { email, departmentId: department || undefined, page, limit: HISTORY_PAGE_SIZE }),
  );
  return { department, page, items };
}

async function saveError(key: string, visitor: Visitor, error: unknown, now: number): Promise<void> {
  await writeForPortal(visitor.portal, [db.history], async () => {
    const current = await db.history.get(key);
    await db.history.put({
      key,
      portal: visitor.portal,
      email: visitor.email,
      items: current?.items ?? [],
      cursors: current?.cursors ?? {},
      savedAt: current?.savedAt ?? 0,
      error: refreshError(error, now),
    });
  });
}

async function readPages(
  visitor: Visitor,
  pages: Array<{ department: string; page: number }>,
  now: number,
): Promise<HistoryRecord | undefined> {
  const key = historyKey(visitor.portal, visitor.email);
  let results: Awaited<ReturnType<typeof fetchPage>>[];
  try {
    results = await Promise.all(pages.map(({ department, page }) => fetchPage(visitor.email, department, page)));
  } catch (error) {
    rethrowAuth(error);
    await saveError(key, visitor, error, now);
    throw error;
  }
  return writeForPortal(visitor.portal, [db.history], async () => {
    const current = await db.history.get(key);
    let items = current?.items ?? [];
    // Departments the operator left no longer page; departments they joined start at page 0.
    const cursors = Object.fromEntries(
      visitor.departments.map((d) => [d, current?.cursors[d] ?? { page: 0, done: false }]),
    );
    for (const result of results) {
      items = mergeHistory(items, result.items);
      cursors[result.department] = advanceCursor(cursors[result.department], result.page, result.items);
    }
    const record: HistoryRecord = { key, portal: visitor.portal, email: visitor.email, items, cursors, savedAt: now };
    await db.history.put(record);
    return record;
  });
}

/** Ratings for ended conversations not asked about yet. "No feedback" is an answer too. */
async function fillFeedback(key: string, portal: string, now: number): Promise<void> {
  const record = await db.history.get(key);
  const todo = (record?.items ?? [])
    .filter((i) => !i.feedbackCheckedAt && RATED_STATUSES.has(i.conversation.status))
    .slice(0, FEEDBACK_PER_RUN);
  if (!todo.length) return;
  const results = await mapLimit(todo, FEEDBACK_CONCURRENCY, (item) =>
    withAuth((t) => getFeedback(t, item.conversation.id)),
  );
  const answers = new Map<string, HistoryRecord['items'][number]['feedback'] | null>();
  results.forEach((result, i) => {
    const id = todo[i]!.conversation.id;
    if (result.status === 'fulfilled') {
      const { rating, comment, ratingLabel } = result.value;
      answers.set(id, rating || comment ? { rating, comment, ratingLabel } : null);
      return;
    }
    rethrowAuth(result.reason);
    // Transient failures are asked again next time; any refusal (no feedback, no scope) is final.
    if (!(result.reason instanceof SalesIQError && isTransient(result.reason.kind))) answers.set(id, null);
  });
  if (!answers.size) return;
  await writeForPortal(portal, [db.history], async () => {
    const current = await db.history.get(key);
    if (!current) return;
    const items = current.items.map((item) => {
      const answer = answers.get(item.conversation.id);
      return answer === undefined ? item : { ...item, feedback: answer ?? undefined, feedbackCheckedAt: now };
    });
    await db.history.put({ ...current, items });
  });
}

// One page-1 refresh and one "more" per visitor at a time; transactions keep their merges whole.
const flights = singleFlight<void>();

/** Page 1 of every department again: new conversations and status changes show up. */
export function refreshHistory(visitor: Visitor, now = Date.now()): Promise<void> {
  const key = historyKey(visitor.portal, visitor.email);
  return flights(`refresh\n${key}`, async () => {
    await readPages(
      visitor,
      visitor.departments.map((department) => ({ department, page: 1 })),
      now,
    );
    await fillFeedback(key, visitor.portal, now);
  });
}

/** The next page of every department that has more. */
export function loadMoreHistory(visitor: Visitor, now = Date.now()): Promise<void> {
  const key = historyKey(visitor.portal, visitor.email);
  return flights(`more\n${key}`, async () => {
    const current = await db.history.get(key);
    if (!current?.savedAt) return refreshHistory(visitor, now);
    const cursors = Object.fromEntries(
      visitor.departments.map((d) => [d, current.cursors[d] ?? { page: 0, done: false }]),
    );
    const pages = nextPages(cursors);
    if (!pages.length) return;
    await readPages(visitor, pages, now);
    await fillFeedback(key, visitor.portal, now);
  });
}

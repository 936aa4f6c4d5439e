import { readSession, withAuth } from '../auth/session';
import { currentTarget, withTarget } from '../auth/with-auth';
import { SessionChanged, db, readMeta, writeForPortal, writeMeta, type ChatRecord } from '../db';
import { activePortal } from '../records';
import { getConversation, listConversations } from '../salesiq/api';
import { SalesIQError, asSalesIQError, isTransient } from '../salesiq/errors';
import { serverClockOffsetMs } from '../salesiq/server-clock';
import { attenderOf, type ChatStatus, type Conversation } from '../salesiq/types';
import { recordFirstSeen, stamp } from './alert-log';
import { chatNotificationIds } from './notifications';

/**
 * One poll: the waiting chats of every department the operator belongs to (the list endpoint
 * only covers the current department unless asked), merged by id and written to IndexedDB.
 * Chats that stopped waiting are classified: taken by another operator, missed, or ours.
 */
export interface PollResult {
  waiting: ChatRecord[];
  /** Chats no longer waiting, with what became of them. */
  gone: { chat: ChatRecord; outcome: GoneOutcome }[];
  skipped: number;
}

type GoneOutcome = 'taken' | 'missed' | 'picked-up-by-me' | 'ended';

/**
 * Lookups of chats that left the queue, per poll; the rest wait for the next poll. A chat whose
 * notification is on screen is looked up at once whatever the count: after an outage dozens of
 * chats may have left together, and each notification must go within seconds (issue 13).
 */
const MAX_CLASSIFY_PER_POLL = 8;
/** Lookups in flight at once: many left chats are settled in about the time of a few requests. */
const CLASSIFY_CONCURRENCY = 4;
/** A chat absent from the list this long is closed even if SalesIQ will not say what became of it. */
const CLOSE_MISSING_AFTER_MS = 60_000;
/** A pickup this recent explains why SalesIQ's list may still show the chat as waiting. */
const PICKUP_LIST_LAG_MS = 60_000;
/** SalesIQ's largest page. A full page means there may be more. */
const PAGE_SIZE = 99;
/** A runaway-paging guard: ten pages is ~1,000 waiting chats in one department. */
const MAX_PAGES = 10;
/**
 * A waiting-list call that has not answered in this long is given up: with the default 15 s, one
 * request hung just before SalesIQ came back would delay the next poll past the ~10 s recovery target.
 */
const WAITING_LIST_TIMEOUT_MS = 5_000;

async function fetchWaiting(departmentIds: string[]): Promise<{ chats: Conversation[]; skipped: number }> {
  const queries = departmentIds.length ? departmentIds : [undefined];
  const byId = new Map<string, Conversation>();
  let skipped = 0;
  // One session and token read for the whole poll, not one per request: withTarget still renews
  // the token once if SalesIQ refuses it.
  const target = await currentTarget();
  for (const departmentId of queries) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await withTarget(target, (t) =>
        listConversations(t, {
          status: 'waiting',
          departmentId,
          limit: PAGE_SIZE,
          page,
          timeoutMs: WAITING_LIST_TIMEOUT_MS,
        }),
      );
      skipped += result.skipped;
      for (const chat of result.items)
        if (chat.status === 'waiting' || chat.status === 'unknown') byId.set(chat.id, chat);
      if (result.items.length + result.skipped < PAGE_SIZE) break;
    }
  }
  return { chats: [...byId.values()], skipped };
}

function outcomeOf(chat: Conversation, myOperatorId: string): GoneOutcome {
  if (chat.status === 'missed') return 'missed';
  const attender = attenderOf(chat);
  if (attender && attender.id === myOperatorId) return 'picked-up-by-me';
  if (attender) return 'taken';
  return 'ended';
}

/** What became of a chat that left the queue; undefined = not settled yet, ask again next poll. */
async function classifyGone(
  chat: ChatRecord,
  myOperatorId: string,
): Promise<{ fresh?: Conversation; outcome: GoneOutcome } | undefined> {
  try {
    const fresh = await withAuth((t) => getConversation(t, chat.id, { timeoutMs: WAITING_LIST_TIMEOUT_MS }));
    // Still waiting for an operator: the list lagged or paged past it; it is not gone.
    if (fresh.status === 'waiting' && !attenderOf(fresh)) return undefined;
    return { fresh, outcome: outcomeOf(fresh, myOperatorId) };
  } catch (caught) {
    const error = asSalesIQError(caught);
    if (error.kind === 'auth') throw error;
    if (isTransient(error.kind)) return undefined;
    // Not found, not allowed (e.g. transferred to a department we cannot read), unreadable: the
    // chat is not waiting for us any more, and asking again would fail the same way.
    return { outcome: 'ended' };
  }
}

/**
 * A pickup or lookup that settled a chat after this poll began wins over the poll's snapshot, and
 * SalesIQ's list may show a chat we picked up a moment ago as still waiting.
 */
function settledSince(known: ChatRecord | undefined, pollStartedAt: number): boolean {
  if (!known) return false;
  if (known.pickedUpAt !== undefined && known.pickedUpAt >= pollStartedAt - PICKUP_LIST_LAG_MS) return true;
  return known.status !== 'waiting' && known.updatedAt >= pollStartedAt;
}

/**
 * Whether a listed chat differs from what is stored, apart from the time stamp. Rewriting an
 * unchanged queue every few seconds would hold the chats table for every poll and send every open
 * page to re-read it for nothing.
 */
function changedSince(before: ChatRecord, next: ChatRecord): boolean {
  return JSON.stringify({ ...before, updatedAt: 0 }) !== JSON.stringify({ ...next, updatedAt: 0 });
}

export async function pollWaitingChats(now = Date.now()): Promise<PollResult> {
  const session = await readSession();
  const active = activePortal(session);
  if (!active) throw new SalesIQError('auth', 'Not signed in.');
  const portal = active.screen;
  const { chats, skipped } = await fetchWaiting((session.departments ?? []).map((d) => d.id));

  const merged = await writeForPortal(portal, [db.chats, db.alerts], async () => {
    const known = await db.chats.bulkGet(chats.map((c) => c.id));
    const waiting: ChatRecord[] = [];
    const changed: ChatRecord[] = [];
    chats.forEach((chat, i) => {
      const before = known[i];
      if (settledSince(before, now)) return;
      // A chat without start_time gets "now" from the schema on every poll: keep the earliest, so
      // its wait clock (and escalation) counts from when we first saw it.
      const startTime = Math.min(chat.startTime, before?.startTime ?? chat.startTime);
      // Listed again: a chat we picked up long ago is back in the queue (e.g. transferred back).
      const requeued = { pickedUpAt: undefined, missingSince: undefined };
      const next: ChatRecord = {
        ...before,
        ...chat,
        ...requeued,
        startTime,
        status: 'waiting',
        portal,
        firstSeenAt: before?.firstSeenAt ?? now,
        updatedAt: now,
      };
      waiting.push(next);
      if (!before || changedSince(before, next)) changed.push(next);
    });
    const listed = new Set(chats.map((c) => c.id));
    // Keys first: the listed chats are most of the waiting ones, and were read above.
    const unlisted = (await db.chats.where('status').equals('waiting').primaryKeys()).filter((id) => !listed.has(id));
    const left = (await db.chats.bulkGet(unlisted)).filter((c): c is ChatRecord => c?.portal === portal);
    // Even an empty bulkPut marks the table changed for Dexie, which would wake every open page.
    if (changed.length) await db.chats.bulkPut(changed);
    // Pages measure waits with the stored offset: it is stored with the chats it applies to, so a
    // page never shows a chat (e.g. right after sign-in) against a missing or stale offset.
    const poll = await readMeta('poll');
    const offset = serverClockOffsetMs(poll?.clockOffsetMs);
    if (poll?.clockOffsetMs !== offset) await writeMeta('poll', { failures: 0, ...poll, clockOffsetMs: offset });
    // An unchanged waiting chat got its alert record when it was last written.
    await recordFirstSeen(
      changed.map((c) => ({ conversationId: c.id, portal, startTime: c.startTime })),
      now,
    );
    return { waiting, left };
  });
  if (!merged) throw new SessionChanged();

  const gone: PollResult['gone'] = [];
  // Chats with a notification on screen first, then those missing longest; lookups are bounded per
  // poll except for the ones on screen.
  const onScreen = new Set(await chatNotificationIds().catch(() => [] as string[]));
  const left = [...merged.left].sort(
    (a, b) =>
      Number(onScreen.has(b.id)) - Number(onScreen.has(a.id)) || (a.missingSince ?? now) - (b.missingSince ?? now),
  );
  const results = await inBatches(left, CLASSIFY_CONCURRENCY, (chat, index) => {
    const overdue = now - (chat.missingSince ?? now) >= CLOSE_MISSING_AFTER_MS;
    if (overdue) return Promise.resolve({ outcome: 'ended' as const });
    return onScreen.has(chat.id) || index < MAX_CLASSIFY_PER_POLL
      ? classifyGone(chat, active.operatorId)
      : Promise.resolve(undefined);
  });
  for (const [index, chat] of left.entries()) {
    const missingSince = chat.missingSince ?? now;
    const result = results[index];
    if (!result) {
      if (!chat.missingSince) {
        const noted = await writeForPortal(portal, [db.chats], () => db.chats.update(chat.id, { missingSince }));
        if (noted === undefined) throw new SessionChanged();
      }
      continue;
    }
    const { fresh, outcome } = result;
    const status: ChatStatus = fresh?.status && fresh.status !== 'waiting' ? fresh.status : 'ended';
    const updated: ChatRecord = {
      ...chat,
      ...fresh,
      visitor: { ...chat.visitor, ...fresh?.visitor },
      status,
      portal,
      missingSince: undefined,
      updatedAt: Date.now(),
      pickedUpAt: outcome === 'picked-up-by-me' ? (chat.pickedUpAt ?? now) : chat.pickedUpAt,
    };
    const written = await writeForPortal(portal, [db.chats, db.alerts], async () => {
      await db.chats.put(updated);
      if (outcome === 'missed') await stamp(chat.id, 'missedAt', {}, now);
      if (outcome === 'taken')
        await stamp(chat.id, 'takenByOtherAt', { takenBy: fresh && attenderOf(fresh)?.name }, now);
      if (outcome === 'picked-up-by-me') await stamp(chat.id, 'pickedUpAt', {}, now);
      if (outcome === 'ended') await stamp(chat.id, 'endedAt', {}, now);
      return true;
    });
    if (!written) throw new SessionChanged();
    gone.push({ chat: updated, outcome });
  }
  return { waiting: merged.waiting, gone, skipped };
}

/** `work` over every item, at most `size` at a time, results in the items' order. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, i) => work(item, start + i)))));
  }
  return results;
}

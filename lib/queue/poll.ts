import { withAuth, readSession } from '../auth/session';
import { db, type ChatRecord } from '../db';
import { getConversation, listConversations } from '../salesiq/api';
import { SalesIQError } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import { recordFirstSeen, stamp } from './alert-log';

/**
 * One poll: the waiting chats of every department the operator belongs to (the list endpoint
 * only covers the current department unless asked), merged by id and written to IndexedDB.
 * Chats that stopped waiting are classified: taken by another operator, missed, or ours.
 */
export interface PollResult {
  waiting: ChatRecord[];
  added: ChatRecord[];
  /** Chats no longer waiting, with what became of them. */
  gone: { chat: ChatRecord; outcome: GoneOutcome }[];
  skipped: number;
}

export type GoneOutcome = 'taken' | 'missed' | 'picked-up-by-me' | 'ended';

/** Lookups of chats that left the queue, per poll: the rest are settled by the next poll. */
const MAX_CLASSIFY_PER_POLL = 5;
/** SalesIQ's largest page. A full page means there may be more. */
const PAGE_SIZE = 99;
/** A runaway-paging guard: ten pages is ~1,000 waiting chats in one department. */
const MAX_PAGES = 10;

export async function fetchWaiting(departmentIds: string[]): Promise<{ chats: Conversation[]; skipped: number }> {
  const queries = departmentIds.length ? departmentIds : [undefined];
  const byId = new Map<string, Conversation>();
  let skipped = 0;
  for (const departmentId of queries) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await withAuth((t) => listConversations(t, { status: 'waiting', departmentId, limit: PAGE_SIZE, page }));
      skipped += result.skipped;
      for (const chat of result.items) if (chat.status === 'waiting' || chat.status === 'unknown') byId.set(chat.id, chat);
      if (result.items.length + result.skipped < PAGE_SIZE) break;
    }
  }
  return { chats: [...byId.values()], skipped };
}

function outcomeOf(chat: Conversation, myOperatorId: string): GoneOutcome {
  if (chat.status === 'missed') return 'missed';
  const attender = chat.attender ?? chat.owner;
  if (attender && attender.id === myOperatorId) return 'picked-up-by-me';
  if (attender) return 'taken';
  return 'ended';
}

async function classifyGone(chat: ChatRecord, myOperatorId: string): Promise<{ fresh?: Conversation; outcome: GoneOutcome }> {
  try {
    const fresh = await withAuth((t) => getConversation(t, chat.id));
    return { fresh, outcome: outcomeOf(fresh, myOperatorId) };
  } catch (error) {
    if (error instanceof SalesIQError && error.kind === 'not-found') return { outcome: 'ended' };
    throw error;
  }
}

export async function pollWaitingChats(now = Date.now()): Promise<PollResult> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Not signed in.');
  const portal = session.portal.screen;
  const { chats, skipped } = await fetchWaiting((session.departments ?? []).map((d) => d.id));

  const previous = await db.chats.where('status').equals('waiting').filter((c) => c.portal === portal).toArray();
  const previousById = new Map(previous.map((c) => [c.id, c]));
  const waiting: ChatRecord[] = chats.map((chat) => {
    const before = previousById.get(chat.id);
    return { ...chat, status: 'waiting', portal, firstSeenAt: before?.firstSeenAt ?? now, updatedAt: now };
  });
  const waitingIds = new Set(waiting.map((c) => c.id));
  const added = waiting.filter((c) => !previousById.has(c.id));
  const left = previous.filter((c) => !waitingIds.has(c.id));

  await db.chats.bulkPut(waiting);
  await recordFirstSeen(added.map((c) => ({ conversationId: c.id, portal, startTime: c.startTime })), now);

  const gone: PollResult['gone'] = [];
  for (const chat of left.slice(0, MAX_CLASSIFY_PER_POLL)) {
    const { fresh, outcome } = await classifyGone(chat, session.portal.operatorId);
    const updated: ChatRecord = {
      ...chat,
      ...fresh,
      status: fresh?.status ?? 'ended',
      portal,
      updatedAt: now,
      pickedUpAt: outcome === 'picked-up-by-me' ? (chat.pickedUpAt ?? now) : chat.pickedUpAt,
    };
    await db.chats.put(updated);
    if (outcome === 'missed') await stamp(chat.id, 'missedAt', {}, now);
    if (outcome === 'taken') await stamp(chat.id, 'takenByOtherAt', { takenBy: (fresh?.attender ?? fresh?.owner)?.name }, now);
    if (outcome === 'picked-up-by-me') await stamp(chat.id, 'pickedUpAt', {}, now);
    gone.push({ chat: updated, outcome });
  }
  return { waiting, added, gone, skipped };
}

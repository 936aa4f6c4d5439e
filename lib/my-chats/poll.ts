import { readSession, withAuth } from '../auth/session';
import { SessionChanged, db, readMyChats, writeForPortal } from '../db';
import { getConversation, listMessages, listMyConnectedChats } from '../salesiq/api';
import { SalesIQError, asSalesIQError, isTransient } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import {
  DISCOVERY_INTERVAL_MS,
  MAX_GONE_LOOKUPS_PER_TURN,
  MAX_MESSAGE_READS_PER_TURN,
  departmentsToList,
} from './cadence';
import type { MyChatRecord } from './records';
import { messagesFrom, needsMessages, stateFromList, stateFromMessages, type ReplyState } from './reply-state';

/**
 * One My chats poll: the operator's connected chats (`status=connected`, `attender_id` = me) of
 * the departments due this turn (cadence.ts), merged with what is stored, written to `myChats`.
 * A chat that left the list is looked up before it is dropped: the list may lag.
 */
export interface MyChatsResult {
  chats: MyChatRecord[];
  /** Chats that are no longer mine (ended, transferred, left by the visitor). */
  ended: string[];
}

/**
 * The same timeout as the waiting list's, for every My chats call (lists and message reads): they
 * run inside the queue's turn, so a hung one must end soon or the next waiting-list poll waits too.
 */
const LIST_TIMEOUT_MS = 5_000;

/**
 * When every department of which portal was last listed. In memory: a new worker, a sign-in or a
 * portal switch lists them all at once.
 */
let lastDiscovery: { portal: string; at: number } | undefined;

async function discoveryDue(portal: string, now: number): Promise<boolean> {
  if (lastDiscovery?.portal !== portal || now - lastDiscovery.at >= DISCOVERY_INTERVAL_MS) return true;
  // Picked up here since: list its department now rather than in up to 15 s.
  const since = lastDiscovery.at;
  return (
    (await db.chats
      .where('pickedUpAt')
      .above(since)
      .filter((c) => c.portal === portal)
      .count()) > 0
  );
}

export async function pollMyChats(now = Date.now()): Promise<MyChatsResult> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Not signed in.');
  const portal = session.portal.screen;
  const operatorId = session.portal.operatorId;
  const known = new Map((await readMyChats(portal)).map((c) => [c.id, c]));
  const departments = (session.departments ?? []).map((d) => d.id);
  const withMine = new Set([...known.values()].map((c) => c.department?.id).filter((d): d is string => !!d));
  const discovery = await discoveryDue(portal, now);
  const queries = departmentsToList(departments, withMine, discovery);

  const listed = new Map<string, Conversation>();
  for (const departmentId of queries) {
    const result = await withAuth((t) =>
      listMyConnectedChats(t, { operatorId, departmentId, timeoutMs: LIST_TIMEOUT_MS }),
    );
    for (const chat of result.items) listed.set(chat.id, chat);
  }
  if (discovery) lastDiscovery = { portal, at: now };
  const listedDepartments = new Set(queries);

  const next: MyChatRecord[] = [];
  let reads = 0;
  for (const chat of listed.values()) {
    const before = known.get(chat.id);
    let state: ReplyState | undefined;
    const needed = needsMessages(chat, before);
    if (needed && reads < MAX_MESSAGE_READS_PER_TURN) {
      reads += 1;
      state = await readReplyState(chat, before, operatorId);
    }
    // Settled: from the list alone, or from the messages just read. Otherwise (over the reads a
    // turn, or the read failed) the list's best guess now, and the read again next turn.
    const settled = !needed || state !== undefined;
    state ??= stateFromList(chat, before);
    next.push({
      ...before,
      id: chat.id,
      portal,
      visitor: chat.visitor,
      department: chat.department,
      question: chat.question,
      startTime: before ? Math.min(before.startTime, chat.startTime) : chat.startTime,
      attendedTime: chat.attendedTime ?? before?.attendedTime,
      ...state,
      seenModifiedTime: settled ? chat.lastModifiedTime : before?.seenModifiedTime,
      firstSeenAt: before?.firstSeenAt ?? now,
      updatedAt: now,
    });
  }

  // Known chats missing from a department that was listed: still mine (moved department, list lag)?
  const ended: string[] = [];
  let lookups = 0;
  for (const chat of known.values()) {
    if (listed.has(chat.id)) continue;
    const departmentListed = listedDepartments.has(chat.department?.id) || listedDepartments.has(undefined);
    if (!departmentListed || lookups >= MAX_GONE_LOOKUPS_PER_TURN) continue;
    lookups += 1;
    const fresh = await lookUp(chat.id);
    if (fresh === 'unknown') continue;
    if (fresh && fresh.status === 'connected' && (fresh.attender ?? fresh.owner)?.id === operatorId) {
      next.push({
        ...chat,
        department: fresh.department ?? chat.department,
        ...stateFromList(fresh, chat),
        updatedAt: now,
      });
    } else {
      ended.push(chat.id);
    }
  }

  const written = await writeMyChats(portal, next, known, ended);
  if (!written) throw new SessionChanged();
  const current = new Map([...known].filter(([id]) => !ended.includes(id)));
  for (const chat of next) current.set(chat.id, chat);
  return { chats: [...current.values()], ended };
}

async function readReplyState(
  chat: Conversation,
  before: MyChatRecord | undefined,
  operatorId: string,
): Promise<ReplyState | undefined> {
  try {
    const { items } = await withAuth((t) =>
      listMessages(t, chat.id, { fromTime: messagesFrom(chat, before), timeoutMs: LIST_TIMEOUT_MS }),
    );
    return stateFromMessages(items, before, chat.visitor.id, operatorId);
  } catch (caught) {
    const error = asSalesIQError(caught);
    if (error.kind === 'auth') throw error;
    return undefined;
  }
}

/** The chat as SalesIQ sees it now; undefined = gone for us (not found, not allowed); 'unknown' = ask again later. */
async function lookUp(conversationId: string): Promise<Conversation | undefined | 'unknown'> {
  try {
    return await withAuth((t) => getConversation(t, conversationId, { timeoutMs: LIST_TIMEOUT_MS }));
  } catch (caught) {
    const error = asSalesIQError(caught);
    if (error.kind === 'auth') throw error;
    return isTransient(error.kind) ? 'unknown' : undefined;
  }
}

/** Only what changed is written: every write wakes the open pages' reads. */
function changed(before: MyChatRecord | undefined, next: MyChatRecord): boolean {
  return !before || JSON.stringify({ ...before, updatedAt: 0 }) !== JSON.stringify({ ...next, updatedAt: 0 });
}

async function writeMyChats(
  portal: string,
  next: MyChatRecord[],
  known: Map<string, MyChatRecord>,
  ended: string[],
): Promise<boolean> {
  const writes = next.filter((chat) => changed(known.get(chat.id), chat));
  if (!writes.length && !ended.length) return (await readSession()).portal?.screen === portal;
  const done = await writeForPortal(portal, [db.myChats], async () => {
    // The alert decision is written by the alert step; a poll must not take it back.
    const stored = await db.myChats.bulkGet(writes.map((c) => c.id));
    const merged = writes.map((chat, i) => ({
      ...chat,
      alertedLineKey: stored[i]?.alertedLineKey ?? chat.alertedLineKey,
    }));
    if (merged.length) await db.myChats.bulkPut(merged);
    if (ended.length) await db.myChats.bulkDelete(ended);
    return true;
  });
  return done === true;
}

import { withAuth } from '../auth/session';
import { db, writeForPortal } from '../db';
import { listMessages } from '../salesiq/api';
import type { Message } from '../salesiq/types';
import { refreshError, rethrowAuth, signedInPortal, singleFlight } from './common';

/** Transcripts, cached per conversation: fetched whole once, then only what is new. */
const MAX_PAGES = 10;
const PAGE = 99;

function inOrder(a: Message, b: Message): number {
  return a.time - b.time || (a.sequence ?? 0) - (b.sequence ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(inOrder);
}

/**
 * Messages from `since` on. SalesIQ pages by time only (from_time is inclusive), so a full page
 * continues from its last message's time; ids remove the overlap.
 */
async function fetchMessages(conversationId: string, since: number | undefined): Promise<Message[]> {
  let collected: Message[] = [];
  let from = since;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const { items } = await withAuth((t) => listMessages(t, conversationId, { fromTime: from, limit: PAGE }));
    const before = collected.length;
    collected = mergeMessages(collected, items);
    const last = items.at(-1)?.time;
    if (items.length < PAGE || !last || collected.length === before || last === from) break;
    from = last;
  }
  return collected;
}

async function fetchAndSave(conversationId: string, portal: string, incremental: boolean, now: number): Promise<void> {
  const cached = await db.transcripts.get(conversationId);
  const since = incremental && cached?.savedAt ? cached.messages.at(-1)?.time : undefined;
  try {
    const fresh = await fetchMessages(conversationId, since);
    await writeForPortal(portal, [db.transcripts], async () => {
      const current = await db.transcripts.get(conversationId);
      const messages = since !== undefined ? mergeMessages(current?.messages ?? [], fresh) : fresh;
      await db.transcripts.put({ conversationId, messages, savedAt: now });
    });
  } catch (error) {
    rethrowAuth(error);
    await writeForPortal(portal, [db.transcripts], async () => {
      const current = await db.transcripts.get(conversationId);
      await db.transcripts.put({
        conversationId,
        messages: current?.messages ?? [],
        savedAt: current?.savedAt ?? 0,
        error: refreshError(error, now),
      });
    });
    throw error;
  }
}

const flights = singleFlight<void>();

/** The open conversation's transcript: only messages newer than the last one saved, kept only while `portal` is signed in. */
export function refreshTranscript(conversationId: string, portal: string, now = Date.now()): Promise<void> {
  return flights(conversationId, () => fetchAndSave(conversationId, portal, true, now));
}

/** An earlier conversation's transcript, on demand: ended chats do not change, so a saved one is enough. */
export function loadTranscript(conversationId: string, now = Date.now()): Promise<void> {
  return flights(conversationId, async () => {
    const cached = await db.transcripts.get(conversationId);
    if (cached?.savedAt && !cached.error) return;
    const { portal } = await signedInPortal();
    await fetchAndSave(conversationId, portal, false, now);
  });
}

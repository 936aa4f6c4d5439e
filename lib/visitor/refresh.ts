import { SalesIQError } from '../salesiq/errors';
import { withAuth } from '../auth/session';
import { db, writeForPortal, type ChatRecord } from '../db';
import { getConversation } from '../salesiq/api';
import type { ChatStatus, Conversation } from '../salesiq/types';
import { refreshError, rethrowAuth, signedInPortal, singleFlight, type PortalContext } from './common';
import { loadMoreHistory as loadMorePages, refreshHistory } from './history';
import { findVisitorProfile } from './profile';
import { historyKey, type VisitorCardRecord } from './records';
import { refreshTranscript } from './transcripts';

/**
 * What the side panel asks for every few seconds while it is visible. Each part has its own age
 * limit, so the 5-second rhythm costs one transcript call for a live chat and almost nothing
 * for an ended one. Failures are written next to the saved data, which stays on screen.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const MAX_AGE = {
  liveCard: 15 * SECOND,
  endedCard: 5 * MINUTE,
  endedTranscript: 5 * MINUTE,
  history: 5 * MINUTE,
  profile: 30 * MINUTE,
} as const;

function isLive(status: ChatStatus): boolean {
  return status === 'waiting' || status === 'connected' || status === 'open' || status === 'unknown';
}

/** A ChatRecord is a Conversation plus the queue's bookkeeping; the card keeps only the former. */
function conversationOf(chat: ChatRecord): Conversation {
  const { portal: _p, firstSeenAt: _f, updatedAt: _u, pickedUpAt: _k, ...conversation } = chat;
  return conversation;
}

async function saveCard(
  conversationId: string,
  portal: string,
  patch: Partial<VisitorCardRecord>,
  base?: Conversation,
): Promise<VisitorCardRecord | undefined> {
  return writeForPortal(portal, [db.visitors], async () => {
    const current = await db.visitors.get(conversationId);
    const conversation = patch.conversation ?? current?.conversation ?? base;
    if (!conversation) return undefined;
    const record: VisitorCardRecord = { savedAt: 0, ...current, ...patch, conversationId, portal, conversation };
    await db.visitors.put(record);
    return record;
  });
}

/**
 * The queue only follows waiting chats; a chat this operator is in that ended elsewhere would
 * stay "connected" in the chooser forever. Only that transition is written here.
 */
async function settleFinishedChat(conversation: Conversation, portal: string, now: number): Promise<void> {
  if (isLive(conversation.status)) return;
  await writeForPortal(portal, [db.chats], async () => {
    const chat = await db.chats.get(conversation.id);
    if (chat?.status === 'connected') await db.chats.put({ ...chat, status: conversation.status, updatedAt: now });
  });
}

async function refreshCard(
  conversationId: string,
  ctx: PortalContext,
  force: boolean,
  now: number,
): Promise<{ card?: VisitorCardRecord; error?: unknown }> {
  const cached = await db.visitors.get(conversationId);
  const maxAge = cached && isLive(cached.conversation.status) ? MAX_AGE.liveCard : MAX_AGE.endedCard;
  if (cached && !force && now - cached.savedAt < maxAge && !cached.error) return { card: cached };
  try {
    const conversation = await withAuth((t) => getConversation(t, conversationId));
    const card = await saveCard(conversationId, ctx.portal, { conversation, savedAt: now, error: undefined });
    await settleFinishedChat(conversation, ctx.portal, now);
    return { card };
  } catch (error) {
    rethrowAuth(error);
    // What the queue saw of the chat is still worth showing, marked as saved, not live.
    const chat = await db.chats.get(conversationId);
    const base = chat && chat.portal === ctx.portal ? conversationOf(chat) : undefined;
    const card = await saveCard(
      conversationId,
      ctx.portal,
      { savedAt: cached?.savedAt ?? chat?.updatedAt ?? 0, error: refreshError(error, now) },
      base,
    );
    return { card, error };
  }
}

async function refreshProfile(card: VisitorCardRecord, force: boolean, now: number): Promise<void> {
  const visitorId = card.conversation.visitor.id;
  if (!visitorId) return;
  if (!force && card.profileCheckedAt && now - card.profileCheckedAt < MAX_AGE.profile) return;
  try {
    const lookup = await findVisitorProfile(visitorId);
    await saveCard(card.conversationId, card.portal, {
      profile: lookup.profile ?? (lookup.state === 'not-found' ? undefined : card.profile),
      profileState: lookup.state,
      profileCheckedAt: now,
    });
  } catch (error) {
    rethrowAuth(error);
    // Keep an earlier profile; ask again in a minute rather than on every 5-second refresh.
    await saveCard(card.conversationId, card.portal, {
      profileState: card.profile ? 'found' : 'error',
      profileCheckedAt: now - MAX_AGE.profile + MINUTE,
    });
  }
}

async function refreshTranscriptIfDue(
  card: VisitorCardRecord,
  ctx: PortalContext,
  force: boolean,
  now: number,
): Promise<void> {
  const saved = await db.transcripts.get(card.conversationId);
  const due =
    force ||
    !saved?.savedAt ||
    !!saved.error ||
    isLive(card.conversation.status) ||
    now - saved.savedAt >= MAX_AGE.endedTranscript;
  if (due) await refreshTranscript(card.conversationId, ctx.portal, now);
}

async function refreshHistoryIfDue(
  card: VisitorCardRecord,
  ctx: PortalContext,
  force: boolean,
  now: number,
): Promise<void> {
  const email = card.conversation.visitor.email;
  if (!email) return;
  const saved = await db.history.get(historyKey(ctx.portal, email));
  const due = force || !saved?.savedAt || !!saved.error || now - saved.savedAt >= MAX_AGE.history;
  if (due) await refreshHistory({ portal: ctx.portal, email, departments: ctx.departments }, now);
}

async function refresh(conversationId: string, force: boolean, now: number): Promise<void> {
  const ctx = await signedInPortal();
  const parts = (card: VisitorCardRecord) => [
    refreshTranscriptIfDue(card, ctx, force, now),
    refreshProfile(card, force, now),
    refreshHistoryIfDue(card, ctx, force, now),
  ];
  // With a saved card the rest need not wait for the card's own refresh: the visitor's email and
  // id do not change within a conversation.
  const saved = await db.visitors.get(conversationId);
  const cardRefresh = refreshCard(conversationId, ctx, force, now);
  const early = Promise.allSettled(saved ? parts(saved) : []);
  const { card, error } = await cardRefresh;
  const late = Promise.allSettled(!saved && card ? parts(card) : []);
  const settled = [...(await early), ...(await late)];
  for (const part of settled) if (part.status === 'rejected') rethrowAuth(part.reason);
  if (error) throw error;
  if (!card) throw new SalesIQError('auth', 'Signed out before the visitor details arrived.');
}

/** Card, transcript, v3 profile and page 1 of the earlier conversations, each when due. */
const flights = singleFlight<void>();

export function refreshVisitor(
  conversationId: string,
  { force = false, now = Date.now() }: { force?: boolean; now?: number } = {},
): Promise<void> {
  return flights(conversationId, () => refresh(conversationId, force, now));
}

/** The next page of the visitor's earlier conversations (the panel asks when its list end scrolls into view). */
export async function loadMoreVisitorHistory(conversationId: string, now = Date.now()): Promise<void> {
  const ctx = await signedInPortal();
  const card = await db.visitors.get(conversationId);
  const email = card?.conversation.visitor.email;
  if (!email) return;
  await loadMorePages({ portal: ctx.portal, email, departments: ctx.departments }, now);
}

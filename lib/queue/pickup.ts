import { readSession, withAuth } from '../auth/session';
import { db, writeForPortal, type ChatRecord } from '../db';
import { getConversation, pickUpConversation } from '../salesiq/api';
import { SalesIQError } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import { setFocus } from '../visitor/focus';
import { stamp } from './alert-log';
import { renderBadge } from './badge';
import { withdrawNotification } from './notifications';

/**
 * Pick up a waiting chat. "Already taken" has no documented error code, so besides a success
 * whose attender is us, everything is checked against the conversation as SalesIQ now sees it.
 */
const inFlight = new Map<string, Promise<ChatRecord>>();

export function pickUpChat(conversationId: string): Promise<ChatRecord> {
  // A double click or a notification button pressed twice shares the first attempt.
  let attempt = inFlight.get(conversationId);
  if (!attempt) {
    attempt = pickUp(conversationId).finally(() => {
      inFlight.delete(conversationId);
      return renderBadge();
    });
    inFlight.set(conversationId, attempt);
  }
  return attempt;
}

async function pickUp(conversationId: string): Promise<ChatRecord> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Sign in to pick up chats.');
  const me = session.portal.operatorId;
  const known = await db.chats.get(conversationId);

  let result: Conversation;
  let accepted = true;
  try {
    result = await withAuth((t) => pickUpConversation(t, conversationId));
  } catch (error) {
    if (!(error instanceof SalesIQError) || !['unknown', 'not-found', 'malformed'].includes(error.kind)) throw error;
    // An undocumented refusal: find out what became of the chat.
    accepted = false;
    result = await withAuth((t) => getConversation(t, conversationId));
  }
  // Success means SalesIQ names us as the attender; an accepted pickup naming nobody is checked
  // once more, and a chat then in progress with no attender named yet is ours.
  if (accepted && !isMine(result, me) && !attenderOf(result)) {
    result = await withAuth((t) => getConversation(t, conversationId));
    if (!attenderOf(result) && (result.status === 'connected' || result.status === 'open')) {
      result = { ...result, attender: { id: me, name: session.operatorName ?? 'You', isBot: false } };
    }
  }
  if (!isMine(result, me)) {
    await save(known, result, session.portal.screen);
    throw refusal(result);
  }
  const now = Date.now();
  const record = await save(known, { ...result, status: 'connected' }, session.portal.screen, now);
  await stamp(conversationId, 'pickedUpAt', {}, now);
  await setFocus(conversationId, 'pickup', now).catch(() => undefined); // the side panel shows this visitor
  await withdrawNotification(conversationId);
  return record;
}

function attenderOf(chat: Conversation) {
  return chat.attender ?? chat.owner;
}

function isMine(chat: Conversation, me: string): boolean {
  return attenderOf(chat)?.id === me;
}

function refusal(chat: Conversation): SalesIQError {
  if (chat.status === 'missed') return new SalesIQError('taken', 'This chat was already missed: the visitor stopped waiting.');
  if (chat.status === 'waiting') return new SalesIQError('unknown', 'SalesIQ did not assign the chat to you. Try again.');
  const other = chat.attender ?? chat.owner;
  if (other) return new SalesIQError('taken', `${other.name} picked up this chat first.`);
  return new SalesIQError('taken', 'This chat is no longer waiting.');
}

async function save(known: ChatRecord | undefined, chat: Conversation, portal: string, pickedUpAt?: number): Promise<ChatRecord> {
  const now = Date.now();
  const record: ChatRecord = {
    ...known,
    ...chat,
    visitor: { ...known?.visitor, ...chat.visitor },
    question: chat.question || known?.question || '',
    portal,
    firstSeenAt: known?.firstSeenAt ?? now,
    updatedAt: now,
    pickedUpAt: pickedUpAt ?? known?.pickedUpAt,
  };
  const written = await writeForPortal(portal, [db.chats], () => db.chats.put(record));
  if (written === undefined) throw new SalesIQError('auth', 'Signed out while picking up.');
  if (!pickedUpAt && chat.status !== 'waiting') await withdrawNotification(chat.id);
  return record;
}

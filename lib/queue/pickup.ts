import { readSession, withAuth } from '../auth/session';
import { db, writeForPortal, type ChatRecord } from '../db';
import { activePortal } from '../records';
import { getConversation, pickUpConversation } from '../salesiq/api';
import { SalesIQError, asSalesIQError, outcomeUnknown, reworded } from '../salesiq/errors';
import type { RequestLane } from '../salesiq/rate-limit';
import { attenderOf, type Conversation } from '../salesiq/types';
import { setFocus } from '../visitor/focus';
import { stamp } from './alert-log';
import { renderBadge } from './badge';
import { withdrawNotification } from './notifications';
import { forgetOldPickups, pickupsInFlight } from './pickup-in-flight';
import { pickupOutcome, pickupRefusal, type PickupOutcome } from './pickup-outcome';

/**
 * Pick up a waiting chat. "Already taken" has no documented error code, so besides a success
 * whose attender is us, everything is checked against the conversation as SalesIQ now sees it.
 * An answer that never came (timeout, reset, 5xx) is not a failure either: SalesIQ may have
 * assigned the chat, so it is read back before the operator is told anything, and a pickup is
 * never sent twice for one click (see pickup-in-flight.ts for a worker stopped mid-request).
 */
const inFlight = new Map<string, Promise<ChatRecord>>();

export function pickUpChat(conversationId: string): Promise<ChatRecord> {
  return once(conversationId, () => pickUp(conversationId));
}

/**
 * At worker start: pickups the previous worker sent without learning their outcome are settled by
 * reading the chats back. Nothing is sent; a chat still waiting simply stays in the queue.
 */
export async function settleInterruptedPickups(): Promise<void> {
  await forgetOldPickups();
  const pending = Object.keys(await pickupsInFlight.all()).filter((id) => !inFlight.has(id));
  for (const conversationId of pending) {
    await once(conversationId, () => pickUp(conversationId, { send: false })).catch(() => undefined);
  }
}

function once(conversationId: string, run: () => Promise<ChatRecord>): Promise<ChatRecord> {
  // A double click or a notification button pressed twice shares the first attempt.
  let attempt = inFlight.get(conversationId);
  if (!attempt) {
    attempt = run().finally(() => {
      inFlight.delete(conversationId);
      return renderBadge();
    });
    inFlight.set(conversationId, attempt);
  }
  return attempt;
}

async function pickUp(conversationId: string, { send = true } = {}): Promise<ChatRecord> {
  const session = await readSession();
  const portal = activePortal(session);
  if (!portal) throw new SalesIQError('auth', 'Sign in to pick up chats.');
  const me = { id: portal.operatorId, name: session.operatorName ?? 'You' };
  const known = await db.chats.get(conversationId);
  // Already ours (a second click, or a notification's Pick up after the popup's): nothing to send.
  if (send && known?.pickedUpAt !== undefined && known.status !== 'waiting') {
    await withdrawNotification(conversationId);
    return known;
  }

  let result: Conversation | undefined;
  let outcome: PickupOutcome | undefined;
  let unanswered = false;
  await forgetOldPickups();
  if ((await pickupsInFlight.get(conversationId)) !== undefined) {
    // An earlier pickup may have reached SalesIQ: ask what became of the chat before anything else.
    result = await readBack(conversationId, send ? 'operator' : 'background');
    outcome = pickupOutcome(result, me.id, 'read');
    if (outcome.kind === 'waiting') {
      await pickupsInFlight.remove(conversationId);
      if (!send) return save(known, result, portal.screen);
      result = undefined; // not picked up: this click sends it
    }
  }
  if (!result) {
    await pickupsInFlight.put(conversationId, Date.now());
    try {
      result = await withAuth((t) => pickUpConversation(t, conversationId));
      outcome = pickupOutcome(result, me.id, 'accepted');
    } catch (caught) {
      const error = asSalesIQError(caught);
      const refusedUnclearly = error.kind === 'not-found';
      if (!outcomeUnknown(error.kind) && !refusedUnclearly) {
        await pickupsInFlight.remove(conversationId);
        throw error;
      }
      // No answer, or an undocumented refusal: find out what became of the chat.
      unanswered = error.kind !== 'unknown' && !refusedUnclearly;
      result = await readBack(conversationId);
      outcome = pickupOutcome(result, me.id, 'read');
    }
    // An accepted pickup naming nobody is checked once more; a chat then in progress with no
    // attender named yet is ours.
    if (outcome.kind === 'unnamed') {
      result = await readBack(conversationId);
      outcome = pickupOutcome(result, me.id, 'rechecked');
    }
  }
  await pickupsInFlight.remove(conversationId);
  if (outcome!.kind !== 'mine') {
    await save(known, result, portal.screen);
    await recordEnding(conversationId, outcome!);
    throw pickupRefusal(outcome!, { unanswered });
  }
  const now = Date.now();
  const mine = attenderOf(result) ? result : { ...result, attender: { ...me, isBot: false } };
  const record = await save(known, { ...mine, status: 'connected' }, portal.screen, now);
  await stamp(conversationId, 'pickedUpAt', {}, now);
  await setFocus(conversationId, 'pickup', now).catch(() => undefined); // the side panel shows this visitor
  await withdrawNotification(conversationId);
  return record;
}

/**
 * The chat as SalesIQ sees it now. If even that fails, the pickup stays noted as in flight, so the
 * next click reads again instead of sending a second pickup. The operator waits on it, so it goes
 * in the operator's lane: a 429 from the poll or a sync must not keep the chat from being picked up.
 */
async function readBack(conversationId: string, lane: RequestLane = 'operator'): Promise<Conversation> {
  try {
    return await withAuth((t) => getConversation(t, conversationId, { lane }));
  } catch (caught) {
    throw reworded(
      caught,
      'SalesIQ did not answer, so it is not clear whether the chat is yours yet. Press Pick up again: it checks first and never picks up twice.',
    );
  }
}

/** What the pickup learned goes into the alert log, where "Was I notified?" reads how the chat ended. */
async function recordEnding(conversationId: string, outcome: PickupOutcome): Promise<void> {
  if (outcome.kind === 'missed') await stamp(conversationId, 'missedAt');
  if (outcome.kind === 'taken') await stamp(conversationId, 'takenByOtherAt', { takenBy: outcome.by });
}

async function save(
  known: ChatRecord | undefined,
  chat: Conversation,
  portal: string,
  pickedUpAt?: number,
): Promise<ChatRecord> {
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

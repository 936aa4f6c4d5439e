import { readSession, withAuth } from '../auth/session';
import { inFlightStore } from '../in-flight-store';
import { listMessages, sendMessage } from '../salesiq/api';
import { SalesIQError, asSalesIQError, outcomeUnknown, reworded } from '../salesiq/errors';
import { salesiqNow, serverClockOffsetMs } from '../salesiq/server-clock';
import type { Message } from '../salesiq/types';
import { READ_BACK_MARGIN_MS, findSentLine, type SendResult } from './send-outcome';
import { recordCannedUse } from './usage';

/** Longest text we send as one chat message; canned content itself is capped at 5,000. */
const MAX_SEND = 10_000;
/** A send whose outcome stayed unknown is checked before any resend of the same text this long. */
const UNSURE_FOR_MS = 10 * 60_000;

interface SendAttempt {
  /** This click's id, written before the request went out. */
  id: string;
  conversationId: string;
  text: string;
  sentAt: number;
}

/**
 * Sends whose answer never came, by chat and text. Kept across worker stops: a Send pressed again
 * for the same text first reads the chat, so the visitor never gets the same message twice.
 */
const unsure = inFlightStore<SendAttempt>('sendsInFlight');
const running = new Map<string, Promise<SendResult>>();

const keyOf = (conversationId: string, text: string) => `${conversationId}\n${text}`;

/**
 * Send a canned response to a chat, as the operator confirmed it in the side panel (placeholders
 * already filled, so what was shown is exactly what goes out).
 */
export function sendCannedResponse({ conversationId, responseId, text }: { conversationId: string; responseId: string; text: string }): Promise<SendResult> {
  const body = text.trim();
  if (!body) return Promise.reject(new Error('There is nothing to send.'));
  if (body.length > MAX_SEND) return Promise.reject(new Error('This response is too long to send as one message.'));
  const key = keyOf(conversationId, body);
  let attempt = running.get(key);
  if (!attempt) {
    attempt = send(key, conversationId, body, responseId).finally(() => running.delete(key));
    running.set(key, attempt);
  }
  return attempt;
}

async function send(key: string, conversationId: string, body: string, responseId: string): Promise<SendResult> {
  const session = await readSession();
  const me = session.portal?.operatorId;
  if (session.state !== 'signed-in' || !me) throw new SalesIQError('auth', 'Sign in to send responses.');

  await unsure.prune((entry) => Date.now() - entry.sentAt < UNSURE_FOR_MS);
  const earlier = await unsure.get(key);
  if (earlier) {
    const found = await readBack(earlier, me);
    if (found) return { message: found, alreadySent: true };
  }
  const attempt: SendAttempt = { id: crypto.randomUUID(), conversationId, text: body, sentAt: Date.now() };
  await unsure.put(key, attempt);
  let message: Message;
  try {
    message = await withAuth((target) => sendMessage(target, conversationId, body));
    await unsure.remove(key);
  } catch (caught) {
    const error = asSalesIQError(caught);
    if (!outcomeUnknown(error.kind)) {
      await unsure.remove(key);
      throw error;
    }
    // No answer: SalesIQ may have posted it. The entry stays, so pressing Send again checks first.
    const found = await readBack(attempt, me);
    if (!found) {
      throw new SalesIQError(error.kind, 'Not sent: SalesIQ did not answer and the chat does not show the message. Press Send again to retry.');
    }
    message = found;
  }
  await recordCannedUse(responseId);
  return { message, alreadySent: false };
}

/** The operator's line with this text, if the chat shows it; a failed read says so in words. */
async function readBack(attempt: SendAttempt, me: string): Promise<Message | undefined> {
  try {
    // The send's start on SalesIQ's clock, with the latest offset (a 5xx's Date header may have
    // taught it since): only a line stamped from then on is this send's.
    const since = salesiqNow(serverClockOffsetMs(), attempt.sentAt) - READ_BACK_MARGIN_MS;
    // The operator is waiting on this: a 429 from background work must not hold it back.
    const { items } = await withAuth((t) => listMessages(t, attempt.conversationId, { fromTime: since, lane: 'operator' }));
    return findSentLine(items, attempt.text, me, since);
  } catch (caught) {
    throw reworded(caught, 'Not sure it was sent: SalesIQ did not answer. Press Send again: it checks the chat first and never sends twice.');
  }
}

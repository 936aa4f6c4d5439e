import { readSession, withAuth } from '../auth/session';
import { inFlightStore } from '../browser/in-flight-store';
import { listMessages, sendMessage } from '../salesiq/api';
import { SalesIQError, asSalesIQError, outcomeUnknown, reworded } from '../salesiq/errors';
import { salesiqNow, serverClockOffsetMs } from '../salesiq/server-clock';
import type { Message } from '../salesiq/types';
import { READ_BACK_MARGIN_MS, findSentLine, type SendResult } from '../canned/send-outcome';

/**
 * Sending one line of text to a chat, for every way the operator sends: a canned response's Send
 * and the side panel's composer. A send whose answer never came is read back, and the same text
 * pressed again reads the chat first, so the visitor never gets the same message twice.
 */

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

export interface SendOptions {
  /** Runs once SalesIQ has the line (sent now, or found by a read-back), not for an earlier click's line. */
  afterSent?: (message: Message) => Promise<void>;
}

/**
 * Send `text` (trimmed) to the chat. The same text for the same chat while a send of it is under
 * way shares that send: a double click or a double Enter sends once.
 */
export function sendChatText(conversationId: string, text: string, options: SendOptions = {}): Promise<SendResult> {
  const body = text.trim();
  if (!body) return Promise.reject(new SalesIQError('unknown', 'There is nothing to send.'));
  if (body.length > MAX_SEND) {
    return Promise.reject(
      new SalesIQError(
        'unknown',
        `This message is too long to send as one (${body.length.toLocaleString('en')} characters; at most ${MAX_SEND.toLocaleString('en')}).`,
      ),
    );
  }
  const key = keyOf(conversationId, body);
  let attempt = running.get(key);
  if (!attempt) {
    attempt = send(key, conversationId, body, options).finally(() => running.delete(key));
    running.set(key, attempt);
  }
  return attempt;
}

async function send(
  key: string,
  conversationId: string,
  body: string,
  { afterSent }: SendOptions,
): Promise<SendResult> {
  const session = await readSession();
  const me = session.portal?.operatorId;
  if (session.state !== 'signed-in' || !me) throw new SalesIQError('auth', 'Sign in to send messages.');

  await unsure.prune((entry) => Date.now() - entry.sentAt < UNSURE_FOR_MS);
  const earlier = await unsure.get(key);
  if (earlier) {
    const found = await readBack(earlier, me);
    // Kept while it lasts: the line is in the chat, and the same text pressed again is that line.
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
      // 'unknown': SalesIQ did answer, with an error it does not document; say what it said.
      throw new SalesIQError(
        error.kind,
        error.kind === 'unknown' && error.code
          ? `Not sent: SalesIQ did not accept the message (it said: ${error.message.slice(0, 160)}).`
          : 'Not sent: SalesIQ did not answer and the chat does not show the message. Press Send again to retry.',
      );
    }
    // The entry stays (10 minutes): the operator heard nothing definite before, so the same text
    // pressed again is taken as a retry of this one and answered "already in the chat".
    message = found;
  }
  await afterSent?.(message);
  return { message, alreadySent: false };
}

/** The operator's line with this text, if the chat shows it; a failed read says so in words. */
async function readBack(attempt: SendAttempt, me: string): Promise<Message | undefined> {
  try {
    // The send's start on SalesIQ's clock, with the latest offset (a 5xx's Date header may have
    // taught it since): only a line stamped from then on is this send's.
    const since = salesiqNow(serverClockOffsetMs(), attempt.sentAt) - READ_BACK_MARGIN_MS;
    // The operator is waiting on this: a 429 from background work must not hold it back.
    const { items } = await withAuth((t) =>
      listMessages(t, attempt.conversationId, { fromTime: since, lane: 'operator' }),
    );
    return findSentLine(items, attempt.text, me, since);
  } catch (caught) {
    throw reworded(
      caught,
      'Not sure it was sent: SalesIQ did not answer. Press Send again: it checks the chat first and never sends twice.',
    );
  }
}

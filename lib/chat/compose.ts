import { readSession } from '../auth/session';
import { db } from '../db';
import { SalesIQError, asSalesIQError, describeError } from '../salesiq/errors';
import { refreshTranscript } from '../visitor/transcripts';
import { sendChatText } from './send-message';
import type { SendResult } from '../canned/send-outcome';
import { composeBlock, composeBlockText } from './compose-rule';

/** Send a line typed in the side panel; once SalesIQ has it, it joins the saved transcript at once. */
export async function sendComposed(conversationId: string, text: unknown): Promise<SendResult> {
  if (typeof text !== 'string') throw new SalesIQError('unknown', 'There is nothing to send.');
  if (typeof conversationId !== 'string' || !/^[\w$.:-]{1,80}$/.test(conversationId))
    throw new SalesIQError('unknown', 'That chat is not valid.');
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Sign in to send messages.');
  const portal = session.portal.screen;
  const known = (await db.visitors.get(conversationId))?.conversation ?? (await db.chats.get(conversationId));
  const block = known && composeBlock(known, session.portal.operatorId);
  if (block) throw new SalesIQError('taken', composeBlockText(block));
  const result = await sendChatText(conversationId, text, {
    afterSent: () => addToTranscript(conversationId, portal),
  }).catch((caught: unknown) => {
    throw sendRefusal(caught);
  });
  // A line found by a read-back for an earlier press is added too (it may not be saved yet).
  if (result.alreadySent) await addToTranscript(conversationId, portal);
  return result;
}

/**
 * The saved transcript is read again (only what is new) rather than given the echoed line: merging
 * it alone would move the transcript's "newest saved" mark past a visitor line SalesIQ stamped a
 * moment earlier, and the next incremental read would skip that line. The panel shows the line as
 * sent from SalesIQ's answer meanwhile, so a failed read here loses nothing.
 */
async function addToTranscript(conversationId: string, portal: string): Promise<void> {
  const saved = await db.transcripts.get(conversationId);
  // Only a transcript already loaded: the panel loads it whole first.
  if (!saved?.savedAt) return;
  await refreshTranscript(conversationId, portal).catch(() => undefined);
}

/**
 * A refusal SalesIQ answered (or a send that never left) in the operator's words: the wire's own
 * text ("HTTP 403", an envelope message) is not for them. Lost answers keep the read-back's words.
 */
function sendRefusal(caught: unknown): SalesIQError {
  const error = asSalesIQError(caught);
  if (/^(Not sent|Not sure|There is nothing|This message is too long)/.test(error.message) || error.kind === 'auth')
    return error;
  const words =
    error.kind === 'offline'
      ? 'Not sent: you are offline. Press Send again when the connection is back.'
      : error.kind === 'rate-limited'
        ? 'Not sent: SalesIQ asked us to slow down. Press Send again in a few seconds.'
        : `Not sent. ${describeError(error.kind)}`;
  return new SalesIQError(error.kind, words, { status: error.status, code: error.code });
}

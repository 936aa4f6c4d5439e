import { readSession } from '../auth/session';
import { db } from '../db';
import { SalesIQError } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import { refreshTranscript } from '../visitor/transcripts';
import { sendChatText } from './send-message';
import type { SendResult } from '../canned/send-outcome';

/**
 * The side panel's composer: only the operator in a connected chat may write in it. The panel
 * says why not before anyone types; this is the same rule at the boundary, on what the
 * extension last saw of the chat (SalesIQ has the final word and refuses otherwise).
 */
export type ComposeBlock = { kind: 'ended' } | { kind: 'not-mine'; by?: string } | { kind: 'waiting' };

export function composeBlock(chat: Pick<Conversation, 'status' | 'attender' | 'owner'>, myOperatorId: string): ComposeBlock | undefined {
  if (chat.status === 'waiting') return { kind: 'waiting' };
  if (chat.status !== 'connected' && chat.status !== 'open' && chat.status !== 'unknown') return { kind: 'ended' };
  const attender = chat.attender ?? chat.owner;
  if (attender && attender.id !== myOperatorId) return { kind: 'not-mine', by: attender.name };
  return undefined;
}

/** Why the composer is closed, in words with a way forward. */
export function composeBlockText(block: ComposeBlock): string {
  switch (block.kind) {
    case 'ended':
      return 'This chat has ended, so no more messages can be sent to it.';
    case 'not-mine':
      return `${block.by ?? 'Another operator'} is in this chat: only they can reply. Open it in SalesIQ to ask to join.`;
    case 'waiting':
      return 'This chat is still waiting: pick it up to reply.';
  }
}

/** Send a line typed in the side panel; once SalesIQ has it, it joins the saved transcript at once. */
export async function sendComposed(conversationId: string, text: unknown): Promise<SendResult> {
  if (typeof text !== 'string') throw new SalesIQError('unknown', 'There is nothing to send.');
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Sign in to send messages.');
  const portal = session.portal.screen;
  const known = (await db.visitors.get(conversationId))?.conversation ?? (await db.chats.get(conversationId));
  const block = known && composeBlock(known, session.portal.operatorId);
  if (block) throw new SalesIQError('taken', composeBlockText(block));
  const result = await sendChatText(conversationId, text, { afterSent: () => addToTranscript(conversationId, portal) });
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

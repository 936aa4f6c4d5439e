import type { Message } from '../salesiq/types';

/** What a canned Send answers the page (plain data, safe for pages to import as a type). */
export interface SendResult {
  message: Message;
  /** SalesIQ already showed this line from an earlier click: nothing was sent this time. */
  alreadySent: boolean;
}

/**
 * Whether a message the operator sent without hearing back reached the chat: the operator's own
 * line with exactly that text, among the chat's messages from just before the send. Whitespace
 * runs count as one, since SalesIQ may tidy them.
 */
export function findSentLine(messages: readonly Message[], text: string, operatorId: string): Message | undefined {
  const wanted = squash(text);
  return messages.find((m) => m.senderId === operatorId && squash(m.text) === wanted);
}

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * How far before the send the read-back starts: SalesIQ's clock may run ahead of or behind this
 * machine's, and from_time is on SalesIQ's clock.
 */
export const READ_BACK_MARGIN_MS = 3 * 60_000;

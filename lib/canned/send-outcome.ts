import type { Message } from '../salesiq/types';

/** What a canned Send answers the page (plain data, safe for pages to import as a type). */
export interface SendResult {
  message: Message;
  /** SalesIQ already showed this line from an earlier click: nothing was sent this time. */
  alreadySent: boolean;
}

/**
 * Whether a message the operator sent without hearing back reached the chat: the operator's own
 * line with exactly that text, stamped by SalesIQ no earlier than the send started (`sinceServerMs`,
 * on SalesIQ's clock, already less READ_BACK_MARGIN_MS). An identical line sent a minute before
 * ("One moment please", twice) is not this one. Whitespace runs count as one, since SalesIQ may
 * tidy them.
 */
export function findSentLine(
  messages: readonly Message[],
  text: string,
  operatorId: string,
  sinceServerMs: number,
): Message | undefined {
  const wanted = squash(text);
  return messages.find((m) => m.senderId === operatorId && m.time >= sinceServerMs && squash(m.text) === wanted);
}

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * How far before the send's start (on SalesIQ's clock, from the Date headers of its answers) a
 * line still counts as this send's: the offset estimate is good to about a second (the header's
 * resolution). Chosen over remembering the chat's last message ids before each send: that costs a
 * read per Send, and the extension does not keep other chats' messages.
 */
export const READ_BACK_MARGIN_MS = 2_000;

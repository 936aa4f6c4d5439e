import { sendChatText } from '../chat/send-message';
import type { SendResult } from './send-outcome';
import { recordCannedUse } from './usage';

/**
 * Send a canned response to a chat, as the operator confirmed it in the side panel (placeholders
 * already filled, so what was shown is exactly what goes out). The send itself, with its
 * read-back when the answer is lost, is the composer's (lib/chat/send-message.ts).
 */
export function sendCannedResponse({
  conversationId,
  responseId,
  text,
}: {
  conversationId: string;
  responseId: string;
  text: string;
}): Promise<SendResult> {
  if (!text.trim()) return Promise.reject(new Error('There is nothing to send.'));
  return sendChatText(conversationId, text, { afterSent: () => recordCannedUse(responseId) });
}

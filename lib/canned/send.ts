import { withAuth } from '../auth/session';
import { sendMessage } from '../salesiq/api';
import { recordCannedUse } from './usage';

/** Longest text we send as one chat message; canned content itself is capped at 5,000. */
const MAX_SEND = 10_000;

/**
 * Send a canned response to a chat, as the operator confirmed it in the side panel (placeholders
 * already filled, so what was shown is exactly what goes out).
 */
export async function sendCannedResponse({ conversationId, responseId, text }: { conversationId: string; responseId: string; text: string }) {
  const body = text.trim();
  if (!body) throw new Error('There is nothing to send.');
  if (body.length > MAX_SEND) throw new Error('This response is too long to send as one message.');
  const message = await withAuth((target) => sendMessage(target, conversationId, body));
  await recordCannedUse(responseId);
  return message;
}

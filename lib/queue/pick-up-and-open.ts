import { asSalesIQError } from '../salesiq/errors';
import { showChatNotice } from './notifications';
import { openInSalesIQ } from './open-console';
import { pickUpChat } from './pickup';

/**
 * Pick up, then open the chat in SalesIQ, or say why not: the one flow behind the notification's
 * *Pick up* button and the pick-up-oldest command. No page is open there, so a refusal is said in
 * a notification under the chat's own id (it replaces that chat's alert).
 */
export async function pickUpAndOpen(conversationId: string): Promise<void> {
  try {
    await pickUpChat(conversationId);
  } catch (error) {
    await showChatNotice(conversationId, 'Could not pick up the chat', asSalesIQError(error).message);
    return;
  }
  await openInSalesIQ(conversationId);
}

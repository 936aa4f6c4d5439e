import { asSalesIQError } from '../salesiq/errors';
import { stamp } from './alert-log';
import { conversationIdOf, showChatNotice, withdrawNotification } from './notifications';
import { openInSalesIQ } from './open-console';
import { pickUpChat } from './pickup';
import { setFocus } from '../visitor/focus';
import { openSidePanelNow } from '../visitor/side-panel';

/** What a click on a chat notification, or one of its buttons, does. */
export async function onNotificationClicked(id: string): Promise<void> {
  const conversationId = conversationIdOf(id);
  if (!conversationId) return;
  openSidePanelNow(conversationId); // before any await: the panel may only open inside the click
  await setFocus(conversationId, 'notification');
  await stamp(conversationId, 'clickedAt');
  await withdrawNotification(conversationId);
  await openInSalesIQ(conversationId);
}

export async function onNotificationButton(id: string, buttonIndex: number): Promise<void> {
  const conversationId = conversationIdOf(id);
  if (!conversationId) return;
  if (buttonIndex === 0) openSidePanelNow(conversationId); // "Pick up": show who the visitor is, within the click
  await stamp(conversationId, 'clickedAt');
  if (buttonIndex !== 0) {
    await withdrawNotification(conversationId);
    await openInSalesIQ(conversationId);
    return;
  }
  try {
    await pickUpChat(conversationId);
  } catch (error) {
    // The chat's alert becomes the answer, in plain words, under the same id.
    await showChatNotice(conversationId, 'Could not pick up the chat', asSalesIQError(error).message);
    return;
  }
  await openInSalesIQ(conversationId);
}

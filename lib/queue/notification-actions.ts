import { stamp } from './alert-log';
import { conversationIdOf, withdrawNotification } from './notifications';
import { openInSalesIQ } from './open-console';
import { pickUpAndOpen } from './pick-up-and-open';
import { setFocus } from '../visitor/focus';
import { openSidePanelNow } from '../browser/side-panel';

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
  if (buttonIndex === 0) return pickUpAndOpen(conversationId);
  await withdrawNotification(conversationId);
  await openInSalesIQ(conversationId);
}

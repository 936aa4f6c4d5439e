import { openInSalesIQ } from '../queue/open-console';
import { replyConversationIdOf, withdrawReplyNotification } from '../queue/notifications';
import { setFocus } from '../visitor/focus';
import { openSidePanelNow } from '../browser/side-panel';

/**
 * Clicks on a reply alert. *Reply* opens the side panel on the chat with its reply box focused
 * (the panel reads `compose` and the 'reply' focus); *Open in SalesIQ* and a click on the alert
 * itself (all Firefox has) open the chat in the console. Either way the alert has done its job.
 */
export function isReplyNotification(id: string): boolean {
  return replyConversationIdOf(id) !== undefined;
}

export async function onReplyNotificationClicked(id: string): Promise<void> {
  const conversationId = replyConversationIdOf(id);
  if (!conversationId) return;
  openSidePanelNow(conversationId); // before any await: the panel may only open inside the click
  await setFocus(conversationId, 'notification');
  await withdrawReplyNotification(conversationId);
  await openInSalesIQ(conversationId);
}

const REPLY_BUTTONS = { openInSalesIQ: 0, reply: 1 } as const;

export async function onReplyNotificationButton(id: string, buttonIndex: number): Promise<void> {
  const conversationId = replyConversationIdOf(id);
  if (!conversationId) return;
  if (buttonIndex === REPLY_BUTTONS.reply) {
    openSidePanelNow(conversationId, { compose: true }); // synchronously, inside the click
    await setFocus(conversationId, 'reply');
    await withdrawReplyNotification(conversationId);
    return;
  }
  await withdrawReplyNotification(conversationId);
  await openInSalesIQ(conversationId);
}

import { readSession } from '../auth/session';
import { db } from '../db';
import { asSalesIQError } from '../salesiq/errors';
import { showChatNotice } from './notifications';
import { openInSalesIQ } from './open-console';
import { pickUpChat } from './pickup';

/**
 * The "pick up the oldest waiting chat" keyboard command: the chat closest to being missed, then
 * straight into the SalesIQ console. A refusal is said in a notification, since no page is open.
 */
export async function pickUpOldestWaiting(): Promise<void> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) return;
  const screen = session.portal.screen;
  const oldest = (await db.chats.where('status').equals('waiting').filter((c) => c.portal === screen).sortBy('startTime'))[0];
  if (!oldest) return;
  try {
    await pickUpChat(oldest.id);
  } catch (error) {
    await showChatNotice(oldest.id, 'Could not pick up the chat', asSalesIQError(error).message);
    return;
  }
  await openInSalesIQ(oldest.id);
}

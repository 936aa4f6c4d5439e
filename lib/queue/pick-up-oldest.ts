import { readSession } from '../auth/session';
import { db } from '../db';
import { activePortal } from '../records';
import { pickUpAndOpen } from './pick-up-and-open';

/**
 * The "pick up the oldest waiting chat" keyboard command: the chat closest to being missed, then
 * straight into the SalesIQ console.
 */
export async function pickUpOldestWaiting(): Promise<void> {
  const session = await readSession();
  const screen = activePortal(session)?.screen;
  if (!screen) return;
  const oldest = (
    await db.chats
      .where('status')
      .equals('waiting')
      .filter((c) => c.portal === screen)
      .sortBy('startTime')
  )[0];
  if (oldest) await pickUpAndOpen(oldest.id);
}

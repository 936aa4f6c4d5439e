import { db, readMeta, type ChatRecord, type OperatorState, type SessionInfo } from '../../lib/db';

/**
 * Everything the popup's first paint needs, read in one IndexedDB transaction before rendering:
 * the popup then paints the queue at once instead of session → render → chats → render.
 */
export interface PopupInitial {
  session: SessionInfo | undefined;
  operator: OperatorState | undefined;
  waiting: ChatRecord[];
  picked: ChatRecord[];
}

/** "Just picked up" looks back this far; older pickups are not read at all. */
export const PICKED_WINDOW_MS = 30 * 60_000;

export const readWaiting = () => db.chats.where('status').equals('waiting').toArray();
export const readPicked = (now = Date.now()) => db.chats.where('pickedUpAt').aboveOrEqual(now - PICKED_WINDOW_MS).toArray();

export async function readInitial(): Promise<PopupInitial> {
  return db.transaction('r', db.meta, db.chats, async () => {
    const [session, operator, waiting, picked] = await Promise.all([readMeta('session'), readMeta('operator'), readWaiting(), readPicked()]);
    return { session, operator, waiting, picked };
  });
}

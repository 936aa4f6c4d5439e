import type { ChatRecord, OperatorState, PollState, SessionInfo } from '../../lib/records';
import { readRecords, readTogether, recordsIn, settle } from '../../lib/db-read';
import { JUST_PICKED_WINDOW_MS } from '../../lib/ui/format';

/**
 * Everything the popup's first paint needs, read in one IndexedDB transaction before rendering:
 * the first frame does not wait for a session → render → chats → render waterfall. The live
 * reads take over from these values right after.
 */
export interface PopupInitial {
  session: SessionInfo | undefined;
  poll: PollState | null;
  operator: OperatorState | undefined;
  waiting: ChatRecord[];
  picked: ChatRecord[];
}

const waitingQuery = { index: 'status', range: 'waiting' };
/** "Just picked up" looks back this far; older pickups are not read at all. */
const pickedQuery = (now: number) => ({
  index: 'pickedUpAt',
  range: IDBKeyRange.lowerBound(now - JUST_PICKED_WINDOW_MS),
});

export const readWaiting = () => readRecords('chats', waitingQuery);
export const readPicked = () => readRecords('chats', pickedQuery(Date.now()));

const EMPTY: PopupInitial = { session: undefined, poll: null, operator: undefined, waiting: [], picked: [] };

export function readInitial(now = Date.now()): Promise<PopupInitial> {
  return readTogether(['meta', 'chats'], EMPTY, async (tx) => {
    const meta = tx.objectStore('meta');
    const chats = tx.objectStore('chats');
    const [session, poll, operator, waiting, picked] = await Promise.all([
      settle<{ value: SessionInfo } | undefined>(meta.get('session')),
      settle<{ value: PollState } | undefined>(meta.get('poll')),
      settle<{ value: OperatorState } | undefined>(meta.get('operator')),
      recordsIn<ChatRecord>(chats, waitingQuery),
      recordsIn<ChatRecord>(chats, pickedQuery(now)),
    ]);
    return { session: session?.value, poll: poll?.value ?? null, operator: operator?.value, waiting, picked };
  });
}

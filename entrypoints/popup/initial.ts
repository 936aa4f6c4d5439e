import type { ChatRecord, CompanionDb, OperatorState, PollState, SessionInfo } from '../../lib/db';

/**
 * Everything the popup's first paint needs, read in one IndexedDB transaction before rendering,
 * with the plain IndexedDB API: the first frame waits neither for Dexie to load nor for a
 * session → render → chats → render waterfall. Live updates through Dexie follow right after.
 */
export interface PopupInitial {
  session: SessionInfo | undefined;
  poll: PollState | null;
  operator: OperatorState | undefined;
  waiting: ChatRecord[];
  picked: ChatRecord[];
}

/** "Just picked up" looks back this far; older pickups are not read at all. */
export const PICKED_WINDOW_MS = 30 * 60_000;

export const liveWaiting = (db: CompanionDb) => db.chats.where('status').equals('waiting').toArray();
export const livePicked = (db: CompanionDb) => db.chats.where('pickedUpAt').aboveOrEqual(Date.now() - PICKED_WINDOW_MS).toArray();

const EMPTY: PopupInitial = { session: undefined, poll: null, operator: undefined, waiting: [], picked: [] };

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** The database as the background (Dexie) created it; none yet means a fresh install. */
function openExisting(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('operator-companion');
    // Creating the database is Dexie's job, with its schema: back out if it does not exist yet.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
  });
}

export async function readInitial(now = Date.now()): Promise<PopupInitial> {
  const database = await openExisting();
  if (!database) return EMPTY;
  try {
    const tx = database.transaction(['meta', 'chats'], 'readonly');
    const meta = tx.objectStore('meta');
    const chats = tx.objectStore('chats');
    const [session, poll, operator, waiting, picked] = await Promise.all([
      request<{ value: SessionInfo } | undefined>(meta.get('session')),
      request<{ value: PollState } | undefined>(meta.get('poll')),
      request<{ value: OperatorState } | undefined>(meta.get('operator')),
      request<ChatRecord[]>(chats.index('status').getAll('waiting')),
      // A database Dexie has not upgraded yet may lack the index; the live query fills it in.
      chats.indexNames.contains('pickedUpAt')
        ? request<ChatRecord[]>(chats.index('pickedUpAt').getAll(IDBKeyRange.lowerBound(now - PICKED_WINDOW_MS)))
        : Promise.resolve([]),
    ]);
    return { session: session?.value, poll: poll?.value ?? null, operator: operator?.value, waiting, picked };
  } finally {
    database.close();
  }
}

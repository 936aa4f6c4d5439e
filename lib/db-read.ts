import type { MetaKey, MetaValues, TableName, TableRecords } from './records';

/**
 * How pages read the extension's IndexedDB: with the plain IndexedDB API, not with Dexie. The
 * background, the only writer, keeps Dexie for its transactions; a page only ever reads a record
 * by key or walks an index, which the platform does in a few lines, while Dexie alone would be
 * two thirds of the popup's 45 kB JavaScript budget. Pages learn about writes from
 * `lib/db-changes.ts`. The stores and indexes are the ones Dexie created from `lib/db.ts`.
 */
export const DATABASE_NAME = 'operator-companion';

export function settle<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** The database as the background created it; none yet (a fresh install) is not an error. */
function openExisting(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE_NAME);
    // Creating the database is the background's job, with its schema: back out of creating it.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
  });
}

let connection: Promise<IDBDatabase | undefined> | undefined;

/** One connection per page, opened on first use; undefined until the background has created the database. */
function openDatabase(): Promise<IDBDatabase | undefined> {
  connection ??= openExisting().then(
    (database) => {
      if (!database) {
        connection = undefined; // try again on the next read: the background may create it meanwhile
        return undefined;
      }
      // A newer extension version upgrading the schema waits for every connection to close.
      database.onversionchange = () => {
        database.close();
        connection = undefined;
      };
      database.onclose = () => {
        connection = undefined;
      };
      return database;
    },
    (error: unknown) => {
      connection = undefined;
      throw error;
    },
  );
  return connection;
}

/**
 * Runs `read` in one read-only transaction over `tables`, so what it reads belongs together.
 * Resolves `empty` when the database does not exist yet. A connection closed under us (an
 * upgrade) is reopened once.
 */
export async function readTogether<T>(
  tables: readonly TableName[],
  empty: T,
  read: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const database = await openDatabase();
    if (!database) return empty;
    let tx: IDBTransaction;
    try {
      tx = database.transaction(tables as TableName[], 'readonly');
    } catch (error) {
      if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
        connection = undefined;
        continue;
      }
      throw error;
    }
    return read(tx);
  }
}

export interface IndexQuery {
  index: string;
  /** A key or a key range of the index; all of it when left out. */
  range?: IDBValidKey | IDBKeyRange;
  /** 'prev' walks from the highest key down (e.g. most used first). */
  direction?: 'next' | 'prev';
  limit?: number;
}

export function readRecord<N extends TableName>(table: N, key: IDBValidKey): Promise<TableRecords[N] | undefined> {
  return readTogether([table], undefined, (tx) => settle<TableRecords[N] | undefined>(tx.objectStore(table).get(key)));
}

/** A whole table, or what an index query selects, in index order. */
export function readRecords<N extends TableName>(table: N, query?: IndexQuery): Promise<TableRecords[N][]> {
  return readTogether([table], [], (tx) => recordsIn<TableRecords[N]>(tx.objectStore(table), query));
}

export async function recordsIn<T>(store: IDBObjectStore, query?: IndexQuery): Promise<T[]> {
  if (!query) return settle<T[]>(store.getAll());
  const index = store.index(query.index);
  if (query.direction !== 'prev') return settle<T[]>(index.getAll(query.range, query.limit));
  // getAll has no direction: walk a cursor backwards, stopping at the limit.
  return new Promise((resolve, reject) => {
    const found: T[] = [];
    const cursor = index.openCursor(query.range, 'prev');
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || found.length === query.limit) return resolve(found);
      found.push(at.value as T);
      at.continue();
    };
  });
}

export async function readMetaValue<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  return (await readRecord('meta', key))?.value as MetaValues[K] | undefined;
}

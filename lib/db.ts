import Dexie, { type DBCoreMutateRequest, type EntityTable, type Table } from 'dexie';
import type { CannedCategoryRecord, CannedRecord, CannedUseRecord } from './canned/records';
import type { HistoryRecord, TranscriptRecord, VisitorCardRecord } from './visitor/records';
import type { MyChatRecord } from './my-chats/records';
import {
  activePortal,
  type AlertRecord,
  type ChatRecord,
  type MetaKey,
  type MetaRecord,
  type MetaValues,
} from './records';
import { announceChanges, tablesOfParts } from './db-changes';
import { DATABASE_NAME } from './db-read';

// Background modules import the record types from here along with `db`; pages import them from
// `./records` (pages may not import this file: it loads Dexie).
export type * from './records';

/**
 * The one IndexedDB of the extension. The background is its only writer and uses Dexie; pages
 * read it with the plain API (`lib/db-read.ts`) and re-read when the background announces a
 * committed write (`lib/db-changes.ts`).
 */
class CompanionDb extends Dexie {
  chats!: EntityTable<ChatRecord, 'id'>;
  alerts!: EntityTable<AlertRecord, 'conversationId'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  canned!: EntityTable<CannedRecord, 'id'>;
  cannedCategories!: EntityTable<CannedCategoryRecord, 'id'>;
  cannedUses!: EntityTable<CannedUseRecord, 'id'>;
  visitors!: EntityTable<VisitorCardRecord, 'conversationId'>;
  history!: EntityTable<HistoryRecord, 'key'>;
  transcripts!: EntityTable<TranscriptRecord, 'conversationId'>;
  /** The operator's own open chats: who spoke last, since when the visitor waits (lib/my-chats). */
  myChats!: EntityTable<MyChatRecord, 'id'>;

  constructor() {
    super(DATABASE_NAME);
    this.version(1).stores({
      chats: 'id, status, startTime, portal, pickedUpAt',
      alerts: 'conversationId, firstSeenAt',
      meta: 'key',
      canned: 'id, usageCount',
      cannedCategories: 'id',
      cannedUses: 'id',
      visitors: 'conversationId, savedAt',
      history: 'key, savedAt',
      transcripts: 'conversationId, savedAt',
    });
    // Version 2 only adds a table: existing data stays as it is.
    this.version(2).stores({ myChats: 'id, portal' });
  }
}

export const db = new CompanionDb();

/**
 * The meta records (session, poll state, operator status…) as this context last read them. A
 * queue turn reads them about fifteen times, each read its own IndexedDB transaction and a round
 * trip through the browser process; they change a few times an hour (the poll state once a turn).
 * The background is the only writer of this database and writes through Dexie, so every change
 * passes the middleware below, which forgets the keys written before the write is sent. A read that was
 * under way across any write does not fill the cache (`metaGeneration`); a read inside a transaction
 * goes to IndexedDB as before. Values are handed out as copies, as IndexedDB would.
 */
const metaCache = new Map<MetaKey, MetaRecord | undefined>();
const metaReads = new Map<MetaKey, { generation: number; read: PromiseLike<MetaRecord | undefined> }>();
let metaGeneration = 0;

/** Forgets the written keys (all of them when a write does not say which), and any read under way. */
function forgetMeta(keys?: readonly unknown[]): void {
  metaGeneration += 1;
  if (!keys) metaCache.clear();
  else for (const key of keys) metaCache.delete(key as MetaKey);
}

/** The meta keys a write touches; undefined for a range delete, which may touch any. */
function metaKeysWritten(request: DBCoreMutateRequest): readonly unknown[] | undefined {
  const keys =
    request.type === 'delete'
      ? request.keys
      : request.type === 'add' || request.type === 'put'
        ? (request.keys ?? request.values.map((value) => (value as { key?: unknown } | undefined)?.key))
        : undefined;
  return keys?.every((key) => typeof key === 'string') ? keys : undefined;
}

db.use({
  stack: 'dbcore',
  name: 'forget-meta-on-write',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name === 'myChats')
        return {
          ...table,
          mutate: (request) => {
            myChatsGeneration += 1;
            return table.mutate(request);
          },
        };
      if (name !== 'meta') return table;
      return {
        ...table,
        mutate: (request) => {
          // The poll state is written every turn: forgetting only what changed keeps the session
          // and the operator's status in memory across it.
          forgetMeta(metaKeysWritten(request));
          return table.mutate(request);
        },
      };
    },
  }),
});
// A database opened again (deleted or upgraded meanwhile) starts from what is stored.
db.on(
  'ready',
  () => {
    forgetMeta();
    myChatsGeneration += 1;
  },
  true,
);

/** From now on, every committed write tells the open pages which tables changed. Background only. */
export function announceCommittedWrites(): void {
  Dexie.on('storagemutated', (parts) => announceChanges(tablesOfParts(Object.keys(parts))));
}

export async function readMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  let record: MetaRecord | undefined;
  if (Dexie.currentTransaction) {
    record = await db.meta.get(key);
  } else if (metaCache.has(key)) {
    record = metaCache.get(key);
  } else {
    // Reads that start together (a turn's steps run side by side) share one IndexedDB read.
    const generation = metaGeneration;
    let pending = metaReads.get(key);
    if (pending?.generation !== generation) {
      const read = db.meta.get(key);
      const shared = { generation, read };
      metaReads.set(key, shared);
      const done = () => void (metaReads.get(key) === shared && metaReads.delete(key));
      read.then(done, done);
      pending = shared;
    }
    record = await pending.read;
    if (generation === metaGeneration) metaCache.set(key, record);
  }
  return structuredClone(record?.value) as MetaValues[K] | undefined;
}

/**
 * The operator's own open chats of a portal, as this context last read them. A turn needs them
 * three times (the cadence's count of list calls, the My chats poll, the badge) and they change
 * when a chat of mine does; any write to the table (the middleware above) means reading again.
 * Reads that start together share one read; copies are handed out, as IndexedDB would.
 */
let myChatsGeneration = 0;
const myChatsReads = new Map<string, { generation: number; read: Promise<MyChatRecord[]> }>();

export async function readMyChats(portal: string): Promise<MyChatRecord[]> {
  if (Dexie.currentTransaction) return db.myChats.where('portal').equals(portal).toArray();
  let entry = myChatsReads.get(portal);
  if (entry?.generation !== myChatsGeneration) {
    const read = db.myChats.where('portal').equals(portal).toArray();
    const fresh = { generation: myChatsGeneration, read: Promise.resolve(read) };
    myChatsReads.set(portal, fresh);
    fresh.read.catch(() => void (myChatsReads.get(portal) === fresh && myChatsReads.delete(portal)));
    entry = fresh;
  }
  return structuredClone(await entry.read);
}

export async function writeMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** Read-modify-write in one transaction, so concurrent writers cannot lose each other's fields. */
export async function updateMeta<K extends MetaKey>(
  key: K,
  update: (current: MetaValues[K] | undefined) => MetaValues[K],
): Promise<MetaValues[K]> {
  const standalone = !Dexie.currentTransaction;
  let writtenAt = -1;
  const next = await db.transaction('rw', db.meta, async () => {
    const value = update(await readMeta(key));
    await writeMeta(key, value);
    writtenAt = metaGeneration;
    return value;
  });
  // Committed (not part of a caller's transaction still open): what was written is what is
  // stored, unless another meta write came since. The poll state is written every turn and read
  // again at once for the badge; this saves that read.
  if (standalone && writtenAt === metaGeneration)
    metaCache.set(key, { key, value: structuredClone(next) } as MetaRecord);
  return next;
}

/** The operator signed out or switched portal while work was under way: drop it, no error. */
export class SessionChanged extends Error {
  constructor() {
    super('The session changed while this was under way.');
    this.name = 'SessionChanged';
  }
}

/**
 * A background write of server-derived data that commits only while `portal` is still the
 * signed-in portal. Work that was in flight when the operator signed out or switched portal then
 * writes nothing, instead of bringing wiped data back. Returns undefined when it did not write.
 */
export async function writeForPortal<T>(
  portal: string,
  tables: Table[],
  write: () => Promise<T>,
): Promise<T | undefined> {
  return db.transaction('rw', [db.meta, ...tables], async () => {
    const session = await readMeta('session');
    if (activePortal(session)?.screen !== portal) return undefined;
    return write();
  });
}

/** Sign-out: every server-derived record goes; only the signed-out session marker stays. */
export async function wipeAccountData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}

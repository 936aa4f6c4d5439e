import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { announceCommittedWrites, db, writeMeta, type ChatRecord } from '../../lib/db';
import { onTablesChanged, tablesOfParts } from '../../lib/db-changes';
import { DATABASE_NAME, readMetaValue, readRecord, readRecords } from '../../lib/db-read';
import type { CannedRecord } from '../../lib/canned/records';

function chat(id: string, patch: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id,
    portal: 'zylker',
    status: 'waiting',
    question: `Question ${id}`,
    startTime: 1_000,
    firstSeenAt: 1_000,
    updatedAt: 1_000,
    visitor: { id: `v${id}`, name: `Visitor ${id}` },
    ...patch,
  } as ChatRecord;
}

function canned(id: string, usageCount: number): CannedRecord {
  return { id, usageCount, portal: 'zylker', content: `Text ${id}` } as unknown as CannedRecord;
}

/** Resolves on the next notice for `tables`, or with 'none' after a while. */
function nextNotice(tables: Parameters<typeof onTablesChanged>[0], waitMs = 300): Promise<'notified' | 'none'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve('none');
    }, waitMs);
    const stop = onTablesChanged(tables, () => {
      clearTimeout(timer);
      stop();
      resolve('notified');
    });
  });
}

announceCommittedWrites();

describe('pages read the database without Dexie', () => {
  beforeEach(async () => {
    await db.open();
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  afterAll(() => db.close());

  it('reads records, index ranges and meta values the background wrote', async () => {
    await db.chats.bulkPut([chat('1'), chat('2', { status: 'connected', pickedUpAt: 5_000 }), chat('3')]);
    await writeMeta('poll', { failures: 2 });

    expect((await readRecord('chats', '2'))?.status).toBe('connected');
    expect(await readRecord('chats', 'nope')).toBeUndefined();
    expect((await readRecords('chats', { index: 'status', range: 'waiting' })).map((c) => c.id)).toEqual(['1', '3']);
    expect(
      (await readRecords('chats', { index: 'pickedUpAt', range: IDBKeyRange.lowerBound(0, true) })).map((c) => c.id),
    ).toEqual(['2']);
    expect(await readMetaValue('poll')).toEqual({ failures: 2 });
    expect(await readMetaValue('session')).toBeUndefined();
  });

  it('walks an index backwards with a limit: the most used first', async () => {
    await db.canned.bulkPut([canned('a', 5), canned('b', 50), canned('c', 1), canned('d', 20)]);
    const top = await readRecords('canned', { index: 'usageCount', direction: 'prev', limit: 2 });
    expect(top.map((r) => r.id)).toEqual(['b', 'd']);
    expect((await readRecords('canned')).length).toBe(4);
  });

  it('reads nothing, and creates nothing, before the background created the database', async () => {
    await db.delete();
    expect(await readRecords('chats')).toEqual([]);
    expect(await readMetaValue('session')).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(DATABASE_NAME);
    // Dexie can still create it with its schema, and pages then read it.
    await db.open();
    await db.chats.put(chat('9'));
    expect((await readRecord('chats', '9'))?.id).toBe('9');
  });

  it('hands a connection back when the background upgrades the schema', async () => {
    await db.chats.put(chat('1'));
    expect((await readRecord('chats', '1'))?.id).toBe('1');
    db.close();
    // A newer version opening the database would be blocked by a page that kept its connection.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DATABASE_NAME, (db.verno + 1) * 10);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error('blocked by an open page connection'));
    });
    upgraded.close();
    expect((await readRecord('chats', '1'))?.id).toBe('1');
    await db.delete();
  });
});

describe('pages hear which tables a committed write changed', () => {
  beforeEach(async () => {
    await db.open();
  });

  it('names the tables from the parts Dexie reports', () => {
    expect(
      tablesOfParts([
        'idb://operator-companion/chats/',
        'idb://operator-companion/chats/status',
        'idb://operator-companion/meta/:dels',
      ]),
    ).toEqual(['chats', 'meta']);
    expect(tablesOfParts([])).toEqual([]);
    // A shape Dexie might adopt one day: every page re-reads rather than miss a change.
    expect(tablesOfParts(['idb://operator-companion/chats/', 'something-new'])).toBe('all');
  });

  it('a write to chats wakes chat readers and not canned readers', async () => {
    const chats = nextNotice(['chats']);
    const cannedOnly = nextNotice(['canned']);
    await db.chats.put(chat('42'));
    expect(await chats).toBe('notified');
    expect(await cannedOnly).toBe('none');
  });

  it('a write inside a transaction over several tables wakes readers of each', async () => {
    const meta = nextNotice(['meta']);
    const chats = nextNotice(['chats']);
    await db.transaction('rw', db.meta, db.chats, async () => {
      await writeMeta('poll', { failures: 0 });
      await db.chats.put(chat('43'));
    });
    expect(await meta).toBe('notified');
    expect(await chats).toBe('notified');
  });

  it('ignores messages that are not a change notice', async () => {
    const chats = nextNotice(['chats']);
    const stranger = new BroadcastChannel('operator-companion:db-changes');
    stranger.postMessage({ tables: 'chats' });
    stranger.postMessage('hello');
    stranger.postMessage({ tables: [1, 2] });
    expect(await chats).toBe('none');
    stranger.close();
  });
});

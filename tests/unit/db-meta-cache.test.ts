import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, readMeta, readMyChats, updateMeta, wipeAccountData, writeMeta } from '../../lib/db';

/** readMeta answers from memory between writes (lib/db.ts); it must never answer stale. */
const signedIn = { state: 'signed-in' as const, updatedAt: 1, departments: [{ id: 'd1', name: 'Sales' }] };

beforeEach(async () => {
  await wipeAccountData();
});

describe('readMeta', () => {
  it('sees every kind of write after a read filled the cache: put, update, delete, clear', async () => {
    expect(await readMeta('session')).toBeUndefined();
    await writeMeta('session', signedIn);
    expect((await readMeta('session'))?.state).toBe('signed-in');
    await updateMeta('session', (s) => ({ ...s!, state: 'expired' }));
    expect((await readMeta('session'))?.state).toBe('expired');
    await db.meta.delete('session');
    expect(await readMeta('session')).toBeUndefined();
    await writeMeta('session', signedIn);
    expect((await readMeta('session'))?.state).toBe('signed-in');
    await wipeAccountData();
    expect(await readMeta('session')).toBeUndefined();
  });

  it('does not keep what a read found when a write was sent while it was under way', async () => {
    await writeMeta('session', signedIn);
    const before = readMeta('session'); // under way: not cached yet
    await writeMeta('session', { ...signedIn, state: 'expired' });
    await before; // whatever it found, it must not be what later reads get
    expect((await readMeta('session'))?.state).toBe('expired');
  });

  it('hands out copies: a caller changing what it got changes nothing stored', async () => {
    await writeMeta('session', signedIn);
    const first = await readMeta('session');
    first!.departments!.push({ id: 'd2', name: 'Support' });
    first!.state = 'signed-out';
    const again = await readMeta('session');
    expect(again?.state).toBe('signed-in');
    expect(again?.departments).toHaveLength(1);
  });

  it('reads inside a transaction from the transaction, not from memory', async () => {
    await writeMeta('session', signedIn);
    await readMeta('session'); // cached
    const seen = await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: 'session', value: { ...signedIn, state: 'expired' } });
      return (await readMeta('session'))?.state;
    });
    expect(seen).toBe('expired');
  });

  it('keeps the other keys in memory across a write of one (the poll state is written every turn)', async () => {
    await writeMeta('session', signedIn);
    await readMeta('session'); // cached
    const get = vi.spyOn(db.meta, 'get');
    await writeMeta('poll', { lastPollAt: 1, consecutiveErrors: 0 } as never);
    expect((await readMeta('session'))?.state).toBe('signed-in');
    expect(get).not.toHaveBeenCalled();
    await db.meta.bulkPut([{ key: 'session', value: { ...signedIn, state: 'expired' } }]);
    expect((await readMeta('session'))?.state).toBe('expired');
  });

  it('shares one IndexedDB read among reads that start together', async () => {
    await writeMeta('session', signedIn);
    const get = vi.spyOn(db.meta, 'get');
    const states = await Promise.all([readMeta('session'), readMeta('session'), readMeta('session')]);
    expect(states.map((s) => s?.state)).toEqual(['signed-in', 'signed-in', 'signed-in']);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('keeps what updateMeta committed, so the read right after it needs no IndexedDB read', async () => {
    await updateMeta('session', () => signedIn);
    const get = vi.spyOn(db.meta, 'get');
    expect((await readMeta('session'))?.state).toBe('signed-in');
    expect(get).not.toHaveBeenCalled();
    // A write that came after it is read from IndexedDB again.
    await db.meta.put({ key: 'session', value: { ...signedIn, state: 'expired' } });
    expect((await readMeta('session'))?.state).toBe('expired');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('does not keep what updateMeta wrote inside a transaction that is still open (it may yet fail)', async () => {
    await writeMeta('session', signedIn);
    await db
      .transaction('rw', db.meta, async () => {
        await updateMeta('session', (s) => ({ ...s!, state: 'expired' }));
        throw new Error('the outer transaction fails');
      })
      .catch(() => undefined);
    expect((await readMeta('session'))?.state).toBe('signed-in');
  });
});

describe('readMyChats', () => {
  const mine = (id: string, portal = 'zylker') => ({ id, portal, updatedAt: 1 }) as never;

  it('reads once between writes, and sees every write to the table', async () => {
    await db.myChats.bulkPut([mine('m1'), mine('m2', 'other')]);
    const where = vi.spyOn(db.myChats, 'where');
    expect((await readMyChats('zylker')).map((c) => c.id)).toEqual(['m1']);
    expect((await readMyChats('zylker')).map((c) => c.id)).toEqual(['m1']);
    expect(where).toHaveBeenCalledTimes(1);
    await db.myChats.put(mine('m3'));
    expect((await readMyChats('zylker')).map((c) => c.id)).toEqual(['m1', 'm3']);
    await db.myChats.delete('m1');
    expect((await readMyChats('zylker')).map((c) => c.id)).toEqual(['m3']);
    await wipeAccountData();
    expect(await readMyChats('zylker')).toEqual([]);
  });

  it('does not hand a read that was under way across a write to a caller after it', async () => {
    await db.myChats.put(mine('m1'));
    const racing = readMyChats('zylker');
    await db.myChats.put(mine('m2'));
    await racing;
    expect((await readMyChats('zylker')).map((c) => c.id)).toEqual(['m1', 'm2']);
  });
});

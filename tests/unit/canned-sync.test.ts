import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diffCanned } from '../../lib/canned/diff';
import { fetchCannedLibrary, type CannedSource } from '../../lib/canned/fetch-library';
import type { CannedRecord } from '../../lib/canned/records';
import { CANNED_SYNC_ALARM, onCannedSyncAlarm, startCannedSync, syncCanned } from '../../lib/canned/sync';
import { recordCannedUse } from '../../lib/canned/usage';
import { db, readMeta, wipeAccountData, writeMeta } from '../../lib/db';
import type { CannedPage } from '../../lib/salesiq/api';
import { SalesIQError } from '../../lib/salesiq/errors';
import type { CannedCategory, CannedResponse } from '../../lib/salesiq/types';

function response(id: string, patch: Partial<CannedResponse> = {}): CannedResponse {
  return {
    id,
    content: `Response ${id}`,
    enabled: true,
    isPublic: true,
    usageCount: 1,
    lastUsedTime: 1_000,
    modifiedTime: 500,
    allDepartments: false,
    categories: [{ id: 'c1', name: 'General' }],
    ...patch,
  };
}

/**
 * A SalesIQ stand-in with Zoho's paging: `pageSize` items per page plus, when more exist, the
 * next page's first item. `lists` is read at call time, so a test can change it mid-walk.
 */
function pagedSource(
  lists: Record<string, CannedResponse[]>,
  pageSize = 3,
  categories: CannedCategory[] = [{ id: 'c1', name: 'General' }],
) {
  const calls: { departmentId?: string; page: number }[] = [];
  const source: CannedSource & { calls: typeof calls } = {
    calls,
    async page(departmentId, page) {
      calls.push({ departmentId, page });
      const list = lists[departmentId ?? ''] ?? [];
      const raw = list.slice((page - 1) * pageSize, page * pageSize + 1);
      const hasMore = raw.length > pageSize;
      const items = raw.slice(0, pageSize);
      return {
        items,
        skipped: 0,
        hasMore,
        firstId: raw[0]?.id,
        nextId: hasMore ? raw[pageSize]!.id : undefined,
      } satisfies CannedPage;
    },
    async categories(page) {
      return { items: page === 1 ? categories : [], skipped: 0 };
    },
  };
  return source;
}

async function signedIn(departments = ['d1', 'd2'], screen = 'zylker') {
  await writeMeta('session', {
    state: 'signed-in',
    salesiqHost: 'salesiq.zoho.com',
    portal: { screen, name: 'Zylker', operatorId: 'me' },
    departments: departments.map((id) => ({ id, name: id })),
    updatedAt: 1,
  });
}

const ids = async () => (await db.canned.toCollection().primaryKeys()).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
  await signedIn();
});

describe('canned sync', () => {
  it('walks every page of every department and merges responses by id', async () => {
    const shared = [response('1', { allDepartments: true }), response('2', { allDepartments: true })];
    const d1 = [...shared, ...['10', '11', '12', '13', '14'].map((id) => response(id))];
    const d2 = [...shared, response('20'), response('21')];
    const source = pagedSource({ d1, d2 }, 3);

    const summary = await syncCanned(source);

    expect(await ids()).toEqual(['1', '10', '11', '12', '13', '14', '2', '20', '21']);
    // d1: 7 items → pages 1..3; d2: 4 items → pages 1..2.
    expect(source.calls.filter((c) => c.departmentId === 'd1').map((c) => c.page)).toEqual([1, 2, 3]);
    expect(source.calls.filter((c) => c.departmentId === 'd2').map((c) => c.page)).toEqual([1, 2]);
    expect(summary).toMatchObject({ count: 9, added: 9, removed: 0, unstable: false });
    expect((await db.canned.get('1'))?.portal).toBe('zylker');
    expect(await db.cannedCategories.toArray()).toEqual([{ id: 'c1', name: 'General', portal: 'zylker' }]);
    const state = await readMeta('cannedSync');
    expect(state).toMatchObject({ portal: 'zylker', count: 9 });
    expect(state?.lastSuccessAt).toBeGreaterThan(0);
    expect(state?.startedAt).toBeUndefined();
  });

  it('asks once without a department filter when the operator has no departments listed', async () => {
    await signedIn([]);
    const source = pagedSource({ '': [response('1')] });
    await syncCanned(source);
    expect(source.calls).toEqual([{ departmentId: undefined, page: 1 }]);
    expect(await ids()).toEqual(['1']);
  });

  it('keeps disabled responses out, and removes one that gets disabled', async () => {
    const lists = { d1: [response('1'), response('2', { enabled: false })], d2: [] };
    await syncCanned(pagedSource(lists));
    expect(await ids()).toEqual(['1']);

    lists.d1 = [response('1', { enabled: false, modifiedTime: 600 }), response('2', { enabled: false })];
    await syncCanned(pagedSource(lists));
    expect(await ids()).toEqual([]);
  });

  it('removes what SalesIQ no longer returns, but keeps its local use count for when it comes back', async () => {
    const lists = { d1: [response('1'), response('2'), response('3')], d2: [] };
    await syncCanned(pagedSource(lists));
    await recordCannedUse('2');
    await recordCannedUse('2');

    // One walk misses response 2 (it moved between departments, or the list shifted unseen).
    lists.d1 = [response('1'), response('3')];
    const summary = await syncCanned(pagedSource(lists));
    expect(await ids()).toEqual(['1', '3']);
    expect(summary).toMatchObject({ removed: 1, unchanged: 2, added: 0, updated: 0 });

    lists.d1 = [response('1'), response('2'), response('3')];
    await syncCanned(pagedSource(lists));
    expect(await ids()).toEqual(['1', '2', '3']);
    expect((await db.cannedUses.get('2'))?.count).toBe(2);
  });

  it('walks departments one after another, never two requests at once', async () => {
    const lists = {
      d1: [response('1'), response('2'), response('3'), response('4')],
      d2: [response('5'), response('6')],
    };
    const source = pagedSource(lists, 2);
    let open = 0;
    let most = 0;
    const slow =
      <T>(call: () => Promise<T>) =>
      async () => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open -= 1;
        return call();
      };
    const library = await fetchCannedLibrary(
      { page: (d, p) => slow(() => source.page(d, p))(), categories: (p) => slow(() => source.categories(p))() },
      ['d1', 'd2'],
    );
    expect(most).toBe(1);
    expect(source.calls.map((c) => `${c.departmentId}:${c.page}`)).toEqual(['d1:1', 'd1:2', 'd2:1']);
    expect([...library.responses.keys()].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('rewrites only rows whose modified time or ranking fields changed', async () => {
    const lists = { d1: [response('1'), response('2'), response('3'), response('4')], d2: [] };
    await syncCanned(pagedSource(lists));

    lists.d1 = [
      response('1'),
      response('2', { content: 'Edited', modifiedTime: 900 }),
      response('3', { usageCount: 7 }),
      response('4'),
    ];
    const bulkPut = vi.spyOn(db.canned, 'bulkPut');
    const summary = await syncCanned(pagedSource(lists));

    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(bulkPut.mock.calls[0]![0].map((row) => row.id).sort()).toEqual(['2', '3']);
    expect(summary).toMatchObject({ updated: 2, unchanged: 2, added: 0 });
    expect((await db.canned.get('2'))?.content).toBe('Edited');

    bulkPut.mockClear();
    await syncCanned(pagedSource(lists));
    expect(bulkPut).not.toHaveBeenCalled();
  });

  it('deletes nothing when the list shifted under the walk', async () => {
    const lists = { d1: ['1', '2', '3', '4', '5', '6'].map((id) => response(id)), d2: [] as CannedResponse[] };
    await syncCanned(pagedSource(lists));

    // Response 4 is used (it jumps to the top) and 6 deleted while page 1 is being read.
    const source = pagedSource(lists);
    const page = source.page.bind(source);
    source.page = async (departmentId, n) => {
      const result = await page(departmentId, n);
      if (departmentId === 'd1' && n === 1) lists.d1 = ['4', '1', '2', '3', '5'].map((id) => response(id));
      return result;
    };
    const summary = await syncCanned(source);

    expect(summary.unstable).toBe(true);
    expect(await ids()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect((await readMeta('cannedSync'))?.unstable).toBe(true);

    // The next, quiet walk catches up.
    await syncCanned(pagedSource(lists));
    expect(await ids()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps the cache and records the error when a page fails', async () => {
    const lists = { d1: ['1', '2', '3', '4'].map((id) => response(id)), d2: [] };
    await syncCanned(pagedSource(lists));

    const source = pagedSource({ d1: [response('1')], d2: [] });
    source.page = async () => {
      throw new SalesIQError('network', 'reset');
    };
    await expect(syncCanned(source)).rejects.toMatchObject({ kind: 'network' });

    expect(await ids()).toEqual(['1', '2', '3', '4']);
    const state = await readMeta('cannedSync');
    expect(state?.error?.kind).toBe('network');
    expect(state?.startedAt).toBeUndefined();
    expect(state?.count).toBe(4);
  });

  it('replaces another portal’s rows after a portal switch', async () => {
    await syncCanned(pagedSource({ d1: [response('1')], d2: [] }));
    await signedIn(['d1'], 'other');
    await syncCanned(pagedSource({ d1: [response('9')] }, 3, [{ id: 'c9', name: 'Other' }]));
    expect(await ids()).toEqual(['9']);
    expect((await db.canned.get('9'))?.portal).toBe('other');
    expect((await db.cannedCategories.toArray()).map((c) => c.id)).toEqual(['c9']);
  });

  it('writes nothing when the operator signs out during the walk', async () => {
    const source = pagedSource({ d1: [response('1'), response('2')], d2: [] });
    const page = source.page.bind(source);
    source.page = async (departmentId, n) => {
      const result = await page(departmentId, n);
      await wipeAccountData();
      await writeMeta('session', { state: 'signed-out', updatedAt: 2 });
      return result;
    };
    await expect(syncCanned(source)).rejects.toMatchObject({ kind: 'auth' });
    expect(await db.canned.count()).toBe(0);
    expect(await readMeta('cannedSync')).toBeUndefined();
  });

  it('starts over for the new portal when the operator switches during the walk', async () => {
    const lists = { d1: [response('1')], d2: [] as CannedResponse[] };
    const source = pagedSource(lists);
    const page = source.page.bind(source);
    let switched = false;
    source.page = async (departmentId, n) => {
      const result = await page(departmentId, n);
      if (!switched) {
        switched = true;
        await signedIn(['d1'], 'other');
        lists.d1 = [response('7')];
      }
      return result;
    };
    await syncCanned(source);
    expect(await ids()).toEqual(['7']);
    expect((await db.canned.get('7'))?.portal).toBe('other');
    expect((await readMeta('cannedSync'))?.portal).toBe('other');
  });

  it('refuses to run signed out', async () => {
    await writeMeta('session', { state: 'signed-out', updatedAt: 1 });
    await expect(syncCanned(pagedSource({}))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('shares one running sync between concurrent callers', async () => {
    const source = pagedSource({ d1: [response('1')], d2: [] });
    const [a, b] = [syncCanned(source), syncCanned(source)];
    expect(a).toBe(b);
    await a;
    expect(source.calls).toHaveLength(2);
  });

  it('is wiped with the account data on sign-out', async () => {
    await syncCanned(pagedSource({ d1: [response('1')], d2: [] }));
    await wipeAccountData();
    expect(await db.canned.count()).toBe(0);
    expect(await db.cannedCategories.count()).toBe(0);
  });
});

describe('paged walk', () => {
  it('stops at a page without items even if it claims more', async () => {
    const source: CannedSource = {
      page: async () => ({ items: [], skipped: 1, hasMore: true, firstId: undefined, nextId: 'x' }),
      categories: async () => ({ items: [], skipped: 0 }),
    };
    const fetched = await fetchCannedLibrary(source, ['d1']);
    expect(fetched.requests).toBe(2);
    expect(fetched.unstable).toBe(true);
    expect(fetched.skipped).toBe(1);
  });
});

describe('diff', () => {
  it('compares content when SalesIQ sends no modified time', () => {
    const cached: CannedRecord[] = [{ ...response('1', { modifiedTime: undefined }), portal: 'p' }];
    const fresh = new Map([['1', { ...response('1', { modifiedTime: undefined, content: 'new' }), portal: 'p' }]]);
    expect(diffCanned(cached, fresh).put.map((r) => r.id)).toEqual(['1']);
    const same = new Map([['1', { ...cached[0]! }]]);
    expect(diffCanned(cached, same)).toEqual({ put: [], remove: [], unchanged: 1 });
  });
});

describe('sync schedule', () => {
  it('creates the 30-minute alarm when signed in and syncs', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startCannedSync();
    const alarm = await fakeBrowser.alarms.get(CANNED_SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(30);
    // The sync was attempted, and failed quietly: this test has no token.
    expect((await readMeta('cannedSync'))?.error?.kind).toBe('auth');
  });

  it('clears the alarm when it fires signed out', async () => {
    await fakeBrowser.alarms.create(CANNED_SYNC_ALARM, { periodInMinutes: 30 });
    await writeMeta('session', { state: 'signed-out', updatedAt: 1 });
    await onCannedSyncAlarm('alarm');
    expect(await fakeBrowser.alarms.get(CANNED_SYNC_ALARM)).toBeUndefined();
  });

  it('does not resync at worker start when the cache is fresh', async () => {
    await syncCanned(pagedSource({ d1: [response('1')], d2: [] }));
    const before = (await readMeta('cannedSync'))?.lastAttemptAt;
    await onCannedSyncAlarm('startup');
    expect((await readMeta('cannedSync'))?.lastAttemptAt).toBe(before);
    expect(await fakeBrowser.alarms.get(CANNED_SYNC_ALARM)).toBeDefined();
  });
});

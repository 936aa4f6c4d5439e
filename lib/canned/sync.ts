import { browser } from 'wxt/browser';
import { readSession, withAuth } from '../auth/session';
import { db, readMeta, writeForPortal } from '../db';
import { activePortal } from '../records';
import { listCannedCategories, listCannedResponsesPage } from '../salesiq/api';
import { SalesIQError, asSalesIQError } from '../salesiq/errors';
import { diffCanned } from './diff';
import { fetchCannedLibrary, type CannedSource } from './fetch-library';
import type { CannedCategoryRecord, CannedRecord, CannedSyncState } from './records';

/**
 * The background's copy of the operator's canned responses: a full refresh (SalesIQ has no delta
 * sync) on sign-in, every 30 minutes and on demand, written to IndexedDB as a diff. Pages search
 * the cache, so the library works offline.
 */
export const CANNED_SYNC_ALARM = 'canned-sync';
const SYNC_EVERY_MIN = 30;

export interface SyncSummary {
  count: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
  requests: number;
  unstable: boolean;
}

const apiSource: CannedSource = {
  page: (departmentId, page) => withAuth((target) => listCannedResponsesPage(target, { page, departmentId })),
  categories: (page) => withAuth((target) => listCannedCategories(target, page)),
};

let running: Promise<SyncSummary> | undefined;

/** One sync at a time: a second caller (alarm during a manual refresh) shares the running one. */
export function syncCanned(source: CannedSource = apiSource): Promise<SyncSummary> {
  running ??= runSync(source).finally(() => {
    running = undefined;
  });
  return running;
}

async function runSync(source: CannedSource): Promise<SyncSummary> {
  const session = await readSession();
  const portal = activePortal(session)?.screen;
  if (!portal) throw new SalesIQError('auth', 'Not signed in.');
  const startedAt = Date.now();
  await patchState(portal, { startedAt, lastAttemptAt: startedAt });
  let result: SyncSummary;
  try {
    const fetched = await fetchCannedLibrary(
      source,
      (session.departments ?? []).map((d) => d.id),
    );
    const fresh = new Map<string, CannedRecord>();
    for (const response of fetched.responses.values()) {
      // Disabled responses cannot be used in SalesIQ either: they leave the cache like deleted ones.
      if (response.enabled) fresh.set(response.id, { ...response, portal });
    }
    const written = await writeLibrary(portal, fresh, fetched.categories, fetched.unstable);
    result = { ...written, skipped: fetched.skipped, requests: fetched.requests, unstable: fetched.unstable };
    await patchState(portal, {
      portal,
      startedAt: undefined,
      lastSuccessAt: Date.now(),
      count: result.count,
      skipped: result.skipped,
      unstable: result.unstable,
      error: undefined,
    });
  } catch (caught) {
    if (await portalSwitched(portal)) return runSync(source);
    const error = asSalesIQError(caught);
    await patchState(portal, {
      startedAt: undefined,
      error: { kind: error.kind, message: error.message, at: Date.now() },
    });
    throw error;
  }
  // The operator switched portals meanwhile: what was just written belongs to the old one.
  return (await portalSwitched(portal)) ? runSync(source) : result;
}

async function portalSwitched(portal: string): Promise<boolean> {
  const now = await readSession();
  const screen = activePortal(now)?.screen;
  return !!screen && screen !== portal;
}

async function writeLibrary(
  portal: string,
  fresh: Map<string, CannedRecord>,
  categories: { id: string; name: string }[],
  unstable: boolean,
): Promise<Omit<SyncSummary, 'skipped' | 'requests' | 'unstable'>> {
  // Written only while the session still stands for this portal: a sign-out (which wipes every
  // table in one transaction) can never be followed by this sync's late writes.
  const written = await writeForPortal(portal, [db.canned, db.cannedCategories], async () => {
    const cached = await db.canned.toArray();
    const diff = diffCanned(cached, fresh);
    // Rows of another portal always go; a shifting walk may have missed a live response, so
    // deletions within this portal wait for a walk that saw the list hold still.
    const portalOf = new Map(cached.map((row) => [row.id, row.portal]));
    const remove = unstable ? diff.remove.filter((id) => portalOf.get(id) !== portal) : diff.remove;
    if (diff.put.length) await db.canned.bulkPut(diff.put);
    // Local use counts stay: a walk cannot tell a deleted response from one it missed (the list
    // moved, a department was left out), and a count lost is a ranking lost. Rows are tiny; they
    // go with the account's data at sign-out.
    if (remove.length) await db.canned.bulkDelete(remove);
    await replaceCategories(portal, categories);
    const added = diff.put.filter((row) => !portalOf.has(row.id)).length;
    return {
      count: fresh.size + (diff.remove.length - remove.length),
      added,
      updated: diff.put.length - added,
      removed: remove.length,
      unchanged: diff.unchanged,
    };
  });
  if (!written) throw new SalesIQError('auth', 'Signed out during the sync.');
  return written;
}

async function replaceCategories(portal: string, categories: { id: string; name: string }[]): Promise<void> {
  const cached = await db.cannedCategories.toArray();
  const freshIds = new Set(categories.map((c) => c.id));
  const stale = cached.filter((c) => !freshIds.has(c.id)).map((c) => c.id);
  const changed: CannedCategoryRecord[] = categories
    .map((c) => ({ id: c.id, name: c.name, portal }))
    .filter((c) => {
      const old = cached.find((o) => o.id === c.id);
      return !old || old.name !== c.name || old.portal !== portal;
    });
  if (stale.length) await db.cannedCategories.bulkDelete(stale);
  if (changed.length) await db.cannedCategories.bulkPut(changed);
}

async function patchState(portal: string, patch: Partial<CannedSyncState>): Promise<void> {
  await writeForPortal(portal, [], async () => {
    const current = (await db.meta.get('cannedSync'))?.value as CannedSyncState | undefined;
    await db.meta.put({ key: 'cannedSync', value: { ...current, ...patch } });
  });
}

/** Alarms can be lost on browser restart: every worker start and sign-in re-creates this one. */
async function ensureCannedSyncAlarm(): Promise<void> {
  if (!(await browser.alarms.get(CANNED_SYNC_ALARM))) {
    await browser.alarms.create(CANNED_SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MIN, delayInMinutes: SYNC_EVERY_MIN });
  }
}

export async function stopCannedSync(): Promise<void> {
  await browser.alarms.clear(CANNED_SYNC_ALARM);
}

/** After sign-in or a portal switch: refresh now and keep refreshing. Never throws. */
export async function startCannedSync(): Promise<void> {
  if ((await readSession()).state !== 'signed-in') return;
  await ensureCannedSyncAlarm();
  await syncCanned().catch((error) => console.warn('Canned sync failed:', asSalesIQError(error).kind));
}

/** The 30-minute alarm, and every worker start: sync when due, stop when signed out. */
export async function onCannedSyncAlarm(reason: 'alarm' | 'startup'): Promise<void> {
  if ((await readSession()).state !== 'signed-in') {
    await stopCannedSync();
    return;
  }
  await ensureCannedSyncAlarm();
  const state = await readMeta('cannedSync');
  const last = state?.lastSuccessAt ?? 0;
  // At startup only sync when the cache is older than the alarm period (or was never filled).
  if (reason === 'startup' && Date.now() - last < SYNC_EVERY_MIN * 60_000) return;
  await syncCanned().catch((error) => console.warn('Canned sync failed:', asSalesIQError(error).kind));
}

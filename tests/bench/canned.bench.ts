import type { Page } from 'playwright-core';
import { launchExtension, waitFor, type ExtensionSession } from '../e2e/harness';
import { startSimulator } from '../simulator/index';
import { percentile, round, type Metrics } from './report';

/**
 * The canned library at 10,000 responses, in real Chromium against the simulator:
 *   canned_sync_10k_s     the first sync after sign-in, as the worker timed it (start → written)
 *   canned_open_p95_ms    library mounted → first results painted, over repeated opens
 *   canned_search_p95_ms  keystroke → results in the DOM, over typed queries
 *   canned_search_50k_p95_ms  the same typed queries, 50,000 responses (a second browser and simulator)
 * The page figures come from the page's own User Timing entries (see use-canned-search.ts),
 * so no Playwright round trip is counted. The control beside each search figure: a trivial loop
 * in the same page over as many strings as there are responses (lower-case, includes), timed as
 * many times as there were keystrokes: what this machine's CPU does in that page at that moment.
 */
const COUNT = 10_000;
const MANY = 50_000;
const OPENS = 15;
const QUERIES = [
  'refund',
  'pasword reset',
  'office hours',
  'ref 4242',
  'shiping eu',
  'ありがとう',
  'transfer billing',
  'clear cache',
  'thanks zylker',
  'hola',
];

interface SyncMeta {
  value?: { lastAttemptAt?: number; lastSuccessAt?: number; count?: number; startedAt?: number };
}

async function readMeta<T>(ext: ExtensionSession, key: string): Promise<T | undefined> {
  return ext.worker.evaluate(
    (name) =>
      new Promise<T | undefined>((resolve) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(undefined);
          const get = db.transaction('meta').objectStore('meta').get(name);
          get.onsuccess = () => resolve(get.result as T | undefined);
          get.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
    key,
  );
}

async function openLibrary(ext: ExtensionSession): Promise<Page> {
  const page = await ext.openPage('sidepanel');
  await page.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 30_000 });
  await page.locator('.canned-results .canned-row').first().waitFor({ timeout: 30_000 });
  return page;
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

/** A trivial loop as large as the library, in the page, as many times as there were keystrokes. */
async function controlLoop(page: Page, size: number, times: number): Promise<number[]> {
  return page.evaluate(
    ([n, t]) => {
      const texts = Array.from(
        { length: n },
        (_, i) => `Canned response ${i}: thanks for waiting, here is how to reset your password ${i % 97}`,
      );
      const durations: number[] = [];
      let found = 0;
      for (let k = 0; k < t; k++) {
        const query = `password ${k % 97}x`;
        const start = performance.now();
        for (const text of texts) if (text.toLowerCase().includes(query)) found++;
        durations.push(performance.now() - start);
      }
      return found >= 0 ? durations : [];
    },
    [size, times] as const,
  );
}

interface Library {
  syncSeconds: number;
  opens: number[];
  searches: number[];
  control: number[];
}

async function measureLibrary(count: number, openCount: number): Promise<Library> {
  const sim = await startSimulator({ port: 0, seedChat: false, cannedCount: count });
  const ext = await launchExtension({ zohoPort: sim.port });
  try {
    const popup = await ext.openPage('popup');
    await popup.getByRole('button', { name: 'Sign in with Zoho' }).click({ timeout: 30_000 });
    const sync = await waitFor(
      () => readMeta<SyncMeta>(ext, 'cannedSync'),
      (m) => !!m?.value?.lastSuccessAt && !m.value.startedAt,
      { timeoutMs: 180_000, intervalMs: 200, what: 'the first canned sync' },
    );
    await popup.close();
    const syncSeconds = (sync!.value!.lastSuccessAt! - sync!.value!.lastAttemptAt!) / 1000;
    const requests = sim.requests().filter((r) => r.path.endsWith('/cannedresponses')).length;
    console.log(`  synced ${sync!.value!.count} responses in ${round(syncSeconds, 2)} s (${requests} list requests)`);

    const opens: number[] = [];
    const builds: number[] = [];
    for (let i = 0; i < openCount; i += 1) {
      const page = await openLibrary(ext);
      await waitFor(
        () => measures(page, 'canned-open'),
        (m) => m.length > 0,
        { what: 'canned-open' },
      );
      await waitFor(
        () => measures(page, 'canned-index'),
        (m) => m.length > 0,
        { what: 'canned-index' },
      );
      opens.push((await measures(page, 'canned-open'))[0]!);
      builds.push((await measures(page, 'canned-index'))[0]!);
      await page.close();
    }
    if (openCount)
      console.log(
        `  open: ${opens.map((v) => round(v, 0)).join(', ')} ms; index build p50 ${round(percentile(builds, 50), 1)} ms`,
      );

    const page = await openLibrary(ext);
    await waitFor(
      () => measures(page, 'canned-index'),
      (m) => m.length > 0,
      { timeoutMs: 60_000, what: 'index' },
    );
    const box = page.getByRole('searchbox', { name: 'Search canned responses' });
    for (const query of QUERIES) {
      await box.fill('');
      await box.pressSequentially(query, { delay: 25 });
    }
    await page.waitForTimeout(100);
    const searches = await measures(page, 'canned-search');
    const control = await controlLoop(page, count, searches.length);
    await page.close();
    console.log(
      `  ${count} responses, ${searches.length} keystrokes: p50 ${round(percentile(searches, 50), 2)} ms, max ${round(Math.max(...searches), 2)} ms; control loop p50 ${round(percentile(control, 50), 2)} ms`,
    );
    return { syncSeconds, opens, searches, control };
  } finally {
    await ext.close().catch(() => undefined);
    await sim.close();
  }
}

export default async function cannedBench(): Promise<Metrics> {
  const library = await measureLibrary(COUNT, OPENS);
  const many = await measureLibrary(MANY, 0);
  const ms = (values: number[], target?: number, control?: string) => ({
    value: round(percentile(values, 95), 2),
    unit: 'ms',
    ...(target === undefined ? {} : { target }),
    better: 'lower' as const,
    ...(control ? { control } : {}),
  });
  return {
    canned_sync_10k_s: { value: round(library.syncSeconds, 2), unit: 's', target: 30, better: 'lower' },
    canned_search_control_loop_p95_ms: ms(library.control),
    canned_search_p95_ms: ms(library.searches, 8, 'canned_search_control_loop_p95_ms'),
    canned_open_p95_ms: { value: round(percentile(library.opens, 95), 1), unit: 'ms', target: 100, better: 'lower' },
    canned_sync_50k_s: { value: round(many.syncSeconds, 2), unit: 's', better: 'lower' },
    canned_search_50k_control_loop_p95_ms: ms(many.control),
    canned_search_50k_p95_ms: ms(many.searches, 16, 'canned_search_50k_control_loop_p95_ms'),
  };
}

/**
 * What the background costs while it runs all day, in real Chromium with the store build against
 * the simulator, from Chrome's and the kernel's own counters. Compressed honestly: the extension
 * keeps its real cadence, each state is measured for its window in real time, figures are per
 * minute. The world: 2,000 canned responses, three of the operator's chats open (picked up),
 * a new visitor every 20–60 s (seeded), colleagues taking each within 15–45 s, no extension page
 * open (side panel and popup closed).
 *
 * Counters:
 * - process CPU: utime + stime (/proc/<pid>/stat) of every process of this browser (the browser,
 *   its utility processes and renderers), and of the extension's own renderer (--extension-process,
 *   where the service worker runs), over each window;
 * - the worker target's JS heap (CDP Runtime.getHeapUsage; worker targets have no Performance
 *   domain), through a DevTools session attached for the whole run. An attached DevTools session
 *   keeps the worker running, so every state is measured with the worker alive (the same for all);
 * - wake-ups: bursts of requests to Zoho (requests less than 1 s apart count as one) per minute.
 * States, each measured the same way: Available, the screen locked (Available, locked), Busy (the
 * locked state's control: locked must cost no more), signed out (the floor: the browser and an
 * extension doing nothing).
 * Then a week of history: the run's own chat, alert and visitor records cloned over the last
 * 8 days (a visitor every 40 s, 8 hours a day), the retention purge run (at the worker's start,
 * as it does daily), and the IndexedDB folder's size on disk.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { startSimulator } from '../simulator/index';
import type { Simulator } from '../simulator/types';
import { launchExtension, waitFor, type ExtensionSession } from '../e2e/harness';
import { workerStopper } from '../e2e/worker-stop';
import { round, type Metric, type Metrics } from './report';
import { seeded } from './seeded';

const AVAILABLE_MS = 60_000;
// Longer than the Busy cadence (60 s) and started right after a poll: each window holds one.
const STATE_MS = 62_000;
const SIGNED_OUT_MS = 40_000; // nothing polls: no cadence to cover
const SETTLE_MS = 16_000; // an open page's faster cadence lasts 15 s after it closes
const CANNED = 2_000;
const MY_CHATS = 3;
const WEEK_DAYS = 8;
const CHATS_PER_DAY = (8 * 3600) / 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface ProcessTimes {
  all: number;
  extension: number;
}

/** CPU ms so far of every process under this browser, and of the extension's renderer. */
function processTimes(userDataDir: string): ProcessTimes {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      parents.set(pid, Number(fields[1]));
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S);
      cmd.set(pid, readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // The process ended while we read.
    }
  }
  const roots = [...cmd]
    .filter(([, c]) => c.includes(`--user-data-dir=${userDataDir}`) && !c.includes('--type='))
    .map(([pid]) => pid);
  const ours = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!ours.has(pid) && ours.has(parent)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  let all = 0;
  let extension = 0;
  for (const pid of ours) {
    all += cpu.get(pid) ?? 0;
    if (cmd.get(pid)?.includes('--extension-process')) extension += cpu.get(pid) ?? 0;
  }
  return { all, extension };
}

/** The worker's JS heap in use (the Performance domain does not exist on worker targets). */
async function workerHeapBytes(session: CDPSession): Promise<number> {
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}

/** Requests to Zoho in [from, to), grouped into wake-ups (less than 1 s apart: one wake-up). */
function wakeups(sim: Simulator, from: number, to: number): { requests: number; wakeups: number } {
  const times = sim
    .requests()
    .filter((r) => r.t >= from && r.t < to && (r.kind === 'salesiq' || r.kind === 'accounts'))
    .map((r) => r.t)
    .sort((a, b) => a - b);
  let bursts = 0;
  times.forEach((t, i) => {
    if (i === 0 || t - times[i - 1]! >= 1_000) bursts += 1;
  });
  return { requests: times.length, wakeups: bursts };
}

/** Resolves just after the extension's next request to Zoho: a window then starts with a poll. */
async function afterNextRequest(sim: Simulator, timeoutMs = 70_000): Promise<void> {
  const since = Date.now();
  await waitFor(
    () => sim.requests().some((r) => r.t >= since && r.kind === 'salesiq'),
    (seen) => seen,
    { timeoutMs, intervalMs: 100, what: 'the next poll' },
  );
  await sleep(1_500); // the poll's wake-up (both departments) is over
}

/** How many departments the signed-in operator polls (SalesIQ's list-call budget is per department). */
async function polledDepartments(ext: ExtensionSession): Promise<number> {
  return ext.worker.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('session');
          get.onsuccess = () =>
            resolve(
              Math.max(
                1,
                (get.result as { value?: { departments?: unknown[] } } | undefined)?.value?.departments?.length ?? 1,
              ),
            );
          get.onerror = () => resolve(1);
        };
        open.onerror = () => resolve(1);
      }),
  );
}

interface StateCost {
  cpuMsPerMin: number;
  extensionCpuMsPerMin: number;
  requestsPerMin: number;
  wakeupsPerMin: number;
  heapMb: number;
}

async function measureState(
  ext: ExtensionSession,
  sim: Simulator,
  worker: CDPSession,
  ms: number,
  label: string,
): Promise<StateCost> {
  const from = Date.now();
  const cpu0 = processTimes(ext.userDataDir);
  await sleep(ms);
  const cpu1 = processTimes(ext.userDataDir);
  const heap = await workerHeapBytes(worker);
  const to = Date.now();
  const perMin = (value: number) => (value * 60_000) / (to - from);
  const traffic = wakeups(sim, from, to);
  const cost: StateCost = {
    cpuMsPerMin: round(perMin(cpu1.all - cpu0.all), 0),
    extensionCpuMsPerMin: round(perMin(cpu1.extension - cpu0.extension), 0),
    requestsPerMin: round(perMin(traffic.requests), 1),
    wakeupsPerMin: round(perMin(traffic.wakeups), 1),
    heapMb: round(heap / 1024 / 1024, 1),
  };
  console.log(`  ${label}: ${JSON.stringify(cost)}`);
  return cost;
}

/** A realistic queue: a visitor every 20–60 s, taken by a colleague 15–45 s later. */
function startArrivals(sim: Simulator, random: () => number): () => void {
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    const t = setTimeout(() => (timers.delete(t), stopped || run()), ms);
    timers.add(t);
  };
  const next = () =>
    later(20_000 + random() * 40_000, () => {
      const chat = sim.addChat({ visitorKind: random() < 0.4 ? 'returning' : 'new' });
      later(15_000 + random() * 30_000, () => {
        try {
          sim.takeByOther(chat.id);
        } catch {
          // Already gone (missed or ended): nothing to take.
        }
      });
      next();
    });
  next();
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
  };
}

async function pickUp(ext: ExtensionSession, sim: Simulator, chatId: string): Promise<void> {
  await ext.worker.evaluate(
    (id) =>
      (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        `chat:${id}`,
        0,
      ),
    chatId,
  );
  await waitFor(
    () => sim.state().conversations.find((c) => c.conversation.id === chatId)?.conversation.status,
    (s) => s === 'Connected',
    { what: 'pickup' },
  );
}

/** Screen locked, as the idle API would say it: queryState answers 'locked' and the change is dispatched. */
async function lockScreen(ext: ExtensionSession, locked: boolean): Promise<void> {
  await ext.worker.evaluate((on) => {
    const state = on ? 'locked' : 'active';
    const g = globalThis as unknown as {
      chrome: { idle: { queryState: unknown; onStateChanged: { dispatch(s: string): void } } };
      browser?: { idle: { queryState: unknown } };
      __realQueryState?: unknown;
    };
    g.__realQueryState ??= g.chrome.idle.queryState;
    const fake = on
      ? (_s: number, cb?: (v: string) => void) => (cb ? cb(state) : Promise.resolve(state))
      : g.__realQueryState;
    g.chrome.idle.queryState = fake;
    if (g.browser?.idle) g.browser.idle.queryState = on ? async () => state : g.__realQueryState;
    g.chrome.idle.onStateChanged.dispatch(state);
  }, locked);
}

async function setStatus(ext: ExtensionSession, label: 'Busy' | 'Available'): Promise<void> {
  const popup = await ext.openPage('popup');
  await popup.getByRole('button', { name: label, exact: true }).click();
  await waitFor(
    () => popup.getByRole('button', { name: label, exact: true }).getAttribute('aria-pressed'),
    (v) => v === 'true',
    { what: `${label} pressed` },
  );
  await popup.close();
}

/** Clones the run's records over the last WEEK_DAYS days, in the worker's database. */
async function seedWeek(ext: ExtensionSession): Promise<Record<string, number>> {
  return ext.worker.evaluate(
    ([days, perDay]) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('operator-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const stores = ['chats', 'alerts', 'visitors', 'history', 'transcripts'].filter((s) =>
            idb.objectStoreNames.contains(s),
          );
          const read = idb.transaction(stores);
          const templates: Record<string, unknown[]> = {};
          for (const s of stores) {
            const all = read.objectStore(s).getAll();
            all.onsuccess = () => (templates[s] = all.result as unknown[]);
          }
          read.oncomplete = () => {
            const tx = idb.transaction(stores, 'readwrite');
            const written: Record<string, number> = {};
            const now = Date.now();
            const total = Math.round(days * perDay);
            // Every chat gets a queue record and an alert; a third (the ones the operator
            // took) the visitor's details, history and transcript, as the side panel saves them.
            for (let i = 0; i < total; i++) {
              const at = now - (i / total) * days * 86_400_000;
              const id = `week-${i}`;
              for (const s of stores) {
                const list = templates[s]!;
                if (!list.length) continue;
                if (['visitors', 'history', 'transcripts'].includes(s) && i % 3) continue;
                const copy = structuredClone(list[i % list.length]) as Record<string, unknown>;
                const keyPath = tx.objectStore(s).keyPath as string;
                copy[keyPath] = s === 'history' ? `${String(copy[keyPath])}-${id}` : id;
                for (const field of ['savedAt', 'updatedAt', 'firstSeenAt', 'notifiedAt', 'startTime', 'pickedUpAt']) {
                  if (typeof copy[field] === 'number') copy[field] = at;
                }
                if (s === 'chats') copy.status = 'ended';
                tx.objectStore(s).put(copy);
                written[s] = (written[s] ?? 0) + 1;
              }
            }
            tx.oncomplete = () => {
              idb.close();
              resolve(written);
            };
            tx.onerror = () => reject(tx.error);
          };
        };
      }),
    [WEEK_DAYS, CHATS_PER_DAY] as const,
  );
}

function folderBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
}

async function signIn(ext: ExtensionSession): Promise<void> {
  const popup: Page = await ext.openPage('popup');
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await popup.getByText('Zylker').first().waitFor({ timeout: 20_000 });
  await popup.close();
}

export default async function backgroundBench(): Promise<Metrics> {
  const random = seeded(1919);
  const sim = await startSimulator({ port: 0, seedChat: false, cannedCount: CANNED });
  const ext = await launchExtension({ zohoPort: sim.port, args: ['--remote-debugging-port=0'] });
  const port = readFileSync(join(ext.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const devtools = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  let stopArrivals = () => {};
  try {
    await signIn(ext);
    // The operator's own open chats (picked up; the side panel shown once on each, then closed).
    for (let i = 0; i < MY_CHATS; i++) {
      const chat = sim.addChat({ visitorKind: 'returning' });
      await pickUp(ext, sim, chat.id);
      const panel = await ext.openPage('sidepanel', `?conversation=${encodeURIComponent(chat.id)}`);
      await panel
        .locator('.earlier__item')
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => undefined);
      await panel.close();
    }
    const target = await devtools.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
    );
    const worker = await target.createCDPSession();
    stopArrivals = startArrivals(sim, random);
    await sleep(SETTLE_MS);

    const departments = await polledDepartments(ext);
    const available = await measureState(ext, sim, worker, AVAILABLE_MS, 'Available');
    await lockScreen(ext, true);
    await sleep(8_000); // the timer already set (≤ 5 s) runs out; the next delay is the locked one
    await afterNextRequest(sim);
    const locked = await measureState(ext, sim, worker, STATE_MS, 'Available, screen locked');
    await lockScreen(ext, false);
    await setStatus(ext, 'Busy');
    await sleep(SETTLE_MS);
    await afterNextRequest(sim);
    const busy = await measureState(ext, sim, worker, STATE_MS, 'Busy');
    stopArrivals();

    // A week of history under the retention setting (7 days by default), then the purge a
    // worker start runs.
    const seededRecords = await seedWeek(ext);
    const host = await ext.context.newPage();
    await host.goto(`chrome-extension://${ext.extensionId}/bench/blank.html`);
    await worker.detach();
    const stopper = await workerStopper(await ext.context.newCDPSession(host), ext.extensionId);
    await stopper.stopAll();
    await host.evaluate(() =>
      (
        globalThis as unknown as { chrome: { alarms: { create(n: string, o: object): Promise<void> } } }
      ).chrome.alarms.create('poll', {
        when: Date.now() + 500,
        periodInMinutes: 0.5,
      }),
    );
    await sleep(10_000);
    const idbDir = join(ext.userDataDir, 'Default', 'IndexedDB');
    const idbMb = folderBytes(idbDir) / 1024 / 1024;
    console.log(`  a week: seeded ${JSON.stringify(seededRecords)}; IndexedDB folder ${round(idbMb, 1)} MB`);

    const options = await ext.openPage('options');
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Yes, sign out' }).click();
    await options.getByRole('button', { name: 'Sign in with Zoho' }).waitFor({ timeout: 20_000 });
    await options.close();
    await host.close();
    const target2 = await devtools.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
      { timeout: 15_000 },
    );
    const worker2 = await target2.createCDPSession();
    await sleep(5_000);
    const signedOut = await measureState(ext, sim, worker2, SIGNED_OUT_MS, 'signed out');

    const perMin = (value: number, unit: string, extra: Partial<Metric> = {}): Metric => ({
      value,
      unit,
      better: 'lower',
      ...extra,
    });
    return {
      bg_cpu_signed_out_ms_per_min: perMin(signedOut.cpuMsPerMin, 'ms/min'),
      bg_cpu_ms_per_min: perMin(available.cpuMsPerMin, 'ms/min', { control: 'bg_cpu_signed_out_ms_per_min' }),
      bg_cpu_over_signed_out_ms_per_min: perMin(round(available.cpuMsPerMin - signedOut.cpuMsPerMin, 0), 'ms/min', {
        target: 300,
        control: 'bg_cpu_signed_out_ms_per_min',
      }),
      bg_extension_process_cpu_ms_per_min: perMin(available.extensionCpuMsPerMin, 'ms/min', {
        control: 'bg_extension_process_cpu_signed_out_ms_per_min',
      }),
      bg_extension_process_cpu_signed_out_ms_per_min: perMin(signedOut.extensionCpuMsPerMin, 'ms/min'),
      bg_wakeups_per_min: perMin(available.wakeupsPerMin, 'wake-ups/min'),
      // SalesIQ's budget: 15 list calls a minute per department polled.
      requests_per_min_available: perMin(available.requestsPerMin, 'req/min', { target: 15 * departments }),
      bg_js_heap_mb: perMin(busy.heapMb, 'MB', { target: 15 }),
      bg_cpu_busy_ms_per_min: perMin(busy.cpuMsPerMin, 'ms/min', { control: 'bg_cpu_signed_out_ms_per_min' }),
      bg_cpu_locked_ms_per_min: perMin(locked.cpuMsPerMin, 'ms/min', {
        target: busy.cpuMsPerMin,
        control: 'bg_cpu_busy_ms_per_min',
      }),
      bg_wakeups_busy_per_min: perMin(busy.wakeupsPerMin, 'wake-ups/min'),
      bg_wakeups_locked_per_min: perMin(locked.wakeupsPerMin, 'wake-ups/min', {
        target: busy.wakeupsPerMin,
        control: 'bg_wakeups_busy_per_min',
      }),
      requests_per_min_busy: perMin(busy.requestsPerMin, 'req/min', { target: 3 }),
      requests_per_min_locked: perMin(locked.requestsPerMin, 'req/min', {
        target: 3,
        control: 'requests_per_min_busy',
      }),
      requests_per_min_signed_out: perMin(signedOut.requestsPerMin, 'req/min', { target: 0 }),
      idb_mb_after_week: perMin(round(idbMb, 1), 'MB'),
    };
  } finally {
    stopArrivals();
    await devtools.disconnect().catch(() => undefined);
    await ext.close().catch(() => undefined);
    await sim.close();
  }
}

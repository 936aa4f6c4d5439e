import type { Page } from 'playwright-core';
import { openPopup, sessionState, startWorld, waitFor, type World } from '../e2e/world';
import { openSidePanelPage, prepareSidePanelHost } from '../e2e/side-panel-open';
import { percentile, round, type Metrics } from './report';

/**
 * Side panel speed against the simulator, in real Chromium with the store build:
 * - sidepanel_paint_p95_ms: open the real side panel (`sidePanel.open()` in a click, a fresh
 *   document each time, as Chrome does) → the visitor card painted from IndexedDB. The page marks
 *   that moment itself (performance.mark 'visitor-card-painted', relative to navigation start).
 *   The control, alternated with it: the build's blank page (public/bench/blank.html) opened as the
 *   side panel page the same way, to its own mark (sidepanel_blank_paint_p95_ms);
 *   sidepanel_paint_vs_blank_p95 is the ratio of the two p95s.
 * - sidepanel_history_ms: with 100 ms of latency on every /conversations call and no saved
 *   history, open the panel → the first earlier conversation is in the page (median of 7).
 */
const PAINT_SAMPLES = 25;
const PAINT_WARMUP = 3;
const HISTORY_SAMPLES = 7;

/** Shared with composer.bench.ts. */
export async function signIn(world: World): Promise<void> {
  const popup = await openPopup(world.ext);
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await waitFor(
    () => sessionState(world.ext),
    (s) => s === 'signed-in',
    { what: 'sign-in' },
  );
  await popup.close();
}

export async function pickUp(world: World, chatId: string): Promise<void> {
  await world.ext.worker.evaluate(
    (id) =>
      (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        `chat:${id}`,
        0,
      ),
    chatId,
  );
  await waitFor(
    () => world.sim.state().conversations.find((c) => c.conversation.id === chatId)?.conversation.status,
    (s) => s === 'Connected',
    { what: 'pickup' },
  );
}

async function paintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('visitor-card-painted')[0]?.startTime,
    undefined,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function clearStore(world: World, store: string): Promise<void> {
  await world.ext.worker.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          tx.objectStore(name).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

export default async function sidepanelBench(): Promise<Metrics> {
  // A desktop-sized window: the side panel opens beside the page.
  const world = await startWorld({}, { desktopWindow: true });
  try {
    await signIn(world);

    // Paint from cache: the panel has shown this visitor once, so everything is saved.
    const chat = world.sim.addChat({ visitorKind: 'returning' });
    await pickUp(world, chat.id);
    const page = await world.ext.openPage('sidepanel');
    await page.locator('.earlier__item').first().waitFor({ timeout: 15_000 });
    await paintedAt(page);
    const host = await world.ext.openPage('offscreen');
    await prepareSidePanelHost(host);
    const paints: number[] = [];
    const blanks: number[] = [];
    // The real side panel; should this Chromium not open one, both pages are reloaded in a tab
    // instead (this benchmark's method before), still alternated, and the run says so.
    let asSidePanel = true;
    try {
      await openSidePanelPage(host, 'sidepanel.html', 'visitor-card-painted');
    } catch (error) {
      asSidePanel = false;
      console.warn(`  the side panel did not open (${(error as Error).message}); timing both pages in a tab`);
    }
    // The tab would be a third page open (and one more polling reason) while the panel is timed.
    if (asSidePanel) await page.goto('about:blank');
    const blankTab = asSidePanel ? undefined : await world.ext.context.newPage();
    await blankTab?.goto(`chrome-extension://${world.ext.extensionId}/bench/blank.html`);
    const markIn = async (tab: Page, mark: string) => {
      await tab.reload();
      const handle = await tab.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
        timeout: 15_000,
      });
      return (await handle.jsonValue()) as number;
    };
    for (let i = 0; i < PAINT_WARMUP + PAINT_SAMPLES; i += 1) {
      const real = asSidePanel
        ? (await openSidePanelPage(host, 'sidepanel.html', 'visitor-card-painted')).renderedMs
        : await markIn(page, 'visitor-card-painted');
      const blank = asSidePanel
        ? (await openSidePanelPage(host, 'bench/blank.html', 'blank-painted')).renderedMs
        : await markIn(blankTab!, 'blank-painted');
      if (i < PAINT_WARMUP) continue;
      paints.push(real);
      blanks.push(blank);
    }
    await host.evaluate(() =>
      (
        globalThis as unknown as { chrome: { sidePanel: { setOptions(o: { path: string }): Promise<void> } } }
      ).chrome.sidePanel.setOptions({ path: 'sidepanel.html' }),
    );
    await host.close();
    await blankTab?.close();
    console.log(
      `paint samples (ms), ${asSidePanel ? 'as the side panel' : 'in a tab'}: ${paints.map((v) => round(v)).join(', ')}`,
    );
    console.log(`blank samples (ms): ${blanks.map((v) => round(v)).join(', ')}`);

    // Fresh history under latency: forget the saved history before each sample.
    // When the first earlier conversation enters the page, noted by the page itself. Polling for it
    // with requestAnimationFrame timed the frames instead: this tab is not the one in front, and
    // Chrome gave it about one frame a second (a run read 1.2 s for every sample while the page's
    // own log had the conversation in at 0.3 s).
    await page.addInitScript(() => {
      const noteWhenShown = new MutationObserver(() => {
        if (!document.querySelector('.earlier__item')) return;
        (globalThis as { earlierShownAt?: number }).earlierShownAt = performance.now();
        noteWhenShown.disconnect();
      });
      noteWhenShown.observe(document, { subtree: true, childList: true });
    });
    world.sim.setFault({ kind: 'latency', ms: 100, path: '/conversations' });
    const loads: number[] = [];
    for (let i = 0; i < HISTORY_SAMPLES; i += 1) {
      await page.goto('about:blank');
      await clearStore(world, 'history');
      await page.goto(`chrome-extension://${world.ext.extensionId}/sidepanel.html`);
      const handle = await page.waitForFunction(
        () => (globalThis as { earlierShownAt?: number }).earlierShownAt,
        undefined,
        { timeout: 15_000, polling: 50 },
      );
      loads.push((await handle.jsonValue()) as number);
    }
    console.log(`history samples (ms): ${loads.map((v) => round(v)).join(', ')}`);
    world.sim.clearFaults();

    return {
      sidepanel_blank_paint_p95_ms: { value: round(percentile(blanks, 95)), unit: 'ms', better: 'lower' },
      sidepanel_paint_p95_ms: {
        value: round(percentile(paints, 95)),
        unit: 'ms',
        better: 'lower',
        control: 'sidepanel_blank_paint_p95_ms',
      },
      sidepanel_paint_vs_blank_p95: {
        value: round(percentile(paints, 95) / percentile(blanks, 95), 2),
        unit: '×',
        target: 1.4,
        better: 'lower',
        control: 'sidepanel_blank_paint_p95_ms',
      },
      sidepanel_timed_as_side_panel: {
        value: asSidePanel ? 1 : 0,
        unit: '(1 = the real side panel, 0 = a tab)',
        better: 'higher',
      },
      sidepanel_history_ms: { value: round(percentile(loads, 50)), unit: 'ms', target: 1500, better: 'lower' },
    };
  } finally {
    await world.close();
  }
}

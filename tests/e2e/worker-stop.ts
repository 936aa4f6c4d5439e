import type { CDPSession } from 'playwright-core';

/**
 * Stops the extension's service worker the way DevTools' "Stop" does (`ServiceWorker.stopAllWorkers`
 * over CDP; not a browser restart), and waits until DevTools reports it stopped
 * (`ServiceWorker.workerVersionUpdated`). Playwright keeps one Worker object across stops, so its
 * `close` event is no proof; a stop that stopped nothing would make the fault a fake.
 * `cdp` is a session on an extension page: it shares the worker's storage partition, so "all
 * workers" of this session include the extension's. Shared by browser tests and the shift bench.
 */
export interface WorkerStopper {
  stopAll(): Promise<void>;
}

const STOP_WAIT_MS = 10_000;

export async function workerStopper(cdp: CDPSession, extensionId: string): Promise<WorkerStopper> {
  const stoppedAt: number[] = [];
  const script = `chrome-extension://${extensionId}/`;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions)
      if (v.scriptURL.startsWith(script) && v.runningStatus === 'stopped') stoppedAt.push(Date.now());
  });
  // The domain reports only once enabled.
  await cdp.send('ServiceWorker.enable');
  return {
    async stopAll() {
      const from = Date.now();
      const late = (what: string) =>
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`${what} in ${STOP_WAIT_MS / 1000} s`)), STOP_WAIT_MS).unref(),
        );
      await Promise.race([
        cdp.send('ServiceWorker.stopAllWorkers'),
        late('ServiceWorker.stopAllWorkers did not answer'),
      ]);
      const stopped = (async () => {
        while (!stoppedAt.some((t) => t >= from)) await new Promise((r) => setTimeout(r, 50));
      })();
      await Promise.race([stopped, late('DevTools did not report the service worker stopped')]);
    },
  };
}

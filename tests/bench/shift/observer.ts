import type { CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/harness';
import { workerStopper, type WorkerStopper } from '../../e2e/worker-stop';
import { kindOfTitle, type NotificationEvent, type Presence } from './figures';

/**
 * Watches every notification the extension shows, across worker stops and browser restarts:
 * - an extension page (the offscreen document, opened as a tab: it does nothing but play the
 *   chime) polls `chrome.notifications.getAll()` every 250 ms; ids seen coming and going become
 *   presence intervals. getAll only gives ids, so
 * - a hook in the service worker wraps `chrome.notifications.create` and records the id, title
 *   and buttons of every creation. Playwright keeps one Worker per extension across stops (the
 *   DevTools target survives; each start is a new JavaScript context), so every collection, every
 *   250 ms and just before the bench stops the worker or closes the browser, also re-installs the
 *   hook when the context is new. A create in a fresh worker's first moments, before the hook is
 *   in, is still seen by getAll (and the alert log).
 * The same page reads the extension's IndexedDB and storage (same origin) so no read depends on
 * the worker being alive, and holds the CDP session that stops the workers and reports, through
 * `ServiceWorker.workerVersionUpdated`, that they did stop.
 */
export interface CreateRecord {
  t: number;
  id: string;
  title?: string;
  message?: string;
  buttons: string[];
  requireInteraction?: boolean;
}

const POLL_MS = 250;

/**
 * Wraps chrome.notifications.create in the worker's current context (once per context) and hands
 * over what was recorded since the last call. A string, not a function: the test compiler would
 * wrap named functions in a helper the worker does not have.
 */
const COLLECT = `(() => {
  if (!globalThis.__shiftCreates) {
    globalThis.__shiftCreates = [];
    const api = chrome.notifications;
    const original = api.create;
    Object.defineProperty(api, 'create', {
      configurable: true,
      writable: true,
      value: function (...args) {
        const [id, options] = typeof args[0] === 'string' ? args : [undefined, args[0]];
        globalThis.__shiftCreates.push({
          t: Date.now(), id: id || '', title: options && options.title, message: options && options.message,
          buttons: ((options && options.buttons) || []).map((b) => b.title),
          requireInteraction: !!(options && options.requireInteraction),
        });
        return original.apply(this, args);
      },
    });
  }
  return globalThis.__shiftCreates.splice(0);
})()`;

/** How long a collection may wait for a worker that is stopped (it answers once it starts again). */
const COLLECT_WAIT_MS = 1_000;

export class NotificationObserver {
  readonly events: NotificationEvent[] = [];
  readonly presence: Presence[] = [];
  readonly creates: CreateRecord[] = [];
  /** Moments DevTools reported the extension's worker running (after a start or a restart). */
  readonly workerRunningAt: number[] = [];
  private readonly onScreen = new Map<string, number>();
  private ext?: ExtensionSession;
  private page?: Page;
  private cdp?: CDPSession;
  private loop?: Promise<void>;
  private running = false;
  /** One collection in flight per worker: a stopped worker's answer comes when it restarts. */
  private readonly pending = new Map<Worker, Promise<void>>();
  private stopper?: WorkerStopper;

  async attach(ext: ExtensionSession): Promise<void> {
    this.ext = ext;
    this.page = await ext.openPage('offscreen');
    this.cdp = await ext.context.newCDPSession(this.page);
    // When the extension's worker is running again after a stop (the bench reports the gap).
    const script = `chrome-extension://${ext.extensionId}/`;
    this.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.startsWith(script) && v.runningStatus === 'running') this.workerRunningAt.push(Date.now());
    });
    this.stopper = await workerStopper(this.cdp, ext.extensionId);
    await this.collect();
    this.running = true;
    this.loop = this.run();
  }

  /** Before the browser closes: collect what the worker recorded and close every open presence. */
  async detach(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.collect();
    const now = Date.now();
    for (const [id, from] of this.onScreen) this.presence.push({ id, from, to: now });
    this.onScreen.clear();
    await this.cdp?.detach().catch(() => undefined);
    this.page = undefined;
    this.cdp = undefined;
  }

  /** `ServiceWorker.stopAllWorkers` over CDP: what DevTools' "Stop" does; not a browser restart. */
  async stopWorkers(): Promise<void> {
    await this.collect();
    await this.stopper!.stopAll();
  }

  /** The extension page the bench reads IndexedDB and storage through. */
  get host(): Page {
    if (!this.page) throw new Error('The observer is not attached.');
    return this.page;
  }

  /** The live service worker of the extension, waiting for it to start if it is stopped. */
  async worker(timeoutMs = 40_000): Promise<Worker> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const worker = this.liveWorkers()[0];
      if (worker) return worker;
      if (Date.now() > deadline) throw new Error('The extension has no running service worker.');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private liveWorkers(): Worker[] {
    const origin = `chrome-extension://${this.ext!.extensionId}/`;
    return this.ext!.context.serviceWorkers().filter((w) => w.url().startsWith(origin));
  }

  private async collect(): Promise<void> {
    const rounds = this.liveWorkers().map((worker) => {
      let round = this.pending.get(worker);
      if (!round) {
        round = worker
          .evaluate(COLLECT)
          .then(
            (records) => this.record(records as CreateRecord[]),
            () => undefined,
          )
          .finally(() => this.pending.delete(worker));
        this.pending.set(worker, round);
      }
      return round;
    });
    await Promise.race([Promise.all(rounds), new Promise((r) => setTimeout(r, COLLECT_WAIT_MS))]);
  }

  private record(records: CreateRecord[]): void {
    for (const record of records) {
      this.creates.push(record);
      const kind = record.id.startsWith('chat:')
        ? (kindOfTitle(record.title, record.requireInteraction) ?? 'alert')
        : 'other';
      this.events.push({ t: record.t, id: record.id, kind, source: 'create', title: record.title });
    }
  }

  private async sample(): Promise<void> {
    const ids = await this.page!.evaluate(async () =>
      Object.keys(
        await (
          globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }
        ).chrome.notifications.getAll(),
      ),
    );
    const now = Date.now();
    const seen = new Set(ids);
    for (const id of seen) {
      if (this.onScreen.has(id)) continue;
      this.onScreen.set(id, now);
      const last = this.lastCreate(id);
      this.events.push({
        t: now,
        id,
        kind: id.startsWith('chat:') ? (kindOfTitle(last?.title, last?.requireInteraction) ?? 'alert') : 'other',
        source: 'appear',
        title: last?.title,
      });
    }
    for (const [id, from] of this.onScreen) {
      if (seen.has(id)) continue;
      this.presence.push({ id, from, to: now });
      this.onScreen.delete(id);
    }
  }

  private lastCreate(id: string): CreateRecord | undefined {
    for (let i = this.creates.length - 1; i >= 0; i -= 1) if (this.creates[i]!.id === id) return this.creates[i];
    return undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = Date.now();
      await this.collect();
      await this.sample().catch(() => undefined); // the page is being closed with the browser
      await new Promise((r) => setTimeout(r, Math.max(0, POLL_MS - (Date.now() - started))));
    }
  }

  /** Everything on screen now, plus what was created since `since`, whose words ask to sign in. */
  signInAlertSince(
    since: number,
  ): CreateRecord | { id: string; t: number; buttons: string[]; title?: string } | undefined {
    const created = this.creates.find(
      (c) => c.t >= since && /sign in/i.test(`${c.title} ${c.message} ${c.buttons.join(' ')}`),
    );
    if (created) return created;
    // Its creation not seen (the hook not yet in a fresh worker): a non-chat notification that
    // appeared with no create recorded for it, whatever it said.
    const appeared = this.events.find(
      (e) =>
        e.t >= since &&
        e.source === 'appear' &&
        !e.id.startsWith('chat:') &&
        !this.creates.some((c) => c.id === e.id && Math.abs(c.t - e.t) <= 1_500),
    );
    return appeared ? { id: appeared.id, t: appeared.t, buttons: [] } : undefined;
  }

  /** Keep the presence still open at the end of the shift. */
  closeOpenPresence(now = Date.now()): Presence[] {
    return [...this.presence, ...[...this.onScreen].map(([id, from]) => ({ id, from, to: now }))];
  }
}

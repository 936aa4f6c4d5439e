import type { CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/harness';
import { kindOfTitle, type NotificationEvent, type Presence } from './figures';

/**
 * Watches every notification the extension shows, across worker stops and browser restarts:
 * - an extension page (the offscreen document, opened as a tab: it does nothing but play the
 *   chime) polls `chrome.notifications.getAll()` every 250 ms; ids seen coming and going become
 *   presence intervals. getAll only gives ids, so
 * - a hook in each service worker instance wraps `chrome.notifications.create` and records the
 *   id, title and buttons of every creation. It is installed when Playwright reports a worker
 *   (at start, after each stop, after the restart) and its records are collected every 250 ms and
 *   just before the bench stops the worker or closes the browser. A create in the first
 *   milliseconds of a fresh worker, before the hook is in, is still seen by getAll.
 * The same page reads the extension's IndexedDB and storage (same origin) so no read depends on
 * the worker being alive, and holds the CDP session that stops the workers.
 */
export interface CreateRecord {
  t: number;
  id: string;
  title?: string;
  message?: string;
  buttons: string[];
}

const POLL_MS = 250;

/**
 * Wraps chrome.notifications.create in a worker and keeps what each call asked for. A string, not
 * a function: the test compiler would wrap named functions in a helper the worker does not have.
 */
const HOOK = `(() => {
  if (globalThis.__shiftCreates) return;
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
      });
      return original.apply(this, args);
    },
  });
})()`;

export class NotificationObserver {
  readonly events: NotificationEvent[] = [];
  readonly presence: Presence[] = [];
  readonly creates: CreateRecord[] = [];
  private readonly onScreen = new Map<string, number>();
  private ext?: ExtensionSession;
  private page?: Page;
  private cdp?: CDPSession;
  private loop?: Promise<void>;
  private running = false;
  private readonly hooked = new WeakSet<Worker>();

  async attach(ext: ExtensionSession): Promise<void> {
    this.ext = ext;
    ext.context.on('serviceworker', (worker) => void this.hook(worker));
    for (const worker of ext.context.serviceWorkers()) await this.hook(worker);
    this.page = await ext.openPage('offscreen');
    this.cdp = await ext.context.newCDPSession(this.page);
    // The domain answers only once enabled. The extension page shares the worker's storage
    // partition, so "all workers" of this session include the extension's.
    await this.cdp.send('ServiceWorker.enable');
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
    const running = this.liveWorkers();
    const closed = Promise.all(running.map((w) => new Promise((resolve) => w.once('close', resolve))));
    const late = (what: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} in 10 s`)), 10_000).unref());
    await Promise.race([this.cdp!.send('ServiceWorker.stopAllWorkers'), late('ServiceWorker.stopAllWorkers did not answer')]);
    // A stop that did not stop anything would make the fault a fake: check the worker went away.
    await Promise.race([closed, late('The service worker did not stop')]);
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

  private async hook(worker: Worker): Promise<void> {
    if (this.hooked.has(worker)) return;
    this.hooked.add(worker);
    await worker
      .evaluate(HOOK)
      .catch(() => undefined); // the worker stopped before we got in: getAll still sees its notifications
  }

  private async collect(): Promise<void> {
    for (const worker of this.liveWorkers()) {
      if (!this.hooked.has(worker)) await this.hook(worker);
      const records = await worker
        .evaluate(() => (globalThis as unknown as { __shiftCreates?: CreateRecord[] }).__shiftCreates?.splice(0) ?? [])
        .catch(() => [] as CreateRecord[]);
      for (const record of records) {
        this.creates.push(record);
        this.events.push({ t: record.t, id: record.id, kind: kindOfTitle(record.title) ?? 'other', source: 'create', title: record.title });
      }
    }
  }

  private async sample(): Promise<void> {
    const ids = await this.page!.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll()));
    const now = Date.now();
    const seen = new Set(ids);
    for (const id of seen) {
      if (this.onScreen.has(id)) continue;
      this.onScreen.set(id, now);
      const title = this.lastCreate(id)?.title;
      this.events.push({ t: now, id, kind: id.startsWith('chat:') ? (kindOfTitle(title) ?? 'alert') : 'other', source: 'appear', title });
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
  signInAlertSince(since: number): CreateRecord | { id: string; t: number; buttons: string[]; title?: string } | undefined {
    const created = this.creates.find((c) => c.t >= since && /sign in/i.test(`${c.title} ${c.message} ${c.buttons.join(' ')}`));
    if (created) return created;
    // Not seen being created (hook missing): any non-chat notification that appeared since.
    const appeared = this.events.find((e) => e.t >= since && e.source === 'appear' && !e.id.startsWith('chat:'));
    return appeared ? { id: appeared.id, t: appeared.t, buttons: [] } : undefined;
  }

  /** Keep the presence still open at the end of the shift. */
  closeOpenPresence(now = Date.now()): Presence[] {
    return [...this.presence, ...[...this.onScreen].map(([id, from]) => ({ id, from, to: now }))];
  }
}

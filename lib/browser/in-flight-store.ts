import { browser } from 'wxt/browser';

/**
 * Requests sent to SalesIQ whose outcome is not known yet, kept in storage.session under one key:
 * they outlive a worker stop (Chrome stops an idle worker after 30 s, even mid-request) but not the
 * browser. Whoever finds an entry here must read SalesIQ back before sending that request again.
 * Background only.
 */
export interface InFlightStore<T> {
  all(): Promise<Record<string, T>>;
  get(id: string): Promise<T | undefined>;
  put(id: string, value: T): Promise<void>;
  remove(id: string): Promise<void>;
  /** Drops the entries `keep` says no longer matter. */
  prune(keep: (value: T) => boolean): Promise<void>;
}

export function inFlightStore<T>(key: string): InFlightStore<T> {
  const all = async (): Promise<Record<string, T>> => {
    const stored = (await browser.storage.session.get(key))[key];
    return stored && typeof stored === 'object' ? (stored as Record<string, T>) : {};
  };
  // Read-modify-write of one storage key: serialised, so two requests at once cannot drop each other.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (current: Record<string, T>) => Record<string, T>): Promise<void> => {
    const next = queue.then(async () => {
      await browser.storage.session.set({ [key]: change(await all()) });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    all,
    get: async (id) => (await all())[id],
    put: (id, value) => update((current) => ({ ...current, [id]: value })),
    remove: (id) => update(({ [id]: _gone, ...rest }) => rest),
    prune: (keep) =>
      update((current) => Object.fromEntries(Object.entries(current).filter(([, value]) => keep(value)))),
  };
}

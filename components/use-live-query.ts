import { useEffect, useState } from 'preact/hooks';
import type { CompanionDb, MetaKey, MetaValues } from '../lib/db';

/**
 * Subscribes to a Dexie liveQuery for as long as the component is mounted. Until the first
 * result arrives the hook returns `initial`, which lets a page tell "not read yet" apart from
 * "read, and empty". Dexie and the database module load on first use, not with the page: the
 * popup paints its first frame from a plain IndexedDB read and goes live right after.
 */
export type LiveQuery<T> = (db: CompanionDb) => Promise<T> | T;

let live: Promise<{ liveQuery: typeof import('dexie').liveQuery; db: CompanionDb }> | undefined;
function loadLive() {
  live ??= Promise.all([import('dexie'), import('../lib/db')]).then(
    ([dexie, module]) => ({ liveQuery: dexie.liveQuery, db: module.db }),
    (error: unknown) => {
      live = undefined; // e.g. the extension was updated under an open page: let a retry try again
      throw error;
    },
  );
  return live;
}

export function useLiveQuery<T, I = undefined>(query: LiveQuery<T>, deps: readonly unknown[], initial: I): T | I {
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    let active = true;
    let unsubscribe: (() => void) | undefined;
    loadLive().then(({ liveQuery, db }) => {
      if (!active) return;
      const subscription = liveQuery(() => query(db)).subscribe({
        // A function-form setter would treat a function result as an updater; wrap it.
        next: (result) => setValue(() => result),
        error: (error: unknown) => console.error('liveQuery failed', error),
      });
      unsubscribe = () => subscription.unsubscribe();
    }, (error: unknown) => console.error('Live updates unavailable', error));
    return () => {
      active = false;
      unsubscribe?.();
    };
    // The caller owns the dependency list, like useEffect's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/** A live read of one meta record (session, poll state, operator status). */
export function metaQuery<K extends MetaKey>(key: K): LiveQuery<MetaValues[K] | undefined> {
  return async (db) => (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

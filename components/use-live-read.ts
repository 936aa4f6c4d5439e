import { useEffect, useState } from 'preact/hooks';
import { onTablesChanged } from '../lib/db-changes';
import { readMetaValue } from '../lib/db-read';
import type { MetaKey, MetaValues, TableName } from '../lib/records';

/**
 * A read of IndexedDB that stays current while the component is mounted: it runs once on mount
 * and again after every committed background write to one of `tables`. Until the first result
 * the hook returns `initial`, which lets a page tell "not read yet" apart from "read, and empty".
 * Reads never overlap, so an older result cannot land after a newer one.
 */
export function useLiveRead<T, I = undefined>(
  tables: readonly TableName[],
  read: () => Promise<T> | T,
  deps: readonly unknown[],
  initial: I,
  /** Results this says are the same as the last one are not passed on: no re-render. */
  same?: (a: T, b: T) => boolean,
): T | I {
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    let active = true;
    let last: { result: T } | undefined;
    let running = false;
    let again = false;
    // A failed read (e.g. Chrome's occasional UnknownError opening IndexedDB) is tried again,
    // less and less often: a page with no writes coming would otherwise never recover.
    let retryMs = 1_000;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (running) {
        again = true; // a write landed during this read: read once more when it ends
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const result = await read();
          if (!active || (last && same?.(last.result, result))) continue;
          last = { result };
          // A function-form setter would treat a function result as an updater; wrap it.
          setValue(() => result);
        } while (again && active);
        retryMs = 1_000;
      } catch (error) {
        console.error('Reading the local cache failed', error);
        if (active) {
          clearTimeout(retry);
          retry = setTimeout(() => void run(), retryMs);
          retryMs = Math.min(retryMs * 2, 30_000);
        }
      } finally {
        running = false;
      }
    };
    const stop = onTablesChanged(tables, () => void run());
    void run();
    return () => {
      active = false;
      clearTimeout(retry);
      stop();
    };
    // The caller owns the dependency list, like useEffect's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/** Meta records are small: comparing them whole is cheaper than re-rendering a page for nothing. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A live read of one meta record (session, poll state, operator status, …). Every write to the
 * meta table wakes it (the background writes the poll state each poll); it re-renders only when
 * its own record changed.
 */
export function useLiveMeta<K extends MetaKey, I>(key: K, initial: I): MetaValues[K] | undefined | I {
  return useLiveRead(['meta'], () => readMetaValue(key), [key], initial, sameJson);
}

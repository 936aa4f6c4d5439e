/**
 * Reads of the extension's own state (its IndexedDB, through an extension context) that the UI does
 * not show. No test-runner imports: the benchmarks use them too.
 */
import type { Driver } from './driver';

type Idb = { value?: { state?: string } } | undefined;

/** The session record the background wrote ('signed-in', 'signed-out'…). */
export function sessionState(driver: Driver): Promise<string | undefined> {
  return driver.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('meta')) return resolve(undefined);
          const get = database.transaction('meta').objectStore('meta').get('session');
          get.onsuccess = () => resolve((get.result as Idb)?.value?.state);
          get.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
    undefined,
  );
}

/** Number of records in one of the extension's IndexedDB stores. */
export function storeCount(driver: Driver, store: string): Promise<number> {
  return driver.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const count = open.result.transaction(name).objectStore(name).count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

/** One record of the extension's IndexedDB (e.g. the alert log by chat id). */
export function readRecord<T = Record<string, unknown>>(driver: Driver, store: string, key: string): Promise<T | undefined> {
  return driver.evaluate(
    ([name, id]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).get(id);
          get.onsuccess = () => resolve(get.result as T | undefined);
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [store, key] as [string, string],
  );
}

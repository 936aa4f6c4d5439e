/**
 * Reads of the extension's own state (its IndexedDB, through an extension context) that the UI does
 * not show. No test-runner imports: the benchmarks use them too. The `…InPage` functions run inside
 * the extension (serialized by the driver), so they are self-contained; tests/e2e/world.ts passes
 * them to Chromium's worker as well.
 */
import type { Driver } from './driver';

/** In the extension: the session record's state, or undefined before the first write. */
export function sessionStateInPage(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const open = indexedDB.open('operator-companion');
    open.onsuccess = () => {
      const database = open.result;
      if (!database.objectStoreNames.contains('meta')) return resolve(undefined);
      const get = database.transaction('meta').objectStore('meta').get('session');
      get.onsuccess = () => resolve((get.result as { value?: { state?: string } } | undefined)?.value?.state);
      get.onerror = () => resolve(undefined);
    };
    open.onerror = () => resolve(undefined);
  });
}

/** In the extension: the number of records in a store. */
export function storeCountInPage(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('operator-companion');
    open.onsuccess = () => {
      const count = open.result.transaction(name).objectStore(name).count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** In the extension: one record of a store by key. */
export function recordInPage([name, id]: readonly [string, string]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('operator-companion');
    open.onsuccess = () => {
      const get = open.result.transaction(name).objectStore(name).get(id);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** The session record the background wrote ('signed-in', 'signed-out'…). */
export function sessionState(driver: Driver): Promise<string | undefined> {
  return driver.evaluate(sessionStateInPage, undefined);
}

/** Number of records in one of the extension's IndexedDB stores. */
export function storeCount(driver: Driver, store: string): Promise<number> {
  return driver.evaluate(storeCountInPage, store);
}

/** One record of the extension's IndexedDB (e.g. the alert log by chat id). */
export async function readRecord<T = Record<string, unknown>>(
  driver: Driver,
  store: string,
  key: string,
): Promise<T | undefined> {
  return (await driver.evaluate(recordInPage, [store, key] as const)) as T | undefined;
}

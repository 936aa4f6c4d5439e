import { readSession } from '../auth/session';
import { SalesIQError, asSalesIQError } from '../salesiq/errors';
import { activePortal } from '../records';
import type { RefreshError } from './records';

/** Small helpers shared by the visitor-history fetchers. */
export interface PortalContext {
  portal: string;
  /** The operator's department ids; '' stands for "SalesIQ's default" when none are known. */
  departments: string[];
}

export async function signedInPortal(): Promise<PortalContext> {
  const session = await readSession();
  const portal = activePortal(session);
  if (!portal) throw new SalesIQError('auth', 'Sign in to see visitor details.');
  const departments = (session.departments ?? []).map((d) => d.id);
  return { portal: portal.screen, departments: departments.length ? departments : [''] };
}

export function refreshError(error: unknown, now = Date.now()): RefreshError {
  const e = asSalesIQError(error);
  return { kind: e.kind, message: e.message, at: now };
}

/** Auth failures end the session: nothing else should carry on as if it were a local hiccup. */
export function rethrowAuth(error: unknown): void {
  if (error instanceof SalesIQError && error.kind === 'auth') throw error;
}

/** Run `task` over `items`, at most `limit` at a time (SalesIQ publishes no rate limit: stay polite). */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * One run per key at a time, and at most one queued behind it: a caller never gets the result of
 * a run that started before it asked (a freshly opened panel would otherwise wait a whole refresh
 * period for data the running refresh did not think was due), and any number of callers arriving
 * meanwhile share that one queued run, so requests never stack up behind a slow SalesIQ.
 */
export function singleFlight<R>(): (key: string, run: () => Promise<R>) => Promise<R> {
  const running = new Map<string, { current: Promise<R>; next?: Promise<R> }>();
  const start = (key: string, run: () => Promise<R>): Promise<R> => {
    const current = run().finally(() => {
      const entry = running.get(key);
      if (entry?.current === current && !entry.next) running.delete(key);
    });
    running.set(key, { current });
    return current;
  };
  return (key, run) => {
    const entry = running.get(key);
    if (!entry) return start(key, run);
    entry.next ??= entry.current.then(
      () => start(key, run),
      () => start(key, run),
    );
    return entry.next;
  };
}

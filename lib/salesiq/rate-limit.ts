import { browser } from 'wxt/browser';

/**
 * After a 429, no call to that host until Retry-After has passed: the poll, the side panel's
 * refresh, canned sync and pickups alike. Kept in storage.session so a worker restart obeys it.
 */
const KEY = 'rateLimitedUntil';
export const DEFAULT_RETRY_AFTER_MS = 30_000;
/** A Retry-After of a day (or a clock jump) must not silence the queue: wait at most this long. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

async function readAll(): Promise<Record<string, number>> {
  return ((await browser.storage.session.get(KEY))[KEY] as Record<string, number> | undefined) ?? {};
}

export async function blockedUntil(host: string, now = Date.now()): Promise<number | undefined> {
  const until = (await readAll())[host];
  return until !== undefined && until > now ? Math.min(until, now + MAX_RETRY_AFTER_MS) : undefined;
}

export async function noteRateLimit(host: string, retryAfterMs: number | undefined, now = Date.now()): Promise<void> {
  const all = await readAll();
  const wait = Math.min(retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS);
  // A stored block further out than the cap (a clock that jumped back) is replaced, not kept.
  const current = all[host] !== undefined && all[host]! - now <= MAX_RETRY_AFTER_MS ? all[host]! : 0;
  all[host] = Math.max(current, now + wait);
  await browser.storage.session.set({ [KEY]: all });
}

import { browser } from 'wxt/browser';

/**
 * After a 429, no call to that host until Retry-After has passed: the poll, the side panel's
 * refresh, canned sync and pickups alike. Kept in storage.session so a worker restart obeys it.
 */
const KEY = 'rateLimitedUntil';
export const DEFAULT_RETRY_AFTER_MS = 30_000;

async function readAll(): Promise<Record<string, number>> {
  return ((await browser.storage.session.get(KEY))[KEY] as Record<string, number> | undefined) ?? {};
}

export async function blockedUntil(host: string, now = Date.now()): Promise<number | undefined> {
  const until = (await readAll())[host];
  return until !== undefined && until > now ? until : undefined;
}

export async function noteRateLimit(host: string, retryAfterMs: number | undefined, now = Date.now()): Promise<void> {
  const all = await readAll();
  all[host] = Math.max(all[host] ?? 0, now + (retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
  await browser.storage.session.set({ [KEY]: all });
}

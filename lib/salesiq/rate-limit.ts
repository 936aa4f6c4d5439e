import { sessionValue } from '../browser/stored-value';

/**
 * After a 429, no call to that host until Retry-After has passed. Kept in storage.session so a
 * worker restart obeys it. Scoped by who asked: a 429 provoked by background work (the poll, a
 * canned sync, a visitor refresh) holds back background work only, so the operator's own clicks
 * (pickup, status, send) still go out; a 429 on an operator action holds back everything.
 */
export type RequestLane = 'background' | 'operator';

const KEY = 'rateLimitedUntil';
const DEFAULT_RETRY_AFTER_MS = 30_000;
/** A Retry-After of a day (or a clock jump) must not silence the queue: wait at most this long. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** A block for every lane is stored under the bare host (as before lanes existed). */
function blockKey(host: string, lane: RequestLane): string {
  return lane === 'operator' ? host : `background:${host}`;
}

/** The blocks a request in `lane` must obey. */
function keysFor(host: string, lane: RequestLane): string[] {
  return lane === 'operator' ? [host] : [host, `background:${host}`];
}

/** Read before every request: kept in memory between changes (stored-value.ts). */
const blocks = sessionValue<Record<string, number>>(KEY);

async function readAll(): Promise<Record<string, number>> {
  return (await blocks.read()) ?? {};
}

export async function blockedUntil(
  host: string,
  now = Date.now(),
  lane: RequestLane = 'background',
): Promise<number | undefined> {
  const all = await readAll();
  const until = Math.max(0, ...keysFor(host, lane).map((key) => all[key] ?? 0));
  return until > now ? Math.min(until, now + MAX_RETRY_AFTER_MS) : undefined;
}

export async function noteRateLimit(
  host: string,
  retryAfterMs: number | undefined,
  now = Date.now(),
  lane: RequestLane = 'background',
): Promise<void> {
  const all = await readAll();
  const key = blockKey(host, lane);
  const wait = Math.min(retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS);
  // A stored block further out than the cap (a clock that jumped back) is replaced, not kept.
  const current = all[key] !== undefined && all[key]! - now <= MAX_RETRY_AFTER_MS ? all[key]! : 0;
  all[key] = Math.max(current, now + wait);
  await blocks.write(all);
}

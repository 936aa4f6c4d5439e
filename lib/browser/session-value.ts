import { browser } from 'wxt/browser';

/**
 * One storage.session value, read from memory between changes. A queue turn read the token and
 * the rate-limit blocks once per request, the page-open flag and the shown notice once a turn:
 * about ten storage.session reads a turn, each a round trip through the browser process, for
 * values that change a few times an hour. Writes through `write`/`remove` forget the value before
 * and after they land (a read racing the write does not keep the old one); a change made anywhere
 * else (storage.onChanged) forgets it too. Values are handed out as copies, as storage would.
 */
export interface SessionValue<T> {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

const everyForget = new Set<() => void>();

/**
 * Forgets every value read so far. Chrome tells each change through storage.onChanged; the unit
 * tests' fake browser empties storage and drops listeners on reset without telling, so their
 * setup calls this then (tests/unit/setup.ts).
 */
export function forgetSessionValues(): void {
  for (const forget of everyForget) forget();
}

export function sessionValue<T>(key: string): SessionValue<T> {
  let cached: { value: T | undefined } | undefined;
  let generation = 0;
  const forget = () => {
    generation += 1;
    cached = undefined;
  };
  everyForget.add(forget);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && key in changes) forget();
  });
  return {
    async read() {
      if (!cached) {
        const before = generation;
        const value = (await browser.storage.session.get(key))[key] as T | undefined;
        if (before !== generation) return structuredClone(value);
        cached = { value };
      }
      return structuredClone(cached.value);
    },
    async write(value) {
      forget();
      try {
        await browser.storage.session.set({ [key]: value });
      } finally {
        forget();
      }
    },
    async remove() {
      forget();
      try {
        await browser.storage.session.remove(key);
      } finally {
        forget();
      }
    },
  };
}

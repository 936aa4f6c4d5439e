import { browser } from 'wxt/browser';

/**
 * One storage value, read from memory between changes. A queue turn read the token and the
 * rate-limit blocks (storage.session) once per request, and the page-open flag, the shown notice
 * and the settings (storage.local) once a turn or more: a dozen storage reads a turn, each a round
 * trip through the browser process, for values that change a few times an hour. Writes through
 * `write`/`remove` forget the value before and after they land (a read racing the write does not
 * keep the old one); a change made anywhere else (storage.onChanged) forgets it too. Values are
 * handed out as copies, as storage would.
 */
export interface StoredValue<T> {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

type Area = 'session' | 'local';

const everyReset = new Set<() => void>();

/**
 * Forgets every value read so far, and that its change listener was added. Chrome tells each
 * change through storage.onChanged; the unit tests' fake browser empties storage and drops
 * listeners on reset without telling, so their setup calls this then (tests/unit/setup.ts).
 */
export function forgetStoredValues(): void {
  for (const reset of everyReset) reset();
}

export function storedValue<T>(area: Area, key: string): StoredValue<T> {
  let cached: { value: T | undefined } | undefined;
  let generation = 0;
  const forget = () => {
    generation += 1;
    cached = undefined;
  };
  // Added with the first read, not at import: a page that never reads the value adds nothing.
  let listening = false;
  const onChanged = (changes: Record<string, unknown>, changedArea: string) => {
    if (changedArea === area && key in changes) forget();
  };
  everyReset.add(() => {
    forget();
    listening = false;
  });
  const storage = () => browser.storage[area];
  return {
    async read() {
      if (!listening) {
        listening = true;
        browser.storage.onChanged.addListener(onChanged);
      }
      if (!cached) {
        const before = generation;
        const value = (await storage().get(key))[key] as T | undefined;
        if (before !== generation) return structuredClone(value);
        cached = { value };
      }
      return structuredClone(cached.value);
    },
    async write(value) {
      forget();
      try {
        await storage().set({ [key]: value });
      } finally {
        forget();
      }
    },
    async remove() {
      forget();
      try {
        await storage().remove(key);
      } finally {
        forget();
      }
    },
  };
}

/** A storage.session value (tokens, 429 blocks, the page-open flag): background only. */
export function sessionValue<T>(key: string): StoredValue<T> {
  return storedValue<T>('session', key);
}

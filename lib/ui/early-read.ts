/**
 * A page's first IndexedDB read, started before its modules have loaded. A module script runs
 * only once every module it imports has been fetched and parsed (most of the page's JavaScript);
 * a small async classic script in the page's <head> runs as soon as it arrives and starts the
 * read then, so the database answers while the rest loads (entrypoints/sidepanel-early). The page
 * takes the read when it renders: the early one when the script started it, else a read of its own
 * then. Not used by the popup: a bench run showed it no faster there (its time goes elsewhere), and
 * the script's own copy of the read was 1.1 kB more of its first-paint JavaScript.
 */
export interface EarlyRead<T> {
  /** In the classic script: start the read and leave it for the page. */
  start(): void;
  /** In the page: the read the script started (once), or a new one. */
  take(): Promise<T>;
}

export function earlyRead<T>(name: string, read: () => Promise<T>): EarlyRead<T> {
  const key = `operatorCompanionEarlyRead:${name}`;
  // null: the page has taken its read; a script arriving after that starts none.
  const slots = globalThis as unknown as Record<string, Promise<T> | null | undefined>;
  return {
    start() {
      if (slots[key] !== undefined) return;
      const reading = read();
      // Failing before the page takes it is no unhandled rejection: the page gets the failure.
      reading.catch(() => undefined);
      slots[key] = reading;
    },
    take() {
      const started = slots[key];
      slots[key] = null;
      return started ?? read();
    },
  };
}

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes to a Dexie liveQuery for as long as the component is mounted. Until the first
 * result arrives the hook returns `initial`, which lets a page tell "not read yet" apart from
 * "read, and empty".
 */
export function useLiveQuery<T, I = undefined>(query: () => Promise<T> | T, deps: readonly unknown[], initial: I): T | I {
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      // A function-form setter would treat a function result as an updater; wrap it.
      next: (result) => setValue(() => result),
      error: (error: unknown) => console.error('liveQuery failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller owns the dependency list, like useEffect's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

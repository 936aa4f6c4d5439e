import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * The canned-response quick search, loaded after the queue has painted: the popup opens for the
 * queue, and the search's code (≈ 9 kB gzipped) must not delay it.
 */
export function LazyCannedSearch() {
  const [Search, setSearch] = useState<ComponentType | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void import('../../components/canned/CannedSearch').then((module) => {
        if (alive) setSearch(() => module.CannedSearch);
      });
    const idle = requestIdleCallback(load, { timeout: 500 });
    return () => {
      alive = false;
      cancelIdleCallback(idle);
    };
  }, []);
  return Search ? (
    <div class="popup__canned">
      <Search />
    </div>
  ) : null;
}

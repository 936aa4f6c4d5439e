import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CannedRecord } from '../../lib/canned/records';
import { search, type SearchHit, type SearchResult } from '../../lib/canned/search';
import { afterPaint, type CannedData } from './use-canned-data';

/**
 * Query, category, keyboard position and results for a library view. Timings go to the page's
 * User Timing buffer (`canned-search`: keystroke → results in the DOM; `canned-open`: mount →
 * first results painted), which the benchmark reads; nothing is sent anywhere.
 */
export interface CannedSearchState {
  query: string;
  setQuery(query: string): void;
  categoryId: string;
  setCategoryId(id: string): void;
  /** undefined until the rows are read, and while the index for a typed query is being built. */
  result: SearchResult | undefined;
  active: number;
  setActive(index: number): void;
  /** ↑/↓ move, Enter runs `primary` on the active hit, Esc clears. Returns true if handled. */
  onKey(event: KeyboardEvent, primary: (hit: SearchHit) => void): boolean;
}

/** Before the index exists: the most used responses, which is what an empty query shows. */
function popular(rows: readonly CannedRecord[], categoryId: string, limit: number): SearchResult {
  const matching = categoryId ? rows.filter((row) => row.categories.some((c) => c.id === categoryId)) : rows;
  const top = [...matching]
    .sort((a, b) => b.usageCount - a.usageCount || (b.lastUsedTime ?? 0) - (a.lastUsedTime ?? 0))
    .slice(0, limit);
  return { hits: top.map((doc) => ({ doc, shortcut: 0, quality: 0 })), total: matching.length, tokens: [] };
}

export function useCannedSearch(data: CannedData, limit: number): CannedSearchState {
  const [query, setQueryState] = useState('');
  const [categoryId, setCategoryIdState] = useState('');
  const [active, setActive] = useState(0);
  const typedAt = useRef<number | undefined>(undefined);
  const mountedAt = useRef(performance.now());
  const opened = useRef(false);

  const result = useMemo(() => {
    if (data.index)
      return search(data.index, query, { categoryId: categoryId || undefined, shortcuts: data.shortcutLookup, limit });
    if (!data.loaded)
      return !query.trim() && !categoryId && data.preview.length ? popular(data.preview, '', limit) : undefined;
    if (query.trim() && data.rows.length) return undefined;
    return popular(data.rows, categoryId, limit);
  }, [data.loaded, data.preview, data.index, data.rows, data.shortcutLookup, query, categoryId, limit]);

  useLayoutEffect(() => {
    if (!result) return;
    if (typedAt.current !== undefined) {
      performance.measure('canned-search', { start: typedAt.current, end: performance.now() });
      typedAt.current = undefined;
    }
    if (!opened.current && result.hits.length) {
      opened.current = true;
      // A frame, then a task: the results have been painted.
      afterPaint(() => performance.measure('canned-open', { start: mountedAt.current, end: performance.now() }));
    }
  }, [result]);

  function setQuery(next: string) {
    typedAt.current = performance.now();
    setQueryState(next);
    setActive(0);
  }

  function setCategoryId(id: string) {
    setCategoryIdState(id);
    setActive(0);
  }

  function onKey(event: KeyboardEvent, primary: (hit: SearchHit) => void): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
    const count = result?.hits.length ?? 0;
    switch (event.key) {
      case 'ArrowDown':
        setActive(Math.min(count - 1, active + 1));
        return true;
      case 'ArrowUp':
        setActive(Math.max(0, active - 1));
        return true;
      case 'Enter': {
        const hit = result?.hits[active];
        if (!hit || event.repeat) return false;
        primary(hit);
        return true;
      }
      case 'Escape':
        // An empty box lets Escape through (it closes the popup).
        if (query) setQuery('');
        else if (categoryId) setCategoryId('');
        else return false;
        return true;
    }
    return false;
  }

  return { query, setQuery, categoryId, setCategoryId, result, active, setActive, onKey };
}

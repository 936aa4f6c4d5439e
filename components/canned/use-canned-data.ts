import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CannedRecord, CannedSyncState } from '../../lib/canned/records';
import { buildIndex, updatePopularity, warmSearch, type CannedIndex, type LocalUse } from '../../lib/canned/search';
import { invertShortcuts, onShortcutsChanged, readShortcuts, type ShortcutMap } from '../../lib/canned/shortcuts';
import { activePortal, type SessionInfo } from '../../lib/records';
import { readMetaValue, readRecords } from '../../lib/db-read';
import { useLiveMeta, useLiveRead } from '../use-live-read';

/**
 * The canned library as a page sees it: rows read from IndexedDB (live), the operator's
 * shortcuts (live), and a search index built once per change of the rows. The index is built
 * after the first paint: the popular list shows at once, search follows a frame later.
 */
export interface CannedData {
  /** The rows have been read (they may be none). */
  loaded: boolean;
  /** Before the rows: the most used few, read first through the usageCount index, to paint at once. */
  preview: CannedRecord[];
  session?: SessionInfo;
  portal?: string;
  sync?: CannedSyncState;
  rows: CannedRecord[];
  index?: CannedIndex;
  categories: { id: string; name: string }[];
  shortcuts: ShortcutMap;
  shortcutLookup: Map<string, string>;
  liveIds: ReadonlySet<string>;
}

const EMPTY: CannedRecord[] = [];
/** More than a first screen holds: the rest of the 50 follow with the full read, after paint. */
const PREVIEW = 20;

/** After the next paint; at once in a hidden page, where animation frames do not come. */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (document.visibilityState !== 'visible') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer) clearTimeout(timer);
  };
}

/** `enabled` false: only the session is read (the popup waits until the operator wants search). */
export function useCannedData(enabled = true): CannedData {
  const session = useLiveMeta('session', undefined);
  const sync = useLiveRead(['meta'], () => (enabled ? readMetaValue('cannedSync') : undefined), [enabled], undefined);
  const portal = activePortal(session)?.screen;
  // Reading all 10,000 rows takes a while; the top of the list comes first, through the index.
  const [top, setTop] = useState<CannedRecord[]>(EMPTY);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let cancelPaint: (() => void) | undefined;
    void readRecords('canned', { index: 'usageCount', direction: 'prev', limit: PREVIEW })
      .catch(() => EMPTY)
      .then((rows) => {
        if (!active) return;
        setTop(rows);
        cancelPaint = afterPaint(() => setFull(true));
      });
    return () => {
      active = false;
      cancelPaint?.();
    };
  }, [enabled]);
  // Deserialising every row blocks the page for tens of milliseconds: only after the top has painted.
  const [full, setFull] = useState(false);
  const tables = useLiveRead(
    ['canned', 'cannedCategories'],
    () => (enabled && full ? Promise.all([readRecords('canned'), readRecords('cannedCategories')]) : undefined),
    [enabled, full],
    undefined,
  );
  const usesRows = useLiveRead(['cannedUses'], () => (enabled ? readRecords('cannedUses') : []), [enabled], []);
  const [shortcuts, setShortcuts] = useState<ShortcutMap>({});
  const [index, setIndex] = useState<CannedIndex | undefined>(undefined);

  // Between a portal switch and the next sync the cache may still hold the old portal's rows.
  const rows = useMemo(
    () => (tables && portal ? tables[0].filter((row) => row.portal === portal) : EMPTY),
    [tables, portal],
  );
  const uses = useMemo(() => new Map<string, LocalUse>(usesRows.map((u) => [u.id, u])), [usesRows]);

  useEffect(() => {
    if (!portal) return;
    let active = true;
    void readShortcuts(portal).then((map) => active && setShortcuts(map));
    const stop = onShortcutsChanged(portal, (map) => active && setShortcuts(map));
    return () => {
      active = false;
      stop();
    };
  }, [portal]);

  useEffect(() => {
    setIndex(undefined);
    if (!rows.length) return;
    return afterPaint(() => {
      const start = performance.now();
      const built = buildIndex(rows, uses);
      performance.measure('canned-index', { start, end: performance.now() });
      setIndex(built);
      // A task of its own, after the results are shown: the first keystroke then runs warm code.
      setTimeout(() => warmSearch(built), 0);
    });
    // Uses are applied below without a rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  // A use re-ranks in place, for the next keystroke: the list does not jump under the pointer
  // right after a click.
  useEffect(() => {
    if (index) updatePopularity(index, uses);
  }, [uses, index]);

  const categories = useMemo(() => {
    const byId = new Map<string, string>();
    for (const category of tables?.[1] ?? []) if (category.portal === portal) byId.set(category.id, category.name);
    // Responses may name categories the category list did not return.
    for (const row of rows)
      for (const category of row.categories) if (!byId.has(category.id)) byId.set(category.id, category.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [tables, rows, portal]);

  const preview = useMemo(() => (portal ? top.filter((row) => row.portal === portal) : EMPTY), [top, portal]);
  const shortcutLookup = useMemo(() => invertShortcuts(shortcuts), [shortcuts]);
  const liveIds = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);

  return {
    loaded: tables !== undefined && session !== undefined,
    preview,
    session,
    portal,
    sync,
    rows,
    index,
    categories,
    shortcuts,
    shortcutLookup,
    liveIds,
  };
}

import type { CannedRecord } from './records';

/**
 * What a full refresh changes in the cache. SalesIQ has no delta sync, so every sync fetches the
 * whole library and this decides which rows actually need writing: new ones, ones whose
 * modified_time moved, and ones whose ranking fields (usage_count, last_used_time) moved, since
 * SalesIQ bumps those without touching modified_time. Everything else is left alone, so an
 * unchanged library costs no IndexedDB writes and wakes no page into re-reading.
 */
export interface CannedDiff {
  put: CannedRecord[];
  remove: string[];
  unchanged: number;
}

function sameCategories(a: CannedRecord['categories'], b: CannedRecord['categories']): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i]!.id && c.name === b[i]!.name);
}

function isUnchanged(cached: CannedRecord, fresh: CannedRecord): boolean {
  if (cached.modifiedTime !== fresh.modifiedTime) return false;
  // Without a modified_time the content itself is the only evidence of an edit.
  if (fresh.modifiedTime === undefined && cached.content !== fresh.content) return false;
  return (
    cached.portal === fresh.portal &&
    cached.usageCount === fresh.usageCount &&
    cached.lastUsedTime === fresh.lastUsedTime &&
    cached.isPublic === fresh.isPublic &&
    cached.allDepartments === fresh.allDepartments &&
    sameCategories(cached.categories, fresh.categories)
  );
}

/** `fresh` holds every enabled response SalesIQ returned; what is cached but not there goes. */
export function diffCanned(cached: readonly CannedRecord[], fresh: ReadonlyMap<string, CannedRecord>): CannedDiff {
  const byId = new Map(cached.map((row) => [row.id, row]));
  const put: CannedRecord[] = [];
  let unchanged = 0;
  for (const row of fresh.values()) {
    const old = byId.get(row.id);
    if (old && isUnchanged(old, row)) unchanged += 1;
    else put.push(row);
  }
  const remove = cached.filter((row) => !fresh.has(row.id)).map((row) => row.id);
  return { put, remove, unchanged };
}

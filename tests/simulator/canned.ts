/**
 * Canned responses and their categories. Benchmarks ask for 10,000 of them, so generation is one
 * linear pass and each (sort, order, department) ordering is sorted once and cached: a full
 * paged walk costs O(n log n) in total, never O(n²).
 */
import { CANNED_CATEGORY_NAMES, cannedContent } from './data';
import { IdSequence } from './ids';
import type { Prng } from './prng';
import type { Directory } from './views';
import { operatorRef } from './views';

export interface CannedRecord {
  id: string;
  content: string;
  isPublic: boolean;
  enabled: boolean;
  usageCount: number;
  lastUsedTime: number;
  createdTime: number;
  modifiedTime: number;
  allDepartments: boolean;
  departmentIds: string[];
  categoryId: string;
  creatorId: string;
  modifierId: string;
}

export interface CategoryRecord {
  id: string;
  name: string;
  isDefault: boolean;
}

export type CannedSort = 'usage_count' | 'last_used_time' | 'created_time';
export type SortOrder = 'ascending' | 'descending';

const DAY = 24 * 3600 * 1000;

export class CannedLibrary {
  readonly categories: CategoryRecord[];
  private readonly items: CannedRecord[] = [];
  private readonly orderings = new Map<string, CannedRecord[]>();

  constructor(prng: Prng, count: number, departmentIds: string[], operatorIds: string[], now: number) {
    // Own id ranges: a rebuilt library (new cannedCount) gets the same ids for the same items.
    const cannedIds = new IdSequence(466756000010000001n);
    const categoryIds = new IdSequence(466756000000040001n);
    this.categories = CANNED_CATEGORY_NAMES.map((name, index) => ({
      id: categoryIds.take(),
      name,
      isDefault: index === 0,
    }));
    for (let index = 0; index < count; index += 1) {
      const created = now - prng.int(30, 900) * DAY;
      const modified = created + prng.int(0, 20) * DAY;
      const allDepartments = prng.chance(0.7);
      this.items.push({
        id: cannedIds.take(),
        content: cannedContent(prng, index),
        isPublic: prng.chance(0.8),
        enabled: !prng.chance(0.12),
        usageCount: prng.int(0, 500),
        lastUsedTime: Math.min(now, modified + prng.int(0, 40) * DAY),
        createdTime: created,
        modifiedTime: modified,
        allDepartments,
        departmentIds: allDepartments ? [] : [prng.pick(departmentIds)],
        categoryId: prng.pick(this.categories).id,
        creatorId: prng.pick(operatorIds),
        modifierId: prng.pick(operatorIds),
      });
    }
  }

  get size(): number {
    return this.items.length;
  }

  find(id: string): CannedRecord | undefined {
    return this.items.find((item) => item.id === id);
  }

  /** An admin rewrote the response in SalesIQ. */
  edit(id: string, content: string, now = Date.now()): boolean {
    const item = this.find(id);
    if (!item) return false;
    item.content = content;
    item.modifiedTime = now;
    this.orderings.clear();
    return true;
  }

  /** An admin deleted the response in SalesIQ. */
  remove(id: string): boolean {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return false;
    this.items.splice(index, 1);
    this.orderings.clear();
    return true;
  }

  /** The full ordering for one query; cached because paging walks it many times. */
  ordered(
    sortBy: CannedSort | undefined,
    order: SortOrder | undefined,
    departmentId: string | undefined,
  ): CannedRecord[] {
    const key = `${sortBy ?? ''}|${order ?? ''}|${departmentId ?? ''}`;
    let list = this.orderings.get(key);
    if (!list) {
      list = departmentId
        ? this.items.filter((item) => item.allDepartments || item.departmentIds.includes(departmentId))
        : [...this.items];
      if (sortBy) {
        const field = SORT_FIELDS[sortBy];
        const sign = order === 'ascending' ? 1 : -1;
        // Ties fall back to creation order so pages never overlap or skip an item.
        list.sort((a, b) => sign * (a[field] - b[field]) || compareIds(a.id, b.id));
      } else if (order === 'descending') {
        list.reverse();
      }
      this.orderings.set(key, list);
    }
    return list;
  }
}

const SORT_FIELDS: Record<CannedSort, 'usageCount' | 'lastUsedTime' | 'createdTime'> = {
  usage_count: 'usageCount',
  last_used_time: 'lastUsedTime',
  created_time: 'createdTime',
};

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function cannedView(item: CannedRecord, library: CannedLibrary, directory: Directory) {
  const category = library.categories.find((c) => c.id === item.categoryId);
  const person = (id: string) => {
    const op = directory.operator(id);
    return op ? operatorRef(op) : { id, name: '', email: '', image_key: '', is_bot: false };
  };
  return {
    id: item.id,
    content: item.content,
    public: item.isPublic,
    enabled: item.enabled,
    usage_count: item.usageCount,
    last_used_time: String(item.lastUsedTime),
    created_time: String(item.createdTime),
    modified_time: String(item.modifiedTime),
    associate_with_all_departments: item.allDepartments,
    departments: item.departmentIds.map((id) => ({ id, name: directory.department(id)?.name ?? '' })),
    categories: category ? [{ id: category.id, name: category.name }] : [],
    creator: person(item.creatorId),
    modifier: person(item.modifierId),
  };
}

export function categoryView(category: CategoryRecord) {
  return { id: category.id, name: category.name, is_default: category.isDefault };
}

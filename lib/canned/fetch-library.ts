import type { CannedPage } from '../salesiq/api';
import type { ParsedList } from '../salesiq/schemas';
import type { CannedCategory, CannedResponse } from '../salesiq/types';

/**
 * The paged walk over SalesIQ's canned responses: every page of every department the operator
 * belongs to (a response can belong to several, or to all), merged by id.
 */
export interface CannedSource {
  page(departmentId: string | undefined, page: number): Promise<CannedPage>;
  categories(page: number): Promise<ParsedList<CannedCategory>>;
}

export interface FetchedLibrary {
  /** Every response SalesIQ returned, enabled or not, by id. */
  responses: Map<string, CannedResponse>;
  categories: CannedCategory[];
  skipped: number;
  /** The list shifted under the walk (a response was used, added or deleted meanwhile): a
   * response may have slipped between two pages, so "not returned" does not prove "deleted". */
  unstable: boolean;
  requests: number;
}

/** A guard against a server that always says "more": 1,000 pages of 99 is 99,000 responses. */
const MAX_PAGES = 1_000;
const CATEGORY_PAGE_SIZE = 99;
const MAX_CATEGORY_PAGES = 50;

async function walkDepartment(
  source: CannedSource,
  departmentId: string | undefined,
  into: FetchedLibrary,
): Promise<void> {
  let expectedFirst: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await source.page(departmentId, page);
    into.requests += 1;
    into.skipped += result.skipped;
    // Page n's extra item is page n+1's first one, unless the list moved in between.
    if (expectedFirst !== undefined && result.firstId !== expectedFirst) into.unstable = true;
    for (const item of result.items) into.responses.set(item.id, item);
    if (!result.hasMore) return;
    if (result.items.length === 0) {
      into.unstable = true;
      return;
    }
    expectedFirst = result.nextId;
  }
  into.unstable = true;
}

async function fetchCategories(source: CannedSource, into: FetchedLibrary): Promise<void> {
  const byId = new Map<string, CannedCategory>();
  for (let page = 1; page <= MAX_CATEGORY_PAGES; page += 1) {
    const result = await source.categories(page);
    into.requests += 1;
    into.skipped += result.skipped;
    const before = byId.size;
    for (const category of result.items) byId.set(category.id, category);
    // Categories are few; a full page (or a page with nothing new) decides whether to go on.
    if (result.items.length + result.skipped < CATEGORY_PAGE_SIZE || byId.size === before) break;
  }
  into.categories = [...byId.values()];
}

/**
 * One request at a time: departments one after another, then the categories. A background sync
 * that bursts requests provokes 429s the operator's poll then has to wait out.
 */
export async function fetchCannedLibrary(
  source: CannedSource,
  departmentIds: readonly string[],
): Promise<FetchedLibrary> {
  const library: FetchedLibrary = { responses: new Map(), categories: [], skipped: 0, unstable: false, requests: 0 };
  // No departments known: ask once without a filter (SalesIQ then uses the current department).
  for (const id of departmentIds.length ? [...new Set(departmentIds)] : [undefined])
    await walkDepartment(source, id, library);
  await fetchCategories(source, library);
  return library;
}

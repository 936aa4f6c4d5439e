/**
 * Canned responses and categories. The list follows Zoho's paging rule: when another page exists
 * the answer holds limit+1 items, the extra one being the first item of the next page.
 */
import { cannedView, categoryView, type CannedSort, type SortOrder } from '../canned';
import { fail, list, ok, SCOPES, type ApiContext, type ApiResult, type Route } from './api';
import { API_ERRORS } from './errors';
import { pageOf, parseChoice, parseLimit, parsePage } from './params';

const SORTS: readonly CannedSort[] = ['usage_count', 'last_used_time', 'created_time'];
const ORDERS: readonly SortOrder[] = ['ascending', 'descending'];

function listCanned(ctx: ApiContext): ApiResult {
  const limit = parseLimit(ctx.query, 10, 99);
  const page = parsePage(ctx.query);
  const sortBy = parseChoice(ctx.query, 'sort_by', SORTS);
  const order = parseChoice(ctx.query, 'order', ORDERS);
  const departmentId = ctx.query.get('department_id') || undefined;
  if (departmentId && !ctx.world.department(departmentId)) return fail(API_ERRORS.invalidParam('department_id'));
  const library = ctx.world.canned;
  const items = pageOf(library.ordered(sortBy, order, departmentId), page, limit, true);
  return list(items.map((item) => cannedView(item, library, ctx.world)));
}

function listCategories(ctx: ApiContext): ApiResult {
  const limit = parseLimit(ctx.query, 99, 99);
  const page = parsePage(ctx.query);
  const sortBy = parseChoice(ctx.query, 'sort_by', ['name'] as const);
  const categories = [...ctx.world.canned.categories];
  if (sortBy === 'name') categories.sort((a, b) => a.name.localeCompare(b.name));
  return list(pageOf(categories, page, limit).map(categoryView));
}

export const CANNED_ROUTES: Route[] = [
  {
    version: 'v2',
    screen: true,
    pattern: 'cannedresponses',
    methods: { GET: { scope: SCOPES.canned, handle: listCanned } },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'cannedresponses/:id',
    methods: {
      GET: {
        scope: SCOPES.canned,
        handle(ctx) {
          const item = ctx.world.canned.find(ctx.params.id!);
          return item
            ? ok('cannedresponses', cannedView(item, ctx.world.canned, ctx.world))
            : fail(API_ERRORS.notFound('canned response id'));
        },
      },
    },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'cannedresponsecategories',
    methods: { GET: { scope: SCOPES.canned, handle: listCategories } },
  },
];

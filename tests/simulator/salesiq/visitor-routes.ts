/**
 * The v3 visitor list, an optional enrichment: portals without "API Permissions › Basic visitor
 * information" answer with an error (the `visitorsApi` switch). Paging uses an opaque next_key.
 */
import { visitorListView } from '../views';
import { fail, list, SCOPES, type ApiContext, type ApiResult, type Route } from './api';
import { API_ERRORS } from './errors';
import { ApiFailure, parseLimit } from './params';

function decodeKey(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  const offset = Number(Buffer.from(raw, 'base64url').toString('utf8').replace(/^v:/, ''));
  if (!Number.isInteger(offset) || offset < 0) throw new ApiFailure(API_ERRORS.invalidParam('next_key'));
  return offset;
}

function encodeKey(offset: number): string {
  return Buffer.from(`v:${offset}`).toString('base64url');
}

function listVisitors(ctx: ApiContext): ApiResult {
  if (ctx.config.visitorsApi === 'disabled') return fail(API_ERRORS.visitorsDisabled());
  const limit = parseLimit(ctx.query, 50, 200);
  const offset = decodeKey(ctx.query.get('next_key'));
  const all = ctx.world.visitors;
  const page = all.slice(offset, offset + limit).map(visitorListView);
  const next = offset + limit < all.length ? { next_key: encodeKey(offset + limit) } : {};
  return list(page, { ...next, ...(offset > 0 ? { prev_key: encodeKey(Math.max(0, offset - limit)) } : {}) });
}

export const VISITOR_ROUTES: Route[] = [
  {
    version: 'v3',
    screen: true,
    pattern: 'visitors',
    methods: { GET: { scope: SCOPES.visitors, handle: listVisitors } },
  },
];

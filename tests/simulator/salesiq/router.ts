/**
 * SalesIQ REST dispatch: match the path, then check in Zoho's order (as far as observable):
 * token (1002), HTTP method (1004), screen name (1005), scope (1003); then run the handler and
 * wrap its result in the documented envelope. Errors are HTTP 200 unless a switch asks for a
 * real 401 or 405.
 */
import type { DataCentre } from '../../../lib/salesiq/data-centres';
import { malformedListItems } from '../hostile';
import { locationOf } from '../hosts';
import { parseBody, sendJson, type RequestContext } from '../http-util';
import { scopeCovers, type TokenStore } from '../tokens';
import type { SimulatorConfig } from '../types';
import type { World } from '../world';
import type { ApiContext, ApiResult, HttpMethod, Route } from './api';
import { CANNED_ROUTES } from './canned-routes';
import { CHAT_ACTION_ROUTES } from './chat-action-routes';
import { CONVERSATION_ROUTES } from './conversation-routes';
import { API_ERRORS, type ApiError } from './errors';
import { ORG_ROUTES } from './org-routes';
import { ApiFailure } from './params';
import { VISITOR_ROUTES } from './visitor-routes';

const ROUTES: Route[] = [
  ...ORG_ROUTES,
  ...CONVERSATION_ROUTES,
  ...CHAT_ACTION_ROUTES,
  ...CANNED_ROUTES,
  ...VISITOR_ROUTES,
];

export interface SalesiqDeps {
  world: World;
  config: SimulatorConfig;
  tokens: TokenStore;
}

interface Match {
  route: Route;
  portal: string;
  params: Record<string, string>;
}

function matchRoute(path: string): Match | undefined {
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  if (segments[0] !== 'api') return undefined;
  const version = segments[1];
  for (const route of ROUTES) {
    if (route.version !== version) continue;
    const rest = segments.slice(route.screen ? 3 : 2);
    const pattern = route.pattern.split('/');
    if (rest.length !== pattern.length || (route.screen && !segments[2])) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = rest[i]!;
        return true;
      }
      return part === rest[i];
    });
    if (fits) return { route, portal: route.screen ? segments[2]! : '', params };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export async function handleSalesiq(ctx: RequestContext, hostDc: DataCentre, deps: SalesiqDeps): Promise<void> {
  const { config } = deps;
  const reply = (error: ApiError, status = 200, headers: Record<string, string> = {}) =>
    sendJson(ctx.res, status, { error }, headers);

  const match = matchRoute(ctx.path);
  if (!match) return reply(API_ERRORS.invalidUrl());

  const check = deps.tokens.checkHeader(ctx.req.headers.authorization, locationOf(hostDc));
  const known = deps.tokens.find(
    /^Zoho-oauthtoken\s+(\S+)$/.exec(ctx.req.headers.authorization?.trim() ?? '')?.[1] ?? '',
  );
  if (known) ctx.log.account = known.operatorId;
  if (!check.ok) return reply(API_ERRORS.invalidAuthorization(), config.authErrorsAs === 'http401' ? 401 : 200);

  const method = ctx.method as HttpMethod;
  const allowed = match.route.allowed?.(config) ?? (Object.keys(match.route.methods) as HttpMethod[]);
  const endpoint = allowed.includes(method) ? match.route.methods[method] : undefined;
  if (!endpoint) {
    return config.wrongMethodAnswer === 'http405'
      ? reply(API_ERRORS.invalidRequestType(), 405, { Allow: allowed.join(', ') })
      : reply(API_ERRORS.invalidRequestType());
  }
  if (match.route.screen && !deps.world.hasPortal(match.portal)) return reply(API_ERRORS.invalidScreenName());
  if (!scopeCovers(check.token.scopes, endpoint.scope)) {
    return reply(API_ERRORS.noPermission(`the OAuth token lacks the scope ${endpoint.scope}`));
  }
  ctx.log.authorized = true;

  const apiContext: ApiContext = {
    world: deps.world,
    config,
    portal: match.portal,
    params: match.params,
    query: ctx.query,
    url: ctx.path,
    now: Date.now(),
    token: check.token,
    body: async () => parseBody(await ctx.readBody(), ctx.req.headers['content-type']),
  };
  let result: ApiResult;
  try {
    result = await endpoint.handle(apiContext);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    result = { ok: false, error: error.error };
  }
  if (!result.ok) return reply(result.error);
  let data = result.data;
  if (config.malformedItems && result.object === 'list' && Array.isArray(data)) data = withMalformedItems(data);
  sendJson(ctx.res, 200, { url: ctx.path, object: result.object, data, ...result.extra });
}

/** Scatters the malformed items at the start, middle and end of a list. */
function withMalformedItems(items: unknown[]): unknown[] {
  const bad = malformedListItems();
  const middle = Math.floor(items.length / 2);
  return [bad[0], ...items.slice(0, middle), ...bad.slice(1, -1), ...items.slice(middle), bad[bad.length - 1]];
}

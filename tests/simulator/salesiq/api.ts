/**
 * The contract between the SalesIQ router and its endpoint handlers: handlers get a typed context
 * and return a result; the router alone writes envelopes and HTTP statuses.
 */
import type { TokenInfo, SimulatorConfig } from '../types';
import type { World } from '../world';
import type { ApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export const SCOPES = {
  portals: 'SalesIQ.portals.READ',
  operatorsRead: 'SalesIQ.operators.READ',
  operatorsUpdate: 'SalesIQ.operators.UPDATE',
  departments: 'SalesIQ.departments.READ',
  conversationsRead: 'SalesIQ.conversations.READ',
  conversationsUpdate: 'SalesIQ.conversations.UPDATE',
  conversationsCreate: 'SalesIQ.conversations.CREATE',
  canned: 'SalesIQ.cannedresponses.READ',
  feedbacks: 'SalesIQ.feedbacks.READ',
  visitors: 'SalesIQ.visitors.READ',
} as const;

export interface ApiContext {
  world: World;
  config: SimulatorConfig;
  /** Screen name from the path ('' for /api/v2/portals). */
  portal: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The request path, echoed as the envelope's `url`. */
  url: string;
  now: number;
  token: TokenInfo;
  /** The parsed JSON (or form) body; undefined when it is not an object. */
  body(): Promise<Record<string, unknown> | undefined>;
}

export type ApiResult =
  { ok: true; object: string; data: unknown; extra?: Record<string, unknown> } | { ok: false; error: ApiError };

export interface Endpoint {
  scope: string;
  handle(ctx: ApiContext): ApiResult | Promise<ApiResult>;
}

export interface Route {
  version: 'v2' | 'v3';
  /** Whether the path starts with a screen name (everything except /api/v2/portals). */
  screen: boolean;
  /** Segments after the screen name, ':name' capturing a parameter. */
  pattern: string;
  methods: Partial<Record<HttpMethod, Endpoint>>;
  /** Methods accepted under the current config (pickup's method switch); default all of `methods`. */
  allowed?(config: SimulatorConfig): HttpMethod[];
}

export function ok(object: string, data: unknown, extra?: Record<string, unknown>): ApiResult {
  return { ok: true, object, data, extra };
}

export function list(data: unknown[], extra?: Record<string, unknown>): ApiResult {
  return { ok: true, object: 'list', data, extra };
}

export function fail(error: ApiError): ApiResult {
  return { ok: false, error };
}

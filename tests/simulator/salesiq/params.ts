/**
 * Query-parameter parsing with Zoho's limits. Bad values answer with an error envelope instead
 * of being silently clamped, so a client that asks for limit=100 finds out. Parsers throw
 * ApiFailure, which the router turns into that envelope: handlers stay linear.
 */
import { fromWireTime } from '../wire-clock';
import { API_ERRORS, type ApiError } from './errors';

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function parseLimit(query: URLSearchParams, fallback: number, max: number): number {
  return parsePositiveInt(query, 'limit', fallback, max);
}

export function parsePage(query: URLSearchParams): number {
  return parsePositiveInt(query, 'page', 1, Number.MAX_SAFE_INTEGER);
}

function parsePositiveInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= max)) throw new ApiFailure(API_ERRORS.invalidParam(name));
  return value;
}

/** Epoch-millisecond parameters (from_time, to_time, ...). */
export function parseTime(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new ApiFailure(API_ERRORS.invalidParam(name));
  return fromWireTime(Number(raw));
}

export function parseChoice<T extends string>(
  query: URLSearchParams,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(choices as readonly string[]).includes(raw)) throw new ApiFailure(API_ERRORS.invalidParam(name));
  return raw as T;
}

/** Page `page` of `items`; with `peekNext`, one extra item signals that another page exists. */
export function pageOf<T>(items: readonly T[], page: number, limit: number, peekNext = false): T[] {
  const start = (page - 1) * limit;
  return items.slice(start, start + limit + (peekNext ? 1 : 0));
}

import { findByLocation } from './data-centres';
import { SalesIQError, type ApiErrorKind } from './errors';
import { blockedUntil, noteRateLimit, type RequestLane } from './rate-limit';
import { noteServerDate } from './server-clock';

/**
 * The one request function for Zoho: auth header, timeout, status mapping, and the HTTP-200
 * error envelope ({"error": {"code", "message"}}) that Zoho documents for API errors.
 * It returns the envelope's `data`; callers validate it with a schema from ./schemas.
 */
interface TokenAuth {
  token: string;
  /** The data centre that issued the token: it goes to that DC's SalesIQ and Accounts hosts only. */
  location: string;
  /** Zoho's revoke endpoint takes the token as a query parameter; everything else a header. */
  placement?: 'header' | 'query';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute URL, e.g. https://salesiq.zoho.eu/api/v2/zylker/conversations */
  url: string;
  auth?: TokenAuth;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  timeoutMs?: number;
  /** Accounts endpoints answer plain JSON without the SalesIQ envelope. */
  envelope?: boolean;
  /** 'operator' for the operator's own actions: a 429 from background work does not hold them back. */
  lane?: RequestLane;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Zoho error codes that the docs name; anything else is 'unknown'. */
const CODE_KINDS: Record<number, ApiErrorKind> = {
  1001: 'auth',
  1002: 'auth',
  1003: 'permission',
  1004: 'method',
  1005: 'portal',
  1006: 'not-found',
};

function statusKind(status: number): ApiErrorKind | undefined {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 405) return 'method';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'unknown';
  return undefined;
}

/** Retry-After is seconds or an HTTP date; both become milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function buildUrl(url: string, query: RequestOptions['query']): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) target.searchParams.set(key, String(value));
  }
  return target.toString();
}

export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * The token's own data centre, over HTTPS on the default port, and nowhere else: a wrong host in
 * a caller (or a portal URL from an answer) can never carry the operator's token away.
 */
function assertTokenDestination(url: URL, auth: TokenAuth): void {
  const dc = findByLocation(auth.location);
  const ownHost = dc && (url.host === dc.salesiqHost || url.host === dc.accountsHost);
  if (!ownHost || url.protocol !== 'https:') {
    throw new SalesIQError(
      'unknown',
      `Refused to send the Zoho sign-in to ${url.host.slice(0, 80)}: not your data centre.`,
    );
  }
}

export async function zohoRequest(options: RequestOptions): Promise<unknown> {
  const target = new URL(options.url);
  if (options.auth) assertTokenDestination(target, options.auth);
  if (isOffline()) throw new SalesIQError('offline', 'The browser is offline.');
  const host = target.host;
  const lane = options.lane ?? 'background';
  const blocked = await blockedUntil(host, Date.now(), lane);
  if (blocked)
    throw new SalesIQError('rate-limited', 'SalesIQ asked us to slow down.', { retryAfterMs: blocked - Date.now() });
  try {
    return await send(options);
  } catch (error) {
    if (error instanceof SalesIQError && error.kind === 'rate-limited')
      await noteRateLimit(host, error.retryAfterMs, Date.now(), lane);
    throw error;
  }
}

async function send(options: RequestOptions): Promise<unknown> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = options.auth;
  if (auth && auth.placement !== 'query') headers.Authorization = `Zoho-oauthtoken ${auth.token}`;
  const query = auth?.placement === 'query' ? { ...options.query, token: auth.token } : options.query;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';

  let response: Response;
  let text: string;
  const sentAt = Date.now();
  try {
    response = await fetch(buildUrl(options.url, query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
      credentials: 'omit', // the token is the only credential; never send Zoho's cookies
      redirect: 'error', // a redirect could carry the token's request elsewhere: fail instead
      cache: 'no-store',
    });
    noteServerDate(response.headers.get('Date'), sentAt);
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw new SalesIQError('timeout', `No answer within ${timeoutMs} ms.`);
    if (isOffline()) throw new SalesIQError('offline', 'The browser is offline.');
    throw new SalesIQError('network', error instanceof Error ? error.message : 'Network error.');
  } finally {
    clearTimeout(timer);
  }

  const kind = statusKind(response.status);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    if (kind) throw errorForStatus(kind, response);
    throw new SalesIQError('malformed', `Unreadable answer (HTTP ${response.status}).`, { status: response.status });
  }

  const envelopeError = readErrorEnvelope(json);
  if (envelopeError) {
    // A telling HTTP status wins over the body's code (a 429 may carry any code); on HTTP 200
    // the documented codes are all we have.
    const codeKind = kind && kind !== 'unknown' ? kind : (CODE_KINDS[envelopeError.code] ?? kind ?? 'unknown');
    throw new SalesIQError(codeKind, envelopeError.message, {
      status: response.status,
      code: envelopeError.code,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }
  if (kind) throw errorForStatus(kind, response);

  if (options.envelope === false) return json;
  if (!json || typeof json !== 'object' || !('data' in json)) {
    throw new SalesIQError('malformed', 'The answer has no data.', { status: response.status });
  }
  return (json as { data: unknown }).data;
}

function errorForStatus(kind: ApiErrorKind, response: Response): SalesIQError {
  return new SalesIQError(kind, `HTTP ${response.status}`, {
    status: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function readErrorEnvelope(json: unknown): { code: number; message: string } | undefined {
  if (!json || typeof json !== 'object' || !('error' in json)) return undefined;
  const error = (json as { error: unknown }).error;
  if (error === null || error === undefined || error === false) return undefined;
  if (!error || typeof error !== 'object') return { code: 0, message: String(error) };
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'number' ? code : Number(code) || 0,
    message: typeof message === 'string' ? message.slice(0, 300) : 'SalesIQ returned an error.',
  };
}

/**
 * A tiny HTTPS client for the contract tests: talks to 127.0.0.1 but presents a Zoho host name
 * (SNI and Host header), the way Chromium does under --host-resolver-rules.
 */
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Simulator } from './types';
import { SCOPES } from '../../lib/auth/config';

export interface SimResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape each route answers
  json(): any;
}

export interface SimRequest {
  host?: string;
  method?: string;
  path: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Rejects with Error('timeout') after this long. */
  timeoutMs?: number;
}

export function send(port: number, options: SimRequest): Promise<SimResponse> {
  const host = options.host ?? 'salesiq.zoho.com';
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { Host: host, ...options.headers };
  if (options.token) headers.Authorization = `Zoho-oauthtoken ${options.token}`;
  if (body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        servername: host,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** What the extension asks for at sign-in. */
const ALL_SCOPES: readonly string[] = SCOPES;

export const REDIRECT_URI = 'https://abcdefghijklmnop.chromiumapp.org/';

export function authPath(params: Record<string, string>, endpoint = '/oauth/v2/auth'): string {
  const query = new URLSearchParams({
    response_type: 'token',
    client_id: '1000.TESTCLIENT',
    scope: ALL_SCOPES.join(','),
    redirect_uri: REDIRECT_URI,
    state: 'st-1',
    ...params,
  });
  return `${endpoint}?${query}`;
}

/** The parameters Zoho put in a redirect's fragment (implicit) or query (code). */
export function redirectParams(location: string | undefined): URLSearchParams {
  if (!location) throw new Error('no Location header');
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}

/** Signs in through the implicit flow and returns the access token. */
export async function signIn(sim: Simulator, options: { scopes?: string[]; host?: string } = {}): Promise<string> {
  const res = await send(sim.port, {
    host: options.host ?? 'accounts.zoho.com',
    path: authPath({ scope: (options.scopes ?? ALL_SCOPES).join(',') }),
  });
  const token = redirectParams(res.headers.location).get('access_token');
  if (res.status !== 302 || !token) throw new Error(`sign-in failed: ${res.status} ${res.headers.location}`);
  return token;
}

/** A SalesIQ API call on the US host by default. */
export function api(
  sim: Simulator,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  host = 'salesiq.zoho.com',
) {
  return send(sim.port, { host, method, path, token, body });
}

import { vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { saveToken } from '../../lib/auth/token-store';
import { wipeAccountData, writeMeta, type SessionInfo } from '../../lib/db';

/** Patricia, the simulator's "me" (matching Zoho's seed sample). */
export const ME = '466756000000002001';

/** Patricia's session on portal zylker in the US data centre; `overrides` changes parts of it. */
export function signedInSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    state: 'signed-in',
    location: 'us',
    accountsHost: 'accounts.zoho.com',
    salesiqHost: 'salesiq.zoho.com',
    portal: { screen: 'zylker', name: 'Zylker', operatorId: ME },
    departments: [{ id: 'd1', name: 'Sales' }],
    operatorEmail: 'patricia@zylker.com',
    updatedAt: 1,
    ...overrides,
  };
}

/** Patricia signs in, as it stands after Zoho's redirect: her session and a token valid for an hour. */
export async function signIn(session: Partial<SessionInfo> = {}): Promise<void> {
  await writeMeta('session', signedInSession(session));
  await saveToken({ accessToken: 'token-1', issuedAt: Date.now(), expiresAt: Date.now() + 3_600_000, location: 'us' });
}

/**
 * A fresh background with Patricia signed in (`signIn(session)`); SalesIQ and Accounts are the
 * test's `fetch`, Zoho's web auth flow is the test's `launchWebAuthFlow`.
 */
export async function signedInWithScriptedZoho(
  launchWebAuthFlow: Mock,
  fetch: (url: string, init?: RequestInit) => Response | Promise<Response>,
  session: Partial<SessionInfo> = {},
): Promise<void> {
  fakeBrowser.reset();
  await wipeAccountData();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => fetch(url, init)),
  );
  (browser.identity as unknown as Record<string, unknown>).launchWebAuthFlow = launchWebAuthFlow;
  (browser.identity as unknown as Record<string, unknown>).getRedirectURL = () => 'https://abc.chromiumapp.org/';
  launchWebAuthFlow.mockReset();
  await signIn(session);
}

/** What a route answers: a JSON body (status 200 unless given), or 'reset', a dropped connection. */
export type RouteAnswer = { status?: number; body: unknown } | 'reset';
/** One scripted SalesIQ or Accounts endpoint: an answer for the requests it knows, else undefined. */
export type Route = (url: URL, init: RequestInit) => RouteAnswer | undefined;

/**
 * A scripted Zoho made of routes, to hand to `signedInWithScriptedZoho`: the first route that
 * answers a request answers it, anything else gets Zoho's "Invalid URL"; `calls` lists every
 * request as "METHOD /path".
 */
export function routedZoho() {
  const routes: Route[] = [];
  const calls: string[] = [];
  const respond = (url: string, init: RequestInit = {}): Response => {
    const parsed = new URL(url);
    calls.push(`${init.method ?? 'GET'} ${parsed.pathname}`);
    for (const route of routes) {
      const answer = route(parsed, init);
      // What fetch does on a reset connection.
      if (answer === 'reset') throw new TypeError('Failed to fetch');
      if (answer) return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }
    return new Response(JSON.stringify({ error: { code: 1006, message: 'Invalid URL' } }));
  };
  return { routes, calls, respond };
}

/** Zoho's success envelope around `value`. */
export const zohoData = (value: unknown): RouteAnswer => ({ body: { data: value } });
/** Zoho's error envelope, with HTTP 200 (give a `status` in a route of your own for another). */
export const zohoRefusal = (code: number, message: string): RouteAnswer => ({ body: { error: { code, message } } });

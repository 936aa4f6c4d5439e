/**
 * Contract tests: Zoho Accounts flows (implicit and code grants, consent, silent renewal, token
 * endpoint, revocation, expiry, DC binding).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, authPath, REDIRECT_URI, redirectParams, send, signIn } from './client';
import { startSimulator } from './index';
import type { Simulator } from './types';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const departments = (token: string, host = 'salesiq.zoho.com') =>
  api(sim, token, 'GET', '/api/v2/zylker/departments', undefined, host);

describe('implicit grant (response_type=token)', () => {
  it('auto mode redirects at once with token, DC hints and state in the fragment', async () => {
    const res = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ state: 'abc 123' }) });
    expect(res.status).toBe(302);
    const location = res.headers.location!;
    expect(location.startsWith(`${REDIRECT_URI}#`)).toBe(true);
    expect(location).toContain('accounts-server=https%3A%2F%2Faccounts.zoho.com');
    const params = redirectParams(location);
    expect(params.get('access_token')).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(Object.fromEntries(params)).toMatchObject({
      token_type: 'Bearer',
      expires_in: '3600',
      location: 'us',
      'accounts-server': 'https://accounts.zoho.com',
      api_domain: 'https://www.zohoapis.com',
      state: 'abc 123',
    });
    const [recorded] = sim.state().authRequests;
    expect(recorded).toMatchObject({
      endpoint: 'auth',
      host: 'accounts.zoho.com',
      responseType: 'token',
      state: 'abc 123',
      outcome: 'redirected',
    });
    expect(recorded!.scope).toContain('SalesIQ.conversations.UPDATE');
    expect((await departments(params.get('access_token')!)).json().data).toHaveLength(3);
  });

  it('an EU account signing in at accounts.zoho.com is sent to its own DC, and its token works only there', async () => {
    sim.configure({ dc: 'eu' });
    const res = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}) });
    expect(res.headers.location).toContain('location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu');
    const token = redirectParams(res.headers.location).get('access_token')!;
    expect((await departments(token, 'salesiq.zoho.eu')).json().data).toHaveLength(3);
    const wrongDc = await departments(token, 'salesiq.zoho.com');
    expect(wrongDc.status).toBe(200);
    expect(wrongDc.json().error.code).toBe(1002);
  });

  it('rejects a bad request: no client_id or redirect_uri → error page; bad scope → redirect with error', async () => {
    const noClient = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ client_id: '' }) });
    expect(noClient.status).toBe(400);
    expect(noClient.text).toContain('<title>Zoho Accounts</title>');
    const noRedirect = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ redirect_uri: '' }) });
    expect(noRedirect.status).toBe(400);
    for (const scope of ['', 'SalesIQ.conversations.READ SalesIQ.portals.READ']) {
      const res = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ scope }) });
      expect(res.status).toBe(302);
      expect(Object.fromEntries(redirectParams(res.headers.location))).toEqual({
        error: 'invalid_scope',
        state: 'st-1',
      });
    }
    expect(sim.state().authRequests.map((a) => a.outcome)).toEqual([
      'error:invalid_client',
      'error:invalid_redirect_uri',
      'error:invalid_scope',
      'error:invalid_scope',
    ]);
  });
});

describe('consent mode', () => {
  it('shows an Accept/Deny page listing the scopes; Accept redirects with a token', async () => {
    sim.configure({ authMode: 'consent', appName: 'Operator Companion' });
    const page = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ state: 's-consent' }) });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Zoho Accounts</title>');
    expect(page.text).toMatch(/<h1>Operator Companion is asking for access/);
    expect(page.text).toContain('SalesIQ.cannedresponses.READ');
    expect(page.text).toMatch(/<button[^>]*>Accept<\/button>/);
    expect(page.text).toMatch(/<button[^>]*>Deny<\/button>/);
    const requestId = /name="request" value="([^"]+)"/.exec(page.text)![1]!;
    const accepted = await send(sim.port, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/auth/consent',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `request=${requestId}&decision=accept`,
    });
    expect(accepted.status).toBe(302);
    const params = redirectParams(accepted.headers.location);
    expect(params.get('access_token')).toBeTruthy();
    expect(params.get('state')).toBe('s-consent');
    expect(sim.state().authRequests[0]!.outcome).toBe('accepted');
  });

  it('Deny redirects with error=access_denied (fragment for token, query for code)', async () => {
    sim.configure({ authMode: 'consent' });
    for (const responseType of ['token', 'code']) {
      const page = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({ response_type: responseType }) });
      const requestId = /name="request" value="([^"]+)"/.exec(page.text)![1]!;
      const denied = await send(sim.port, {
        host: 'accounts.zoho.com',
        method: 'POST',
        path: '/oauth/v2/auth/consent',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `request=${requestId}&decision=deny`,
      });
      const location = new URL(denied.headers.location!);
      const carrier = responseType === 'token' ? location.hash.slice(1) : location.search.slice(1);
      expect(Object.fromEntries(new URLSearchParams(carrier))).toEqual({ error: 'access_denied', state: 'st-1' });
    }
    expect(sim.state().authRequests.map((a) => a.outcome)).toEqual(['denied', 'denied']);
    expect(sim.state().tokens).toHaveLength(0);
  });
});

describe('authorization code grant and token endpoint', () => {
  it('exchanges a code once (with a refresh token for offline access), then refreshes', async () => {
    const res = await send(sim.port, {
      host: 'accounts.zoho.com',
      path: authPath({ response_type: 'code', access_type: 'offline' }),
    });
    const location = new URL(res.headers.location!);
    expect(location.hash).toBe('');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      location: 'us',
      'accounts-server': 'https://accounts.zoho.com',
      state: 'st-1',
    });
    const code = location.searchParams.get('code')!;
    const exchange = (host = 'accounts.zoho.com') =>
      send(sim.port, {
        host,
        method: 'POST',
        path: `/oauth/v2/token?grant_type=authorization_code&client_id=1000.TESTCLIENT&client_secret=s&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code=${code}`,
      });
    const tokens = (await exchange()).json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, api_domain: 'https://www.zohoapis.com' });
    expect(tokens.refresh_token).toMatch(/^1000\./);
    expect((await departments(tokens.access_token)).json().data).toHaveLength(3);
    expect((await exchange()).json()).toEqual({ error: 'invalid_code' });

    const refreshed = await send(sim.port, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&client_id=1000.TESTCLIENT&refresh_token=${tokens.refresh_token}`,
    });
    expect(refreshed.json().access_token).toMatch(/^1000\./);
    expect(refreshed.json().refresh_token).toBeUndefined();
    const bogus = await send(sim.port, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/token?grant_type=refresh_token&refresh_token=nope',
    });
    expect(bogus.json()).toEqual({ error: 'invalid_code' });
  });
});

describe('silent renewal (/oauth/v2/auth/refresh)', () => {
  it('answers as another Zoho account when the browser has switched (browserAccount)', async () => {
    const mine = redirectParams(
      (await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}) })).headers.location,
    ).get('access_token')!;
    const mei = '466756000000002005';
    sim.configure({ browserAccount: mei });
    const renewal = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}, '/oauth/v2/auth/refresh') });
    const theirs = redirectParams(renewal.headers.location).get('access_token')!;
    const portalsOf = async (token: string) =>
      (await api(sim, token, 'GET', '/api/v2/portals')).json().data[0].operator_id;
    expect(await portalsOf(mine)).toBe('466756000000002001');
    expect(await portalsOf(theirs)).toBe(mei);
    expect(
      sim
        .requests()
        .filter((r) => r.path === '/api/v2/portals')
        .map((r) => r.account),
    ).toEqual(['466756000000002001', mei]);
    expect(() => sim.configure({ browserAccount: 'nobody' })).toThrow(/browserAccount must be one of/);
  });

  it('ok → a new token; prompt_required → error in the fragment; wrong DC host → error', async () => {
    const first = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}, '/oauth/v2/auth/refresh') });
    const renewed = redirectParams(first.headers.location);
    expect(renewed.get('access_token')).toBeTruthy();
    expect(renewed.get('state')).toBe('st-1');

    sim.configure({ refresh: 'prompt_required' });
    const prompt = await send(sim.port, {
      host: 'accounts.zoho.com',
      path: authPath({ state: 'r2' }, '/oauth/v2/auth/refresh'),
    });
    expect(prompt.headers.location).toBe(`${REDIRECT_URI}#error=prompt_required&state=r2`);

    sim.configure({ refresh: 'ok', dc: 'in' });
    const wrongHost = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}, '/oauth/v2/auth/refresh') });
    expect(redirectParams(wrongHost.headers.location).get('error')).toBe('invalid_client');
    const ownHost = await send(sim.port, { host: 'accounts.zoho.in', path: authPath({}, '/oauth/v2/auth/refresh') });
    expect(redirectParams(ownHost.headers.location).get('location')).toBe('in');
    expect(sim.state().authRequests.map((a) => [a.endpoint, a.outcome])).toEqual([
      ['refresh', 'redirected'],
      ['refresh', 'error:prompt_required'],
      ['refresh', 'error:invalid_client'],
      ['refresh', 'redirected'],
    ]);
  });
});

describe('revocation and expiry', () => {
  it('revoke makes the token fail with 1002 and is recorded', async () => {
    const token = await signIn(sim);
    expect((await departments(token)).json().data).toBeDefined();
    const revoke = await send(sim.port, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: `/oauth/v2/token/revoke?token=${token}`,
    });
    expect(revoke.json()).toEqual({ status: 'success' });
    expect((await departments(token)).json().error.code).toBe(1002);
    expect(sim.state().revocations).toEqual([
      expect.objectContaining({ token, host: 'accounts.zoho.com', revoked: true }),
    ]);
    expect(sim.state().tokens.find((t) => t.token === token)!.revokedAt).toEqual(expect.any(Number));
  });

  it('a token with a 1-second lifetime expires', async () => {
    sim.configure({ tokenLifetimeSec: 1 });
    const res = await send(sim.port, { host: 'accounts.zoho.com', path: authPath({}) });
    expect(redirectParams(res.headers.location).get('expires_in')).toBe('1');
    const token = redirectParams(res.headers.location).get('access_token')!;
    expect((await departments(token)).json().data).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await departments(token)).json().error.code).toBe(1002);
  });
});

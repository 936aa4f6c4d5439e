import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { signOut, withAuth } from '../../lib/auth/session';
import { readToken, saveToken } from '../../lib/auth/token-store';
import { readMeta, writeMeta } from '../../lib/db';
import { SalesIQError } from '../../lib/salesiq/errors';
import type { ApiTarget } from '../../lib/salesiq/api';
import { ME, signedInWithScriptedZoho } from './signed-in-fixture';

/**
 * Silent renewal against a scripted Zoho: it is bounded in time, it keeps nothing once the session
 * that asked has ended, it never switches accounts or data centres, and the token only ever goes
 * to its own data centre's hosts.
 */
const SOMEONE_ELSE = '466756000000002005';

interface Sent {
  url: URL;
  init: RequestInit;
}
const sent: Sent[] = [];
let portalsOperator = ME;

function zoho(url: string, init: RequestInit = {}): Response {
  const parsed = new URL(url);
  sent.push({ url: parsed, init });
  if (parsed.pathname === '/oauth/v2/token/revoke') return Response.json({ status: 'success' });
  if (parsed.pathname === '/api/v2/portals') {
    return Response.json({ data: [{ screenname: 'zylker', name: 'Zylker', operator_id: portalsOperator }] });
  }
  return Response.json({ error: { code: 1006, message: 'Invalid URL' } });
}

const launchWebAuthFlow = vi.fn();

/** Zoho's redirect for a renewal that issued `token`, optionally from another data centre. */
function renewed(token: string, accountsServer?: string) {
  return async ({ url }: { url: string }) => {
    const state = new URL(url).searchParams.get('state');
    const dc = accountsServer ? `&accounts-server=${encodeURIComponent(accountsServer)}` : '';
    return `https://abc.chromiumapp.org/#access_token=${token}&expires_in=3600&state=${state}${dc}`;
  };
}

const revoked = () =>
  sent
    .filter((s) => s.url.pathname === '/oauth/v2/token/revoke')
    .map((s) => `${s.url.host} ${s.url.searchParams.get('token')}`);

beforeEach(async () => {
  sent.length = 0;
  portalsOperator = ME;
  await signedInWithScriptedZoho(launchWebAuthFlow, zoho);
  // Due for renewal: the next call renews silently first.
  await saveToken({ accessToken: 'old-token', issuedAt: 0, expiresAt: 1, location: 'us' });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('silent renewal', () => {
  it('gives up after its bound when Zoho never answers, and every waiting caller hears so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    launchWebAuthFlow.mockImplementation(() => new Promise(() => undefined)); // hangs forever
    const first = withAuth(async () => 'never').catch((e: unknown) => e);
    const second = withAuth(async () => 'never').catch((e: unknown) => e);
    await vi.waitFor(() => expect(launchWebAuthFlow).toHaveBeenCalled());
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await first).toMatchObject({ kind: 'timeout' });
    expect(await second).toMatchObject({ kind: 'timeout' });
    expect(launchWebAuthFlow).toHaveBeenCalledTimes(1); // one renewal shared, not one per caller
    // "Try again later", not "signed out": the next call starts a fresh renewal.
    expect((await readMeta('session'))?.state).toBe('signed-in');
    launchWebAuthFlow.mockImplementation(renewed('1000.after.timeout'));
    await expect(withAuth(async (t) => t.token)).resolves.toBe('1000.after.timeout');
  });

  it('keeps nothing when the operator signed out while the renewal was under way, and revokes what it got', async () => {
    let land!: () => void;
    launchWebAuthFlow.mockImplementation(async (details: { url: string }) => {
      await new Promise<void>((resolve) => (land = resolve));
      return renewed('1000.late.token')(details);
    });
    const call = withAuth(async (t) => t.token).catch((e: unknown) => e);
    await vi.waitFor(() => expect(launchWebAuthFlow).toHaveBeenCalled());
    await signOut();
    land();
    expect(await call).toBeInstanceOf(SalesIQError);
    expect(await readToken()).toBeUndefined();
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('1000.late.token');
    expect(revoked()).toContain('accounts.zoho.com 1000.late.token');
    expect((await readMeta('session'))?.state).toBe('signed-out');
  });

  it('keeps nothing from a renewal that starts just after sign-out began (the poll had already read "signed in")', async () => {
    // Sign-out starts right after the poll read the session, while it reads the token: the renewal
    // only starts after sign-out bumped its counter, and Zoho answers after sign-out has finished.
    let signingOut: Promise<unknown> | undefined;
    const read = browser.storage.session.get.bind(browser.storage.session);
    vi.spyOn(browser.storage.session, 'get').mockImplementation(((keys: never) => {
      signingOut ??= signOut();
      return read(keys);
    }) as never);
    launchWebAuthFlow.mockImplementation(async (details: { url: string }) => {
      await signingOut;
      return renewed('1000.after.signout')(details);
    });
    const error = await withAuth(async (t) => t.token).catch((e: unknown) => e);
    await signingOut;
    expect(error).toBeInstanceOf(SalesIQError);
    expect(await readToken()).toBeUndefined();
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('1000.after.signout');
    // Nothing minted for a session that had already ended, so nothing is left unrevoked either.
    expect(launchWebAuthFlow).not.toHaveBeenCalled();
    expect((await readMeta('session'))?.state).toBe('signed-out');
  });

  it('does not renew while a sign-in is under way', async () => {
    await writeMeta('session', { ...(await readMeta('session'))!, state: 'signing-in' });
    launchWebAuthFlow.mockImplementation(renewed('1000.during.signin'));
    await expect(withAuth(async (t) => t.token)).rejects.toMatchObject({ kind: 'auth' });
    expect(launchWebAuthFlow).not.toHaveBeenCalled();
  });

  it('stops when Zoho renewed another account: nothing acts with its token, and the operator is asked in words', async () => {
    portalsOperator = SOMEONE_ELSE; // another Zoho account is signed in in this browser
    launchWebAuthFlow.mockImplementation(renewed('1000.someone.else'));
    const tokensUsed: string[] = [];
    const error = await withAuth(async (t) => tokensUsed.push(t.token)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(tokensUsed).toEqual([]);
    expect(await readToken()).toBeUndefined();
    expect(revoked()).toEqual(['accounts.zoho.com 1000.someone.else']);
    const session = await readMeta('session');
    expect(session?.state).toBe('expired');
    expect(session?.error).toBe(
      'Another Zoho account is signed in in this browser. Sign in again as patricia@zylker.com.',
    );
    // The identity check is the only call the foreign token made to SalesIQ.
    const apiCalls = sent.filter((s) => s.url.pathname.startsWith('/api/'));
    expect(apiCalls.map((s) => s.url.pathname)).toEqual(['/api/v2/portals']);
  });

  it('refuses a renewal that comes back from another data centre instead of sending its token to ours', async () => {
    launchWebAuthFlow.mockImplementation(renewed('1000.eu.token', 'https://accounts.zoho.eu'));
    const targets: ApiTarget[] = [];
    await expect(withAuth(async (t) => targets.push(t))).rejects.toMatchObject({ kind: 'auth' });
    expect(targets).toEqual([]);
    expect(sent.every((s) => s.url.host === 'accounts.zoho.eu')).toBe(true); // only its revoke, at its own DC
    expect(revoked()).toEqual(['accounts.zoho.eu 1000.eu.token']);
    expect((await readMeta('session'))?.state).toBe('expired');
  });

  it('re-checks a renewal SalesIQ could not confirm instead of minting another token, and keeps it out of storage meanwhile', async () => {
    launchWebAuthFlow.mockImplementation(renewed('1000.unconfirmed'));
    let portalsDown = true;
    vi.mocked(fetch).mockImplementation(async (url, init) =>
      portalsDown && String(url).includes('/api/v2/portals')
        ? new Response('', { status: 503 })
        : zoho(String(url), init),
    );
    await expect(withAuth(async (t) => t.token)).rejects.toMatchObject({ kind: 'server' });
    expect((await readToken())?.accessToken).toBe('old-token'); // the unconfirmed one is not stored
    expect((await readMeta('session'))?.state).toBe('signed-in');
    portalsDown = false;
    await expect(withAuth(async (t) => t.token)).resolves.toBe('1000.unconfirmed');
    expect(launchWebAuthFlow).toHaveBeenCalledTimes(1);
    expect(revoked()).toEqual([]);
  });

  it('revokes a renewal still waiting to be confirmed when the operator signs out', async () => {
    launchWebAuthFlow.mockImplementation(renewed('1000.unconfirmed'));
    vi.mocked(fetch).mockImplementation(async (url, init) =>
      String(url).includes('/api/v2/portals') ? new Response('', { status: 503 }) : zoho(String(url), init),
    );
    await expect(withAuth(async (t) => t.token)).rejects.toMatchObject({ kind: 'server' });
    await signOut();
    await vi.waitFor(() => expect(revoked()).toContain('accounts.zoho.com 1000.unconfirmed'));
    expect(await readToken()).toBeUndefined();
  });

  it('hands callers a target that names the token’s data centre', async () => {
    launchWebAuthFlow.mockImplementation(renewed('1000.same.person'));
    await expect(withAuth(async (t) => t)).resolves.toEqual({
      host: 'salesiq.zoho.com',
      screen: 'zylker',
      token: '1000.same.person',
      location: 'us',
    });
  });
});

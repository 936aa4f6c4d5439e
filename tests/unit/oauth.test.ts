import { describe, expect, it } from 'vitest';
import { CLIENT_ID, SCOPES } from '../../lib/auth/config';
import { OAuthError, parseRedirect, renewalUrl, signInUrl } from '../../lib/auth/oauth';
import { needsRenewal } from '../../lib/auth/token-store';
import { CN_DC, US_DC, findByLocation } from '../../lib/salesiq/data-centres';

const redirect = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

describe('OAuth URLs', () => {
  it('starts sign-in at the global or China accounts server with our scopes and state', () => {
    const url = new URL(signInUrl(US_DC, redirect, 's1'));
    expect(url.host).toBe('accounts.zoho.com');
    expect(url.pathname).toBe('/oauth/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: CLIENT_ID,
      scope: SCOPES.join(','),
      redirect_uri: redirect,
      state: 's1',
    });
    expect(new URL(signInUrl(CN_DC, redirect, 's')).host).toBe('accounts.zoho.com.cn');
  });

  it('renews at the account’s own data centre', () => {
    const url = new URL(renewalUrl(findByLocation('eu')!, redirect, 's2'));
    expect(url.host).toBe('accounts.zoho.eu');
    expect(url.pathname).toBe('/oauth/v2/auth/refresh');
  });
});

describe('parseRedirect', () => {
  const now = 1_000_000;
  it('takes the token, lifetime and data centre from the fragment', () => {
    const grant = parseRedirect(
      `${redirect}#access_token=1000.abc.def&expires_in=3600&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu&state=s1`,
      's1',
      US_DC,
      now,
    );
    expect(grant).toEqual({ accessToken: '1000.abc.def', expiresAt: now + 3_600_000, dc: findByLocation('eu') });
  });

  it('refuses a different state, a denial, and an unknown accounts server', () => {
    const expectReason = (url: string, reason: OAuthError['reason']) => {
      try {
        parseRedirect(url, 's1', US_DC, now);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(OAuthError);
        expect((error as OAuthError).reason).toBe(reason);
      }
    };
    expectReason(`${redirect}#access_token=1000.abc.def&state=other`, 'state-mismatch');
    expectReason(`${redirect}#error=access_denied&state=s1`, 'denied');
    expectReason(`${redirect}#error=prompt_required&state=s1`, 'interaction-required');
    expectReason(
      `${redirect}#access_token=1000.abc.def&accounts-server=https%3A%2F%2Fevil.example&state=s1`,
      'unknown-dc',
    );
    expectReason(`${redirect}#state=s1`, 'invalid-response');
  });

  it('falls back to the starting data centre when Zoho names none', () => {
    expect(parseRedirect(`${redirect}#access_token=1000.abc.def&state=s1`, 's1', CN_DC, now).dc).toBe(CN_DC);
  });
});

describe('token renewal timing', () => {
  it('renews after 80 % of a short lifetime and 5 minutes before a long one ends', () => {
    const short = { accessToken: 't', issuedAt: 0, expiresAt: 5_000, location: 'us' };
    expect(needsRenewal(short, 3_900)).toBe(false);
    expect(needsRenewal(short, 4_000)).toBe(true);
    const hour = { ...short, expiresAt: 3_600_000 };
    expect(needsRenewal(hour, 3_600_000 - 300_001)).toBe(false);
    expect(needsRenewal(hour, 3_600_000 - 300_000)).toBe(true);
  });
});

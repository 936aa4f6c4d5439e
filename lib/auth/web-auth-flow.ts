import { browser } from 'wxt/browser';
import { OAuthError, type GrantedToken } from './oauth';
import type { StoredToken } from './token-store';

/** Chrome's (and Firefox's) web auth flow; the redirect URL carries Zoho's answer. */
export async function launchAuthFlow(url: string, interactive: boolean): Promise<string> {
  const redirect = await browser.identity.launchWebAuthFlow({ url, interactive });
  if (!redirect) throw new OAuthError('invalid-response', 'Zoho did not complete the sign-in.');
  return redirect;
}

export function tokenFromGrant(grant: GrantedToken, now = Date.now()): StoredToken {
  return { accessToken: grant.accessToken, expiresAt: grant.expiresAt, issuedAt: now, location: grant.dc.location };
}

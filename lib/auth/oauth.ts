import { findByAccountsServer, findByLocation, type DataCentre } from '../salesiq/data-centres';
import { CLIENT_ID, SCOPES } from './config';

/**
 * Zoho's client-based (implicit) flow: the token comes back in the redirect's fragment together
 * with the user's data centre (`location`, `accounts-server`).
 */
export function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function authParams(redirectUri: string, state: string): URLSearchParams {
  return new URLSearchParams({
    response_type: 'token',
    client_id: CLIENT_ID,
    scope: SCOPES.join(','),
    redirect_uri: redirectUri,
    state,
  });
}

/** Sign-in always starts at the global (or China) accounts server; Zoho redirects by DC. */
export function signInUrl(startDc: DataCentre, redirectUri: string, state: string): string {
  return `https://${startDc.accountsHost}/oauth/v2/auth?${authParams(redirectUri, state)}`;
}

/** Silent renewal happens at the user's own accounts server, without UI. */
export function renewalUrl(dc: DataCentre, redirectUri: string, state: string): string {
  return `https://${dc.accountsHost}/oauth/v2/auth/refresh?${authParams(redirectUri, state)}`;
}

export interface GrantedToken {
  accessToken: string;
  expiresAt: number;
  dc: DataCentre;
}

export class OAuthError extends Error {
  constructor(
    readonly reason: 'denied' | 'state-mismatch' | 'interaction-required' | 'unknown-dc' | 'invalid-response',
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/** Validate the redirect: our state, a token, a lifetime, and a data centre from our own table. */
export function parseRedirect(
  redirectUrl: string,
  expectedState: string,
  fallbackDc: DataCentre,
  now = Date.now(),
): GrantedToken {
  const url = new URL(redirectUrl);
  const params = new URLSearchParams(url.hash.replace(/^#/, '') || url.search.replace(/^\?/, ''));
  const error = params.get('error');
  if (params.get('state') !== expectedState) {
    throw new OAuthError('state-mismatch', 'The sign-in answer did not match our request. Please try again.');
  }
  if (error === 'access_denied') throw new OAuthError('denied', 'Sign-in was cancelled: Zoho access was not granted.');
  if (error) throw new OAuthError('interaction-required', `Zoho needs you to sign in again (${error.slice(0, 60)}).`);
  const accessToken = params.get('access_token');
  if (!accessToken || !/^[\w.\-~+/=]{8,512}$/.test(accessToken)) {
    throw new OAuthError('invalid-response', 'Zoho did not return an access token.');
  }
  const expiresIn = Number(params.get('expires_in') ?? '3600');
  const server = params.get('accounts-server');
  const location = params.get('location');
  const dc = server ? findByAccountsServer(server) : location ? findByLocation(location) : fallbackDc;
  if (!dc)
    throw new OAuthError('unknown-dc', 'Your Zoho account is in a data centre this extension does not know yet.');
  const lifetimeMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000;
  return { accessToken, expiresAt: now + lifetimeMs, dc };
}

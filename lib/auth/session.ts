import { browser } from 'wxt/browser';
import { readMeta, updateMeta, wipeAccountData, writeMeta, type SessionInfo } from '../db';
import { getOperator, listPortals, type ApiTarget } from '../salesiq/api';
import { CN_DC, US_DC, findByLocation, type DataCentre } from '../salesiq/data-centres';
import { SalesIQError, asSalesIQError } from '../salesiq/errors';
import { zohoRequest } from '../salesiq/request';
import type { Portal } from '../salesiq/types';
import { withdrawAllNotifications } from '../queue/notifications';
import { getSettings } from '../settings';
import { OAuthError, parseRedirect, randomState, renewalUrl, signInUrl, type GrantedToken } from './oauth';
import { clearToken, needsRenewal, readToken, saveToken, type StoredToken } from './token-store';

/**
 * The Zoho session, run by the background only: interactive sign-in, portal choice, silent
 * renewal, and sign-out. Non-secret facts (DC, portal, operator) live in IndexedDB so pages can
 * show them; the token lives in storage.session.
 */
const LAST_PORTAL_KEY = 'lastPortal';

async function launchAuthFlow(url: string, interactive: boolean): Promise<string> {
  const redirect = await browser.identity.launchWebAuthFlow({ url, interactive });
  if (!redirect) throw new OAuthError('invalid-response', 'Zoho did not complete the sign-in.');
  return redirect;
}

async function storeGrant(grant: GrantedToken): Promise<StoredToken> {
  const token: StoredToken = {
    accessToken: grant.accessToken,
    expiresAt: grant.expiresAt,
    issuedAt: Date.now(),
    location: grant.dc.location,
  };
  await saveToken(token);
  return token;
}

async function setSession(patch: Partial<SessionInfo>): Promise<SessionInfo> {
  return updateMeta('session', (current) => ({ state: 'signed-out', ...current, ...patch, updatedAt: Date.now() }));
}

export async function readSession(): Promise<SessionInfo> {
  return (await readMeta('session')) ?? { state: 'signed-out', updatedAt: 0 };
}

function plainSignInError(error: unknown): string {
  if (error instanceof OAuthError) return error.message;
  if (error instanceof SalesIQError) return `Signed in, but SalesIQ could not be reached: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  // Chrome's wording when the user closes the Zoho window.
  if (/did not approve|user.*(cancel|closed)/i.test(message)) return 'Sign-in was cancelled.';
  return `Sign-in did not finish: ${message}`;
}

/** At worker start: no sign-in flow survives a worker restart, so "signing in" is stale. */
export async function resetInterruptedSignIn(): Promise<void> {
  if ((await readSession()).state === 'signing-in') {
    await setSession({ state: 'signed-out', error: 'Sign-in was interrupted. Please try again.' });
  }
}

export async function signIn(): Promise<SessionInfo> {
  // An expired session still holds its account's data; a failed new sign-in must not hide the
  // "sign out and remove it" way out that the expired state offers.
  const fallback = (await readSession()).state === 'expired' ? 'expired' : 'signed-out';
  await setSession({ state: 'signing-in', error: undefined });
  try {
    const startDc = (await getSettings()).chinaSignIn ? CN_DC : US_DC;
    const state = randomState();
    const redirect = await launchAuthFlow(signInUrl(startDc, browser.identity.getRedirectURL(), state), true);
    const grant = parseRedirect(redirect, state, startDc);
    const token = await storeGrant(grant);
    return await loadPortals(grant.dc, token, fallback);
  } catch (error) {
    await clearToken();
    return setSession({ state: fallback, error: plainSignInError(error) });
  }
}

async function loadPortals(dc: DataCentre, token: StoredToken, fallback: 'expired' | 'signed-out'): Promise<SessionInfo> {
  const { items: portals } = await listPortals(dc.salesiqHost, token.accessToken);
  const dcFacts = { location: dc.location, accountsHost: dc.accountsHost, salesiqHost: dc.salesiqHost, portals };
  if (portals.length === 0) {
    await clearToken();
    return setSession({
      state: fallback,
      error: 'Your Zoho account has no SalesIQ portal. Ask your SalesIQ admin to add you as an operator.',
    });
  }
  const last = (await browser.storage.local.get(LAST_PORTAL_KEY))[LAST_PORTAL_KEY] as string | undefined;
  const remembered = portals.find((p) => p.screen === last);
  const only = portals.length === 1 ? portals[0] : undefined;
  // A portal's operator_id is "me" there: if the portal we had is not this account's with the
  // same operator, another person signed in, and nothing of the previous account may show.
  const previous = (await readSession()).portal;
  const sameAccount = !previous || portals.some((p) => p.screen === previous.screen && p.operatorId === previous.operatorId);
  if (!sameAccount) await forgetAccountData();
  await setSession({ ...dcFacts, state: 'choosing-portal', portal: undefined, operatorName: undefined, operatorEmail: undefined, error: undefined });
  const chosen = remembered ?? only;
  return chosen ? choosePortal(chosen.screen) : readSession();
}

/** Switch to one of the account's portals; `operator_id` there is "me". */
export async function choosePortal(screen: string): Promise<SessionInfo> {
  const session = await readSession();
  const portal = session.portals?.find((p) => p.screen === screen);
  if (!portal || !session.salesiqHost) throw new SalesIQError('portal', 'That portal is not one of your SalesIQ portals.');
  const target = await currentTarget(portal);
  const operator = await withTarget(target, (t) => getOperator(t, portal.operatorId));
  await browser.storage.local.set({ [LAST_PORTAL_KEY]: portal.screen });
  await writeMeta('operator', { status: operator.status, updatedAt: Date.now() });
  return setSession({
    state: 'signed-in',
    portal,
    operatorName: operator.name,
    operatorEmail: operator.email,
    departments: operator.departments,
    error: undefined,
  });
}

let renewal: Promise<StoredToken> | undefined;

/** One silent renewal at a time; concurrent callers share it. */
function renewSilently(dc: DataCentre): Promise<StoredToken> {
  renewal ??= (async () => {
    try {
      const state = randomState();
      const redirect = await launchAuthFlow(renewalUrl(dc, browser.identity.getRedirectURL(), state), false);
      return await storeGrant(parseRedirect(redirect, state, dc));
    } finally {
      renewal = undefined;
    }
  })();
  return renewal;
}

/** Renewal failed: stop, say so plainly, and wait for the operator to sign in again. */
async function expireSession(): Promise<never> {
  await clearToken();
  await setSession({ state: 'expired', error: 'Your Zoho sign-in has expired. Sign in again to keep receiving chats.' });
  throw new SalesIQError('auth', 'Sign in again.');
}

/**
 * A failed silent renewal needs the operator (sign in again) only when Zoho or Chrome says so;
 * offline or an unreachable Zoho needs only time, and the poll's backoff retries.
 */
function renewalNeedsOperator(error: unknown): boolean {
  if (error instanceof OAuthError) return true;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  const message = error instanceof Error ? error.message : String(error);
  // Chrome's words when Zoho wants a consent or login page in a non-interactive flow.
  return /interaction required|did not approve|not approved|cancel/i.test(message);
}

/** A token valid now. `rejected`: a token SalesIQ just refused, which must not be returned. */
async function validToken(rejected?: string): Promise<StoredToken> {
  const session = await readSession();
  const dc = session.location ? findByLocation(session.location) : undefined;
  if (!dc || session.state === 'signed-out' || session.state === 'expired') {
    throw new SalesIQError('auth', 'Not signed in.');
  }
  const token = await readToken();
  // Another caller may already have renewed the rejected token: use theirs, mint nothing.
  if (token && token.accessToken !== rejected && !needsRenewal(token)) return token;
  try {
    return await renewSilently(dc);
  } catch (error) {
    if (error instanceof SalesIQError) throw error;
    if (renewalNeedsOperator(error)) return expireSession();
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new SalesIQError(offline ? 'offline' : 'network', 'Could not reach Zoho to renew the sign-in.');
  }
}

/** The API target for the chosen (or given) portal with a token that is valid now. */
export async function currentTarget(portal?: Portal): Promise<ApiTarget> {
  const session = await readSession();
  const chosen = portal ?? session.portal;
  if (!chosen || !session.salesiqHost) throw new SalesIQError('auth', 'Not signed in.');
  const token = await validToken();
  return { host: session.salesiqHost, screen: chosen.screen, token: token.accessToken };
}

async function withTarget<T>(target: ApiTarget, call: (target: ApiTarget) => Promise<T>): Promise<T> {
  try {
    return await call(target);
  } catch (error) {
    if (!(error instanceof SalesIQError) || error.kind !== 'auth') throw error;
  }
  // A 401 or code 1002 with a token we thought valid: renew once and retry once; if the fresh
  // token is refused too, Zoho no longer accepts this grant: sign out rather than mint on.
  const renewed = await validToken(target.token);
  try {
    return await call({ ...target, token: renewed.accessToken });
  } catch (error) {
    if (error instanceof SalesIQError && error.kind === 'auth') return expireSession();
    throw error;
  }
}

/** Run an API call with the current session, renewing the token once if SalesIQ rejects it. */
export async function withAuth<T>(call: (target: ApiTarget) => Promise<T>): Promise<T> {
  return withTarget(await currentTarget(), call);
}


/** Revoke at the user's own accounts server, then forget everything this account left here. */
/** Every cached record of the account, and its notifications; the session record is rebuilt. */
async function forgetAccountData(): Promise<void> {
  const session = await readSession();
  await wipeAccountData();
  await writeMeta('session', { ...session, updatedAt: Date.now() });
  await withdrawAllNotifications();
}

export async function signOut(): Promise<{ revoked: boolean }> {
  const session = await readSession();
  const token = await readToken();
  // Signed out at once: a poll still under way writes nothing from here on (writeForPortal).
  await writeMeta('session', { state: 'signed-out', updatedAt: Date.now() });
  let revoked = false;
  if (token && session.accountsHost) {
    try {
      await zohoRequest({
        method: 'POST',
        url: `https://${session.accountsHost}/oauth/v2/token/revoke`,
        query: { token: token.accessToken },
        envelope: false,
        timeoutMs: 8_000,
      });
      revoked = true;
    } catch (error) {
      // Signing out must work offline too; the token then simply expires within the hour.
      console.warn('Token revoke failed:', asSalesIQError(error).kind);
    }
  }
  await clearToken();
  await wipeAccountData();
  await writeMeta('session', { state: 'signed-out', updatedAt: Date.now() });
  // After the wipe: an alert raised by a poll that was already past its checks goes too.
  await withdrawAllNotifications();
  return { revoked };
}

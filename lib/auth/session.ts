import { browser } from 'wxt/browser';
import { wipeAccountData, writeMeta, type SessionInfo } from '../db';
import { getOperator, listPortals } from '../salesiq/api';
import { CN_DC, US_DC, type DataCentre } from '../salesiq/data-centres';
import { SalesIQError } from '../salesiq/errors';
import type { Portal } from '../salesiq/types';
import { getSettings } from '../settings';
import { OAuthError, parseRedirect, randomState, signInUrl } from './oauth';
import { endRenewals } from './renewal';
import { revokeToken } from './revoke';
import { readSession, setSession } from './session-record';
import { clearToken, readToken, saveToken, type StoredToken } from './token-store';
import { launchAuthFlow, tokenFromGrant } from './web-auth-flow';
import { currentTarget, withTarget } from './with-auth';

/**
 * The sign-in state machine, run by the background only: interactive sign-in, portal choice and
 * sign-out. Non-secret facts (DC, portal, operator) live in IndexedDB so pages can show them; the
 * token lives in storage.session. Token validity and silent renewal are in ./with-auth and
 * ./renewal; they are re-exported here for the modules that import them from the session.
 */
export { readSession } from './session-record';
export { withAuth } from './with-auth';

const LAST_PORTAL_KEY = 'lastPortal';

/** What the caller must do after this module wiped an account's data (withdraw its notifications). */
export type AfterAccountWipe = () => Promise<void>;

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

/** `afterWipe` runs when another person signed in and the previous account's data was wiped. */
export async function signIn(afterWipe: AfterAccountWipe = async () => undefined): Promise<SessionInfo> {
  // An expired session still holds its account's data; a failed new sign-in must not hide the
  // "sign out and remove it" way out that the expired state offers.
  const fallback = (await readSession()).state === 'expired' ? 'expired' : 'signed-out';
  // A silent renewal of the session before this one keeps nothing once it lands.
  endRenewals();
  await setSession({ state: 'signing-in', error: undefined });
  try {
    const startDc = (await getSettings()).chinaSignIn ? CN_DC : US_DC;
    const state = randomState();
    const redirect = await launchAuthFlow(signInUrl(startDc, browser.identity.getRedirectURL(), state), true);
    const grant = parseRedirect(redirect, state, startDc);
    const token = tokenFromGrant(grant);
    await saveToken(token);
    return await loadPortals(grant.dc, token, fallback, afterWipe);
  } catch (error) {
    await clearToken();
    return setSession({ state: fallback, error: plainSignInError(error) });
  }
}

async function loadPortals(
  dc: DataCentre,
  token: StoredToken,
  fallback: 'expired' | 'signed-out',
  afterWipe: AfterAccountWipe,
): Promise<SessionInfo> {
  const { items: portals } = await listPortals({
    host: dc.salesiqHost,
    token: token.accessToken,
    location: token.location,
  });
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
  const sameAccount =
    !previous || portals.some((p) => p.screen === previous.screen && p.operatorId === previous.operatorId);
  if (!sameAccount) {
    await forgetAccountData();
    await afterWipe();
  }
  await setSession({
    ...dcFacts,
    state: 'choosing-portal',
    portal: undefined,
    operatorName: undefined,
    operatorEmail: undefined,
    error: undefined,
  });
  const chosen = remembered ?? only;
  return chosen ? choosePortal(chosen.screen) : readSession();
}

/** Switch to one of the account's portals; `operator_id` there is "me". */
export async function choosePortal(screen: string): Promise<SessionInfo> {
  const session = await readSession();
  const portal: Portal | undefined = session.portals?.find((p) => p.screen === screen);
  if (!portal || !session.salesiqHost)
    throw new SalesIQError('portal', 'That portal is not one of your SalesIQ portals.');
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

/** Every cached record of the account; the session record is rebuilt. */
async function forgetAccountData(): Promise<void> {
  const session = await readSession();
  await wipeAccountData();
  await writeMeta('session', { ...session, updatedAt: Date.now() });
}

/**
 * Revoke at the user's own accounts server, then forget everything this account left here. The
 * caller withdraws the account's notifications after this returns (after the wipe, so an alert
 * raised by a poll that was already past its checks goes too).
 */
export async function signOut(): Promise<{ revoked: boolean }> {
  // First, before any await: a silent renewal landing from now on keeps nothing and revokes.
  endRenewals();
  const session = await readSession();
  const token = await readToken();
  // Signed out at once: a poll still under way writes nothing from here on (writeForPortal).
  await writeMeta('session', { state: 'signed-out', updatedAt: Date.now() });
  // Signing out must work offline too; the token then simply expires within the hour.
  const revoked =
    !!token &&
    !!session.accountsHost &&
    (await revokeToken({ token: token.accessToken, location: token.location }, session.accountsHost));
  await clearToken();
  await wipeAccountData();
  await writeMeta('session', { state: 'signed-out', updatedAt: Date.now() });
  return { revoked };
}

import type { ApiTarget } from '../salesiq/api';
import { findByLocation } from '../salesiq/data-centres';
import { SalesIQError } from '../salesiq/errors';
import { isOffline } from '../salesiq/request';
import type { Portal } from '../salesiq/types';
import { OAuthError } from './oauth';
import { AccountMismatch, RenewalDiscarded, endRenewals, renewSilently, renewalEpoch } from './renewal';
import { readSession, setSession } from './session-record';
import { clearToken, needsRenewal, readToken, type StoredToken } from './token-store';

/**
 * Every API call's way to a token: a valid one now, renewed silently when due, renewed once more
 * when SalesIQ refuses it, and the session ended (with a reason in words) when Zoho will not.
 */
const EXPIRED = 'Your Zoho sign-in has expired. Sign in again to keep receiving chats.';

/** Renewal failed: stop, say so plainly, and wait for the operator to sign in again. */
async function expireSession(reason = EXPIRED): Promise<never> {
  endRenewals();
  await clearToken();
  await setSession({ state: 'expired', error: reason });
  throw new SalesIQError('auth', 'Sign in again.');
}

/**
 * A failed silent renewal needs the operator (sign in again) only when Zoho or Chrome says so;
 * offline or an unreachable Zoho needs only time, and the poll's backoff retries.
 */
function renewalNeedsOperator(error: unknown): boolean {
  if (error instanceof OAuthError) return true;
  if (isOffline()) return false;
  const message = error instanceof Error ? error.message : String(error);
  // Chrome's words when Zoho wants a consent or login page in a non-interactive flow.
  return /interaction required|did not approve|not approved|cancel/i.test(message);
}

/** A token valid now. `rejected`: a token SalesIQ just refused, which must not be returned. */
async function validToken(rejected?: string): Promise<StoredToken> {
  // Read before the session: a sign-out that begins after this read makes the renewal keep nothing.
  const asked = renewalEpoch();
  const session = await readSession();
  const dc = session.location ? findByLocation(session.location) : undefined;
  // Not while signing in: that flow saves its own token, and a renewal would race it.
  if (!dc || (session.state !== 'signed-in' && session.state !== 'choosing-portal')) {
    throw new SalesIQError('auth', 'Not signed in.');
  }
  const token = await readToken();
  // Another caller may already have renewed the rejected token: use theirs, mint nothing.
  if (token && token.accessToken !== rejected && !needsRenewal(token)) return token;
  try {
    return await renewSilently(session, dc, asked);
  } catch (error) {
    if (error instanceof AccountMismatch) return expireSession(error.message);
    if (error instanceof RenewalDiscarded) throw new SalesIQError('auth', 'Not signed in.');
    // SalesIQ refused the token Zoho had just issued: this grant is no longer accepted.
    if (error instanceof SalesIQError && error.kind === 'auth') return expireSession();
    if (error instanceof SalesIQError) throw error;
    if (renewalNeedsOperator(error)) return expireSession();
    throw new SalesIQError(isOffline() ? 'offline' : 'network', 'Could not reach Zoho to renew the sign-in.');
  }
}

/** The API target for the chosen (or given) portal with a token that is valid now. */
export async function currentTarget(portal?: Portal): Promise<ApiTarget> {
  const session = await readSession();
  const chosen = portal ?? session.portal;
  if (!chosen || !session.salesiqHost) throw new SalesIQError('auth', 'Not signed in.');
  const token = await validToken();
  return { host: session.salesiqHost, screen: chosen.screen, token: token.accessToken, location: token.location };
}

export async function withTarget<T>(target: ApiTarget, call: (target: ApiTarget) => Promise<T>): Promise<T> {
  try {
    return await call(target);
  } catch (error) {
    if (!(error instanceof SalesIQError) || error.kind !== 'auth') throw error;
  }
  // A 401 or code 1002 with a token we thought valid: renew once and retry once; if the fresh
  // token is refused too, Zoho no longer accepts this grant: sign out rather than mint on.
  const renewed = await validToken(target.token);
  try {
    return await call({ ...target, token: renewed.accessToken, location: renewed.location });
  } catch (error) {
    if (error instanceof SalesIQError && error.kind === 'auth') return expireSession();
    throw error;
  }
}

/** Run an API call with the current session, renewing the token once if SalesIQ rejects it. */
export async function withAuth<T>(call: (target: ApiTarget) => Promise<T>): Promise<T> {
  return withTarget(await currentTarget(), call);
}

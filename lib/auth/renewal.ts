import { browser } from 'wxt/browser';
import type { SessionInfo } from '../db';
import { listPortals } from '../salesiq/api';
import type { DataCentre } from '../salesiq/data-centres';
import { SalesIQError, isTransient } from '../salesiq/errors';
import { parseRedirect, randomState, renewalUrl, type GrantedToken } from './oauth';
import { revokeToken } from './revoke';
import { clearToken, readToken, saveToken, type StoredToken } from './token-store';
import { launchAuthFlow, tokenFromGrant } from './web-auth-flow';

/**
 * Silent renewal: one at a time, bounded in time, kept only while the session that asked for it
 * still stands, and only when Zoho renewed the same operator in the same data centre.
 */

/** A non-interactive launchWebAuthFlow can hang (a Zoho page that never redirects): give up then. */
const RENEWAL_TIMEOUT_MS = 20_000;

/** Zoho renewed the sign-in of somebody else (or in another data centre): the operator must sign in. */
export class AccountMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountMismatch';
  }
}

/**
 * Bumped whenever the session that renewals belong to ends (sign-out, a new sign-in, expiry):
 * a renewal that lands afterwards keeps nothing and revokes what it got.
 */
let epoch = 0;
let inFlight: Promise<StoredToken> | undefined;
/**
 * A grant whose owner could not be checked yet (SalesIQ unreachable). Held in memory only, never
 * stored or used, and checked again by the next renewal instead of minting another token: Zoho
 * limits how many tokens a client may mint, and an outage would otherwise mint one per retry.
 */
let unverified: { grant: GrantedToken; epoch: number } | undefined;

export function endRenewals(): void {
  epoch += 1;
  inFlight = undefined;
  if (unverified) void revoke(unverified.grant);
  unverified = undefined;
}

function revoke(grant: GrantedToken): Promise<boolean> {
  return revokeToken({ token: grant.accessToken, location: grant.dc.location }, grant.dc.accountsHost);
}

/** At least a minute left: long enough to verify it and use it. */
function takeUnverified(asked: number): GrantedToken | undefined {
  const held = unverified;
  unverified = undefined;
  return held && held.epoch === asked && held.grant.expiresAt - Date.now() > 60_000 ? held.grant : undefined;
}

/**
 * The current sign-out counter. A caller reads it before it reads the session it renews for, so a
 * sign-out between that read and `renewSilently` cannot be mistaken for the session still standing.
 */
export function renewalEpoch(): number {
  return epoch;
}

/**
 * One silent renewal at a time; concurrent callers share it and its deadline. `asked`: the epoch
 * the caller read before reading `session`; if the session has ended since, nothing is minted.
 */
export function renewSilently(
  session: SessionInfo,
  dc: DataCentre,
  asked: number,
  timeoutMs = RENEWAL_TIMEOUT_MS,
): Promise<StoredToken> {
  if (asked !== epoch) return Promise.reject(new RenewalDiscarded());
  if (!inFlight) {
    const attempt = boundedRenewal(session, dc, asked, timeoutMs);
    inFlight = attempt;
    const release = () => {
      if (inFlight === attempt) inFlight = undefined;
    };
    attempt.then(release, release);
  }
  return inFlight;
}

function boundedRenewal(session: SessionInfo, dc: DataCentre, asked: number, timeoutMs: number): Promise<StoredToken> {
  let abandoned = false;
  const stillWanted = () => !abandoned && asked === epoch;
  const flow = renewOnce(session, dc, stillWanted, asked);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      abandoned = true;
      reject(new SalesIQError('timeout', 'Zoho did not renew the sign-in in time. Trying again shortly.'));
    }, timeoutMs);
  });
  flow.catch(() => undefined); // a flow that fails after its deadline has nobody left to tell
  return Promise.race([flow, deadline]).finally(() => clearTimeout(timer));
}

async function renewOnce(
  session: SessionInfo,
  dc: DataCentre,
  stillWanted: () => boolean,
  asked: number,
): Promise<StoredToken> {
  const grant = takeUnverified(asked) ?? (await mint(dc));
  if (!stillWanted()) return discard(grant);
  try {
    await confirmSameOperator(grant, session, dc);
  } catch (error) {
    if (error instanceof SalesIQError && isTransient(error.kind) && stillWanted()) unverified = { grant, epoch: asked };
    else if (!(error instanceof AccountMismatch)) await revoke(grant);
    throw error;
  }
  if (!stillWanted()) return discard(grant);
  const token = tokenFromGrant(grant);
  await saveToken(token);
  // A sign-out may have begun while the token was being saved; it must not find it left behind.
  if (!stillWanted()) {
    if ((await readToken())?.accessToken === token.accessToken) await clearToken();
    return discard(grant);
  }
  return token;
}

async function mint(dc: DataCentre): Promise<GrantedToken> {
  const state = randomState();
  const redirect = await launchAuthFlow(renewalUrl(dc, browser.identity.getRedirectURL(), state), false);
  return parseRedirect(redirect, state, dc);
}

/** The session that asked ended (or gave up waiting) before the renewal landed. */
export class RenewalDiscarded extends Error {
  constructor() {
    super('The sign-in ended while it was being renewed.');
    this.name = 'RenewalDiscarded';
  }
}

async function discard(grant: GrantedToken): Promise<never> {
  await revoke(grant);
  throw new RenewalDiscarded();
}

/**
 * Renewal takes whichever Zoho account the browser is signed into now. The session's portal must
 * name the same operator for the new token (`operator_id` in /portals is "me"; there is no
 * /operators/me), in the same data centre; otherwise nothing of the new token is kept.
 */
async function confirmSameOperator(grant: GrantedToken, session: SessionInfo, dc: DataCentre): Promise<void> {
  const mismatch = async (): Promise<never> => {
    await revoke(grant);
    const me = session.operatorEmail ?? session.operatorName ?? 'yourself';
    throw new AccountMismatch(`Another Zoho account is signed in in this browser. Sign in again as ${me}.`);
  };
  if (grant.dc.location !== dc.location) return mismatch();
  // Unanswered, the token stays unusable (the caller's backoff retries); see `unverified`.
  const { items: portals } = await listPortals({
    host: dc.salesiqHost,
    token: grant.accessToken,
    location: dc.location,
  });
  const expected = session.portal ? [session.portal] : (session.portals ?? []);
  const same = expected.some((p) => portals.some((q) => q.screen === p.screen && q.operatorId === p.operatorId));
  if (expected.length > 0 && !same) return mismatch();
}

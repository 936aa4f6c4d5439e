import { browser } from 'wxt/browser';
import { readSession } from '../auth/session';
import { readToken } from '../auth/token-store';
import { readMeta } from '../db';
import { nextPollDelayMs } from '../queue/cadence';
import { consoleUrl } from '../salesiq/console-url';
import { ZOHO_HOST_PERMISSIONS } from '../salesiq/data-centres';
import type { ReachabilityFacts } from './facts';

/** The browser's own answers, where it gives one (Chrome); undefined elsewhere (Firefox). */
type MaybeChrome = {
  notifications?: { getPermissionLevel?: () => Promise<'granted' | 'denied'> };
  action?: { getUserSettings?: () => Promise<{ isOnToolbar?: boolean }> };
};

async function optional<T>(read: (() => Promise<T>) | undefined): Promise<T | undefined> {
  try {
    return read ? await read() : undefined;
  } catch {
    return undefined;
  }
}

/** A GET of the portal's console page: does the link the notifications open lead anywhere? */
async function probeConsole(url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    // No cookies: only whether the page exists is asked, not who is signed in to it.
    const response = await fetch(url, { credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(8_000) });
    return { ok: response.status < 500, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.name : 'network error' };
  }
}

export async function gatherReachability(now = Date.now()): Promise<ReachabilityFacts> {
  const api = browser as unknown as MaybeChrome;
  const [session, token, poll, operator] = await Promise.all([
    readSession(),
    readToken(),
    readMeta('poll'),
    readMeta('operator'),
  ]);
  const notifications = await optional(api.notifications?.getPermissionLevel?.bind(api.notifications));
  const settings = await optional(api.action?.getUserSettings?.bind(api.action));
  const hosts =
    session.salesiqHost && session.accountsHost
      ? [`https://${session.accountsHost}/*`, `https://${session.salesiqHost}/*`]
      : [...ZOHO_HOST_PERMISSIONS];
  const hostAccess = (await optional(() => browser.permissions.contains({ origins: hosts }))) ?? false;
  const signedIn = session.state === 'signed-in';
  const screen = session.portal?.screen;
  return {
    checkedAt: now,
    version: browser.runtime.getManifest().version,
    browser: import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome',
    userAgent: navigator.userAgent,
    notifications,
    pinned: settings?.isOnToolbar,
    session: session.state,
    dataCentre: session.location,
    tokenExpiresInSec: token ? Math.round((token.expiresAt - now) / 1000) : undefined,
    lastSuccessAt: poll?.lastSuccessAt,
    lastError: poll?.error ? { kind: poll.error.kind, at: poll.error.at } : undefined,
    cadenceMs: signedIn
      ? nextPollDelayMs({
          status: operator?.status,
          pagesVisible: false,
          failures: poll?.failures ?? 0,
          errorKind: poll?.error?.kind,
          random: () => 1,
        })
      : undefined,
    operatorStatus: signedIn ? operator?.status : undefined,
    console:
      signedIn && session.salesiqHost && screen
        ? await probeConsole(consoleUrl(session.salesiqHost, screen))
        : undefined,
    hostAccess,
  };
}

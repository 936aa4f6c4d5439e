import { spokenWait } from '../../lib/ui/format';
import type { ReachabilityFacts } from '../../lib/reachability/facts';

/** One line of "Can I be reached?": green, or what is wrong and how to fix it, in words. */
export interface ReachabilityLine {
  id: 'notifications' | 'pinned' | 'signed-in' | 'last-poll' | 'cadence' | 'status' | 'console' | 'hosts';
  label: string;
  ok: boolean;
  /** What we found, in words. */
  detail: string;
  /** How to fix it; present when not ok. */
  fix?: string;
}

/** A poll older than this (with the queue running) means alerts are late. */
const STALE_POLL_MS = 2 * 60_000;

function ago(at: number, now: number): string {
  return `${spokenWait((now - at) / 1000)} ago`;
}

function notificationsLine(f: ReachabilityFacts): ReachabilityLine {
  const os =
    'Also check that your operating system lets the browser show notifications (Windows: Settings → System → Notifications; macOS: System Settings → Notifications) and that Do Not Disturb is off.';
  if (f.notifications === 'denied') {
    return {
      id: 'notifications',
      label: 'Notifications',
      ok: false,
      detail: 'The browser blocks this extension’s notifications.',
      fix: `Allow them again: open the browser’s notification settings (Chrome: chrome://settings/content/notifications) and remove Operator Companion from “Not allowed”. ${os}`,
    };
  }
  const detail =
    f.notifications === 'granted'
      ? 'The browser allows notifications.'
      : 'The browser does not say whether notifications are allowed.';
  // The operating system's setting is invisible to extensions: say so instead of claiming green for it.
  return {
    id: 'notifications',
    label: 'Notifications',
    ok: true,
    detail: `${detail} The operating system’s setting cannot be seen from here: send a test notification to be sure.`,
  };
}

function pinnedLine(f: ReachabilityFacts): ReachabilityLine {
  if (f.pinned === false) {
    return {
      id: 'pinned',
      label: 'Toolbar icon',
      ok: false,
      detail: 'The icon is not pinned, so the badge with the waiting count is hidden.',
      fix:
        f.browser === 'firefox'
          ? 'Click the puzzle-piece button in the toolbar, then the gear next to Operator Companion → Pin to Toolbar.'
          : 'Click the puzzle-piece (Extensions) button in the toolbar, then the pin next to Operator Companion.',
    };
  }
  return {
    id: 'pinned',
    label: 'Toolbar icon',
    ok: true,
    detail: f.pinned
      ? 'Pinned: the badge shows how many chats wait.'
      : 'This browser does not tell extensions whether their icon is pinned; make sure you can see it.',
  };
}

function signedInLine(f: ReachabilityFacts): ReachabilityLine {
  if (f.session !== 'signed-in') {
    const expired = f.session === 'expired';
    return {
      id: 'signed-in',
      label: 'Signed in',
      ok: false,
      detail: expired ? 'Your Zoho sign-in expired and could not be renewed.' : 'You are not signed in to Zoho.',
      fix: 'Open the toolbar popup (or Settings → Account) and click “Sign in with Zoho”.',
    };
  }
  const token =
    f.tokenExpiresInSec !== undefined && f.tokenExpiresInSec > 0
      ? `The access token is valid for ${spokenWait(f.tokenExpiresInSec)} more and renews on its own.`
      : 'The access token renews on its own at the next check.';
  return {
    id: 'signed-in',
    label: 'Signed in',
    ok: true,
    detail: `Signed in${f.dataCentre ? ` (Zoho data centre ${f.dataCentre.toUpperCase()})` : ''}. ${token}`,
  };
}

function lastPollLine(f: ReachabilityFacts): ReachabilityLine {
  const label = 'Last successful check';
  if (f.session !== 'signed-in')
    return { id: 'last-poll', label, ok: false, detail: 'No checks while signed out.', fix: 'Sign in first.' };
  if (!f.lastSuccessAt) {
    return {
      id: 'last-poll',
      label,
      ok: false,
      detail: 'SalesIQ has not answered yet.',
      fix: f.lastError
        ? `The last try failed (${f.lastError.kind}). Open the popup and click “Retry now”; if it keeps failing, check your connection.`
        : 'Wait a few seconds, then check again.',
    };
  }
  const stale = f.checkedAt - f.lastSuccessAt > STALE_POLL_MS;
  return {
    id: 'last-poll',
    label,
    ok: !stale,
    detail: `SalesIQ last answered ${ago(f.lastSuccessAt, f.checkedAt)}.${f.lastError ? ` The latest try failed (${f.lastError.kind}).` : ''}`,
    fix: stale
      ? 'Open the popup and click “Retry now”. If the browser was asleep, this fixes itself within 30 seconds.'
      : undefined,
  };
}

function cadenceLine(f: ReachabilityFacts): ReachabilityLine {
  const label = 'How often it checks';
  if (f.cadenceMs === undefined)
    return { id: 'cadence', label, ok: false, detail: 'Not checking: signed out.', fix: 'Sign in first.' };
  const every = spokenWait(Math.round(f.cadenceMs / 1000));
  if (f.lastError) {
    return {
      id: 'cadence',
      label,
      ok: false,
      detail: `Waiting about ${every} before trying again after an error (${f.lastError.kind}).`,
      fix: 'Open the popup and click “Retry now”.',
    };
  }
  return { id: 'cadence', label, ok: true, detail: `Every ${every} (faster while the popup or side panel is open).` };
}

function statusLine(f: ReachabilityFacts): ReachabilityLine {
  const label = 'Your status in SalesIQ';
  if (f.operatorStatus === 'available')
    return { id: 'status', label, ok: true, detail: 'Available: SalesIQ can route chats to you.' };
  if (f.operatorStatus === 'busy') {
    return {
      id: 'status',
      label,
      ok: false,
      detail: 'Busy: SalesIQ routes no new chats to you, and checks slow to once a minute.',
      fix: 'Switch to Available in the popup’s status switch.',
    };
  }
  return {
    id: 'status',
    label,
    ok: false,
    detail: f.operatorStatus ? 'Neither Available nor Busy.' : 'Not known yet.',
    fix: 'Open the popup and choose Available.',
  };
}

function consoleLine(f: ReachabilityFacts): ReachabilityLine {
  const label = 'SalesIQ console link';
  if (!f.console) return { id: 'console', label, ok: false, detail: 'Not checked: signed out.', fix: 'Sign in first.' };
  return f.console.ok
    ? {
        id: 'console',
        label,
        ok: true,
        detail: `Your portal’s console answers (${f.console.detail}): “Open in SalesIQ” leads there.`,
      }
    : {
        id: 'console',
        label,
        ok: false,
        detail: `Your portal’s console did not answer (${f.console.detail}).`,
        fix: 'Check your connection, or open SalesIQ yourself in a tab to see whether Zoho is reachable.',
      };
}

function hostsLine(f: ReachabilityFacts): ReachabilityLine {
  const label = 'Access to Zoho';
  return f.hostAccess
    ? { id: 'hosts', label, ok: true, detail: 'The extension may talk to your Zoho data centre.' }
    : {
        id: 'hosts',
        label,
        ok: false,
        detail: 'The browser does not let the extension reach Zoho’s sites.',
        fix:
          f.browser === 'firefox'
            ? 'Open about:addons → Operator Companion → Permissions, and turn on access to the Zoho sites.'
            : 'Open chrome://extensions → Operator Companion → Details → Site access, and allow the Zoho sites.',
      };
}

export function describeReachability(facts: ReachabilityFacts): ReachabilityLine[] {
  return [
    notificationsLine,
    pinnedLine,
    signedInLine,
    lastPollLine,
    cadenceLine,
    statusLine,
    consoleLine,
    hostsLine,
  ].map((line) => line(facts));
}

/**
 * The text an operator pastes into a support request: the lines and a few versions. Built from
 * the facts only, which hold no token and no visitor data; the user agent is the browser's own.
 */
export function reachabilityReport(facts: ReachabilityFacts): string {
  const lines = describeReachability(facts).map(
    (line) => `${line.ok ? '[ok]  ' : '[fix] '}${line.label}: ${line.detail}${line.fix ? ` → ${line.fix}` : ''}`,
  );
  return [
    `Operator Companion ${facts.version} (${facts.browser}) — Can I be reached? ${new Date(facts.checkedAt).toISOString()}`,
    `Browser: ${facts.userAgent}`,
    ...lines,
  ].join('\n');
}

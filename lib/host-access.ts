import { browser } from 'wxt/browser';
import { readMeta, writeMeta, type SessionInfo } from './db';

/**
 * Chrome lets a user turn off an extension's site access for hosts it declared. Without access
 * to the signed-in data centre's Zoho hosts every call fails like a network error, and the popup
 * would say "SalesIQ cannot be reached" forever. The background checks the access
 * (permissions.contains) at worker start, when permissions change, and after a failed poll, and
 * stores which hosts are missing where the pages read it (meta `hostAccess`); the pages say so in
 * plain words and ask for it again from the operator's click (permissions.request needs one).
 */

/** The Zoho hosts the signed-in session needs: its accounts and SalesIQ hosts. */
export function neededOrigins(
  session: Pick<SessionInfo, 'state' | 'accountsHost' | 'salesiqHost'> | undefined,
): string[] {
  if (!session || session.state === 'signed-out') return [];
  return [session.accountsHost, session.salesiqHost]
    .filter((host): host is string => !!host)
    .map((host) => `https://${host}/*`);
}

export async function checkHostAccess(now = Date.now()): Promise<string[]> {
  const origins = neededOrigins(await readMeta('session'));
  const missing: string[] = [];
  for (const origin of origins) {
    if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => true))) missing.push(origin);
  }
  const before = await readMeta('hostAccess');
  // Written only when it changes: every meta write makes the open pages re-read.
  if ((before?.missing ?? []).join() !== missing.join()) await writeMeta('hostAccess', { missing, checkedAt: now });
  return missing;
}

import { readSession } from '../auth/session';
import { updateMeta, writeForPortal, type FocusRecord, type FocusSource } from '../db';
import { isSignedInConsole, parseConsoleUrl } from '../salesiq/console-url';

/**
 * Which conversation the side panel shows. The background writes it (pickup, a page's request,
 * a notification click, the SalesIQ console tab); every open panel follows it through its live read.
 */

/** Newer than this, a focus stands; a clock set back further than this must not freeze the panel. */
const OUT_OF_ORDER_MS = 60_000;

/** Whether a focus already written is newer than a reason from `now` (which then loses). */
const newerThan = (current: FocusRecord | undefined, now: number) =>
  !!current && current.at > now && current.at - now < OUT_OF_ORDER_MS;

/**
 * The newest reason wins: two quick pickups finish their bookkeeping in any order, and the older
 * one landing last must not pull the panel back from the chat picked up after it.
 */
export async function setFocus(conversationId: string, source: FocusSource, now = Date.now()): Promise<FocusRecord> {
  return updateMeta('focus', (current) => (newerThan(current, now) ? current! : { conversationId, source, at: now }));
}

/**
 * A SalesIQ console tab became active or navigated. Only the signed-in portal's console counts,
 * and re-showing the conversation already in focus writes nothing (tab events repeat a lot).
 */
export async function followConsoleUrl(url: string | undefined, now = Date.now()): Promise<FocusRecord | undefined> {
  const location = parseConsoleUrl(url);
  if (!location?.conversationId) return undefined;
  const session = await readSession();
  if (!isSignedInConsole(location, session) || !session.portal) return undefined;
  const conversationId = location.conversationId;
  let changed: FocusRecord | undefined;
  // Checked again as it is written: a sign-out meanwhile must not leave the old account's chat in focus.
  await writeForPortal(session.portal.screen, [], () =>
    updateMeta('focus', (current) => {
      if (current?.conversationId === conversationId) return current;
      // Tab events are handled concurrently (each reads the session first), so an older one can
      // land last: the first chat's tab finishing its load after the next pickup, or after the
      // tab moved on to the next chat, must not pull the panel back to it.
      if (newerThan(current, now)) return current!;
      changed = { conversationId, source: 'console-tab', at: now };
      return changed;
    }),
  );
  return changed;
}

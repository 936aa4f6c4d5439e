/**
 * Where a conversation lives in the SalesIQ operator console. Zoho does not document deep links
 * (not documented by Zoho); this is the one place to change if the pattern differs.
 */
export function consoleUrl(salesiqHost: string, screen: string, conversationId?: string): string {
  const base = `https://${salesiqHost}/${encodeURIComponent(screen)}`;
  return conversationId ? `${base}/mychats/${encodeURIComponent(conversationId)}` : base;
}

/** Match pattern for any console tab of this portal (host permissions let us see these URLs). */
export function consoleTabPattern(salesiqHost: string, screen: string): string {
  return `https://${salesiqHost}/${screen}*`;
}

/** Console sections whose next path segment is a conversation id (the deep link above uses mychats). */
const CHAT_SECTIONS = new Set(['mychats', 'allchats', 'chats', 'conversations']);

export interface ConsoleLocation {
  host: string;
  screen: string;
  conversationId?: string;
}

/**
 * The reverse of consoleUrl: which portal and conversation a SalesIQ console tab shows.
 * Anything that is not an https SalesIQ page (API calls, other sites, malformed URLs) is undefined.
 */
export function parseConsoleUrl(raw: string | undefined): ConsoleLocation | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !url.hostname.startsWith('salesiq.')) return undefined;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return '';
      }
    });
  const [screen, section, id] = segments;
  if (!screen || screen === 'api' || !/^[\w.-]+$/.test(screen)) return undefined;
  const conversationId =
    section && CHAT_SECTIONS.has(section.toLowerCase()) && id && /^[\w$.:-]{1,80}$/.test(id) ? id : undefined;
  return { host: url.hostname.toLowerCase(), screen, conversationId };
}

/**
 * The one "is this the signed-in portal's console" check: the tab shows the portal the operator is
 * signed in to, on their own data centre's SalesIQ host. Inserting canned text (filled from this
 * portal's chat), expanding shortcuts and following the console tab all act only there: never in
 * another portal's, another account's or another data centre's console.
 */
export function isSignedInConsole(
  location: ConsoleLocation | undefined,
  // The session's shape, spelled out: lib/salesiq knows SalesIQ, not the extension's records.
  session: { state: string; salesiqHost?: string; portal?: { screen: string } } | undefined,
): location is ConsoleLocation {
  if (!location || session?.state !== 'signed-in' || !session.portal || !session.salesiqHost) return false;
  return location.host === session.salesiqHost.toLowerCase() && location.screen === session.portal.screen;
}

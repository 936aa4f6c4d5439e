/**
 * Where a conversation lives in the SalesIQ operator console. Zoho does not document deep links
 * ([?] in ../shared/salesiq-api.md); this is the one place to change if the pattern differs.
 */
export function consoleUrl(salesiqHost: string, screen: string, conversationId?: string): string {
  const base = `https://${salesiqHost}/${encodeURIComponent(screen)}`;
  return conversationId ? `${base}/mychats/${encodeURIComponent(conversationId)}` : base;
}

/** Match pattern for any console tab of this portal (host permissions let us see these URLs). */
export function consoleTabPattern(salesiqHost: string, screen: string): string {
  return `https://${salesiqHost}/${screen}*`;
}

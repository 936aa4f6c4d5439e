import { sessionValue } from '../browser/stored-value';

/**
 * The access token lives in storage.session: memory only, gone when the browser closes, never
 * synced, never logged. After a restart the background renews silently instead.
 */
export interface StoredToken {
  accessToken: string;
  expiresAt: number;
  issuedAt: number;
  location: string;
}

/** Read before every request to Zoho: kept in memory between changes (stored-value.ts). */
const stored = sessionValue<StoredToken>('zohoToken');

export function readToken(): Promise<StoredToken | undefined> {
  return stored.read();
}

export function saveToken(token: StoredToken): Promise<void> {
  return stored.write(token);
}

export function clearToken(): Promise<void> {
  return stored.remove();
}

/** Renew when 80 % of the lifetime has passed (at most 5 minutes early): short-lived test tokens too. */
export function needsRenewal(token: StoredToken, now = Date.now()): boolean {
  const lifetime = token.expiresAt - token.issuedAt;
  const margin = Math.min(5 * 60_000, lifetime * 0.2);
  return now >= token.expiresAt - margin;
}

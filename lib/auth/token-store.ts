import { browser } from 'wxt/browser';

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

const KEY = 'zohoToken';

export async function readToken(): Promise<StoredToken | undefined> {
  return (await browser.storage.session.get(KEY))[KEY] as StoredToken | undefined;
}

export async function saveToken(token: StoredToken): Promise<void> {
  await browser.storage.session.set({ [KEY]: token });
}

export async function clearToken(): Promise<void> {
  await browser.storage.session.remove(KEY);
}

/** Renew when 80 % of the lifetime has passed (at most 5 minutes early): short-lived test tokens too. */
export function needsRenewal(token: StoredToken, now = Date.now()): boolean {
  const lifetime = token.expiresAt - token.issuedAt;
  const margin = Math.min(5 * 60_000, lifetime * 0.2);
  return now >= token.expiresAt - margin;
}

import { readMeta, updateMeta, type SessionInfo } from '../db';

/** The session record in IndexedDB (non-secret facts pages may show); the token is elsewhere. */
export async function readSession(): Promise<SessionInfo> {
  return (await readMeta('session')) ?? { state: 'signed-out', updatedAt: 0 };
}

export async function setSession(patch: Partial<SessionInfo>): Promise<SessionInfo> {
  return updateMeta('session', (current) => ({ state: 'signed-out', ...current, ...patch, updatedAt: Date.now() }));
}

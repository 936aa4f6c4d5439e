import { db } from '../db';

/** Count a use made through the extension; ranking picks it up at once through liveQuery. */
export async function recordCannedUse(id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.cannedUses, async () => {
    const current = await db.cannedUses.get(id);
    await db.cannedUses.put({ id, count: (current?.count ?? 0) + 1, lastUsedAt: now });
  });
}

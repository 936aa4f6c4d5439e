import { db } from '../db';

/** Count a use made through the extension; pages re-rank at once (lib/db-changes.ts). */
export async function recordCannedUse(id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.cannedUses, async () => {
    const current = await db.cannedUses.get(id);
    await db.cannedUses.put({ id, count: (current?.count ?? 0) + 1, lastUsedAt: now });
  });
}

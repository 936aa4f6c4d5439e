import { db, type AlertRecord } from '../db';

/** The alert log: one record per chat, each milestone stamped once (the first time wins). */
type Milestone =
  'notifiedAt' | 'escalatedAt' | 'clickedAt' | 'pickedUpAt' | 'missedAt' | 'takenByOtherAt' | 'endedAt' | 'withdrawnAt';

export async function recordFirstSeen(
  entries: Pick<AlertRecord, 'conversationId' | 'portal' | 'startTime'>[],
  now = Date.now(),
) {
  if (!entries.length) return;
  await db.transaction('rw', db.alerts, async () => {
    const existing = await db.alerts.bulkGet(entries.map((e) => e.conversationId));
    const fresh = entries.filter((_, i) => !existing[i]).map((e) => ({ ...e, firstSeenAt: now }));
    if (fresh.length) await db.alerts.bulkPut(fresh);
  });
}

/** Stamp a milestone unless it is already stamped. Returns true when this call stamped it. */
export async function stamp(
  conversationId: string,
  milestone: Milestone,
  extra: Partial<AlertRecord> = {},
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.alerts, async () => {
    const record = await db.alerts.get(conversationId);
    if (!record || record[milestone]) return false;
    await db.alerts.put({ ...record, ...extra, [milestone]: now });
    return true;
  });
}

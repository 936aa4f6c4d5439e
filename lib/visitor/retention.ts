import { browser } from 'wxt/browser';
import { db } from '../db';
import { DEFAULT_SETTINGS, getSettings } from '../settings';

/**
 * Visitor details are personal data: the cache keeps each record at most `visitorRetentionDays`
 * after SalesIQ last sent it. The queue's chats (visitor names, emails, questions) and alert log
 * follow the same limit; a chat still waiting is never purged, the queue needs it. The background
 * purges at every start and once a day by alarm; sign-out clears everything anyway (wipeAccountData).
 */
export const PURGE_ALARM = 'purge-visitors';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  visitors: number;
  history: number;
  transcripts: number;
  chats: number;
  alerts: number;
}

function retentionDays(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_SETTINGS.visitorRetentionDays;
}

export async function purgeVisitorData(now = Date.now(), days?: number): Promise<PurgeResult> {
  const cutoff = now - retentionDays(days ?? (await getSettings()).visitorRetentionDays) * DAY_MS;
  return db.transaction('rw', [db.visitors, db.history, db.transcripts, db.chats, db.alerts], async () => ({
    visitors: await db.visitors.where('savedAt').below(cutoff).delete(),
    history: await db.history.where('savedAt').below(cutoff).delete(),
    transcripts: await db.transcripts.where('savedAt').below(cutoff).delete(),
    chats: await db.chats.filter((chat) => chat.status !== 'waiting' && chat.updatedAt < cutoff).delete(),
    alerts: await db.alerts.where('firstSeenAt').below(cutoff).delete(),
  }));
}

/** Alarms can be lost across browser restarts: re-created at every worker start. */
export async function ensurePurgeAlarm(): Promise<void> {
  if (!(await browser.alarms.get(PURGE_ALARM))) {
    await browser.alarms.create(PURGE_ALARM, { delayInMinutes: 24 * 60, periodInMinutes: 24 * 60 });
  }
}

export async function startVisitorRetention(): Promise<void> {
  await ensurePurgeAlarm();
  await purgeVisitorData();
}

import { browser } from 'wxt/browser';
import { db, readMeta, type ChatRecord } from '../db';
import { activePortal } from '../records';
import { DEFAULT_SETTINGS, getSettings } from '../settings';

/**
 * Visitor details are personal data: the cache keeps each record at most `visitorRetentionDays`
 * after SalesIQ last sent it. The queue's chats (visitor names, emails, questions) and alert log
 * follow the same limit. A chat still "waiting" is kept only while a poll can settle it, i.e. it
 * belongs to the portal signed in now: one of another portal (after a switch), or of a session
 * left expired, would otherwise keep the visitor's details with no end date.
 * The background purges at every start and once a day by alarm; sign-out clears everything anyway.
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
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : DEFAULT_SETTINGS.visitorRetentionDays;
}

export async function purgeVisitorData(now = Date.now(), days?: number): Promise<PurgeResult> {
  const cutoff = now - retentionDays(days ?? (await getSettings()).visitorRetentionDays) * DAY_MS;
  return db.transaction('rw', [db.meta, db.visitors, db.history, db.transcripts, db.chats, db.alerts], async () => {
    const session = await readMeta('session');
    const polledPortal = activePortal(session)?.screen;
    const settledByPoll = (chat: ChatRecord) => chat.status === 'waiting' && chat.portal === polledPortal;
    return {
      visitors: await db.visitors.where('savedAt').below(cutoff).delete(),
      history: await db.history.where('savedAt').below(cutoff).delete(),
      transcripts: await db.transcripts.where('savedAt').below(cutoff).delete(),
      chats: await db.chats.filter((chat) => chat.updatedAt < cutoff && !settledByPoll(chat)).delete(),
      alerts: await db.alerts.where('firstSeenAt').below(cutoff).delete(),
    };
  });
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

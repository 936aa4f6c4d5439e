import { db, type AlertRecord, type ChatRecord } from '../db';
import { inQuietHours, type Settings } from '../settings';
import { stamp } from './alert-log';
import { chatNotificationIds, showChatNotification, withdrawNotification } from './notifications';
import type { PollResult } from './poll';
import { playChime } from './sound';

/**
 * When a waiting chat is notified, escalated or withdrawn. Times are on SalesIQ's clock: a chat's
 * `startTime` is SalesIQ's, so `serverNow` is "now" there (lib/salesiq/server-clock.ts).
 * "Once" is decided by the alert log, stamped only after the notification was shown, so a poll
 * that failed half-way cannot swallow a chat's first alert.
 */
export type AlertStep = 'notify' | 'escalate' | undefined;

/** What one waiting chat needs now, from its wait and what the alert log says was done. */
export function alertStep(
  waitedSec: number,
  record: Pick<AlertRecord, 'notifiedAt' | 'escalatedAt'>,
  settings: Pick<Settings, 'escalateAfterSec' | 'missedAfterSec'>,
): AlertStep {
  const escalate = waitedSec >= settings.escalateAfterSec && waitedSec < settings.missedAfterSec;
  if (escalate && !record.escalatedAt) return 'escalate';
  if (!record.notifiedAt) return 'notify';
  return undefined;
}

/** Still waiting for an operator, as IndexedDB says now (a pickup may have landed since the poll). */
async function stillWaiting(conversationId: string): Promise<boolean> {
  return isWaiting(await db.chats.get(conversationId));
}

export async function alertWaitingChats(
  result: PollResult,
  settings: Settings,
  serverNow: number,
  localNow = Date.now(),
): Promise<void> {
  const quiet = inQuietHours(settings.quietHours, new Date(localNow));
  const log = await db.alerts.bulkGet(result.waiting.map((c) => c.id));
  // One chime a turn, however many chats escalate in it: a burst of chats crossing the line
  // together must not play a burst of overlapping chimes. It plays with the turn's first
  // escalation, so a later failure in the turn cannot take it back.
  let chimeDue = settings.sound && !quiet;
  const onScreen = new Set(await chatNotificationIds());
  for (const [i, chat] of result.waiting.entries()) {
    const record = log[i];
    // No log record: the account's data was wiped (sign-out) after this poll merged.
    if (!record) continue;
    const waitedSec = Math.max(0, (serverNow - chat.startTime) / 1000);
    const step = alertStep(waitedSec, record, settings);
    if (!step) continue;
    // Re-read right before showing: a pickup that landed after the poll merged wins.
    if (!(await stillWaiting(chat.id))) continue;
    // Already on screen but not stamped: the worker stopped between showing and stamping. Showing
    // it again would pop it up twice; only stamp. (A plain notification on screen when escalation
    // is due is still replaced by the escalated one.)
    const shownBefore = onScreen.has(chat.id) && (step === 'notify' || !record.notifiedAt);
    if (!shownBefore) await notify(chat, settings, { escalated: step === 'escalate', quiet, waitedSec });
    // A pickup may have landed while the notification was being shown: take it back at once.
    if (!(await stillWaiting(chat.id))) {
      await withdrawNotification(chat.id);
      continue;
    }
    if (step === 'escalate') {
      await stamp(chat.id, 'escalatedAt', record.notifiedAt ? {} : { notifiedAt: localNow }, localNow);
      if (chimeDue && !shownBefore) {
        chimeDue = false;
        await playChime().catch((e) => console.warn('Chime failed:', String(e)));
      }
    } else {
      await stamp(chat.id, 'notifiedAt', {}, localNow);
    }
  }
  for (const { chat } of result.gone) {
    await withdrawNotification(chat.id);
    await stamp(chat.id, 'withdrawnAt', {}, localNow);
  }
}

/**
 * Every chat notification on screen whose chat is not waiting any more goes, whatever took it
 * out of the queue (a pickup here or in the console, a colleague, a wipe, a lost turn).
 */
export async function withdrawStaleNotifications(): Promise<void> {
  const shown = await chatNotificationIds();
  if (!shown.length) return;
  const chats = await db.chats.bulkGet(shown);
  await Promise.all(
    shown.filter((_, i) => !isWaiting(chats[i])).map((conversationId) => withdrawNotification(conversationId)),
  );
}

function isWaiting(chat: ChatRecord | undefined): boolean {
  return !!chat && chat.status === 'waiting' && chat.pickedUpAt === undefined;
}

async function notify(
  chat: ChatRecord,
  settings: Settings,
  { escalated, quiet, waitedSec }: { escalated: boolean; quiet: boolean; waitedSec: number },
): Promise<void> {
  await showChatNotification({
    chat,
    escalated,
    hideVisitorText: settings.hideVisitorText,
    // Sound off or quiet hours: the notification itself is silent too.
    silent: !settings.sound || quiet,
    waitedSec: Math.round(waitedSec),
  });
}

import { browser } from 'wxt/browser';
import { readSession } from '../auth/session';
import { SessionChanged, db, readMeta, updateMeta, type ChatRecord, type PollState } from '../db';
import { asSalesIQError } from '../salesiq/errors';
import { checkHostAccess } from '../host-access';
import { getSettings, inQuietHours, type Settings } from '../settings';
import { stamp } from './alert-log';
import { renderBadge } from './badge';
import { VISIBLE_INTERVAL_MS, nextPollDelayMs } from './cadence';
import { showChatNotification, withdrawNotification } from './notifications';
import { refreshOperatorStatus } from './operator-status';
import { pollWaitingChats, type PollResult } from './poll';
import { playChime } from './sound';

/**
 * One turn of the queue: poll (unless backing off), alert, render the badge, schedule the next
 * turn. Alarms (every 30 s) restart the loop after the worker was stopped; between alarms a
 * timer runs the next poll, and every turn does real work, so no keep-alive pings are needed.
 * Nothing here lives only in memory except the timer handle and the running turn.
 */
export type TickReason = 'alarm' | 'timer' | 'startup' | 'visible' | 'manual';

export const POLL_ALARM = 'poll';
const STATUS_CHECK_EVERY_MS = 120_000;
const PAGES_VISIBLE_KEY = 'pagesVisibleUntil';

let running: Promise<void> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export function runTick(reason: TickReason): Promise<void> {
  running ??= tick(reason).finally(() => {
    running = undefined;
  });
  return running;
}

export async function ensurePollAlarm(): Promise<void> {
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 0.5 });
  }
}

export async function stopPolling(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  await browser.alarms.clear(POLL_ALARM);
}

export async function markPageVisible(now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [PAGES_VISIBLE_KEY]: now + 15_000 });
}

async function pagesVisible(now: number): Promise<boolean> {
  const until = (await browser.storage.session.get(PAGES_VISIBLE_KEY))[PAGES_VISIBLE_KEY] as number | undefined;
  return !!until && until > now;
}

/**
 * Alarms, timers and worker starts keep the cadence and never cut a backoff short; an open page
 * asks for fresh data unless we are backing off; "Retry now" may cut a backoff, except a 429's.
 */
function isDue(reason: TickReason, poll: PollState | undefined, now: number): boolean {
  const pending = poll?.nextPollAt !== undefined && poll.nextPollAt > now + 250;
  const backingOff = pending && !!poll?.error;
  switch (reason) {
    case 'manual':
      return !(backingOff && poll?.error?.kind === 'rate-limited');
    case 'visible':
      return !backingOff && !(poll?.lastSuccessAt && now - poll.lastSuccessAt < VISIBLE_INTERVAL_MS);
    default:
      return !pending;
  }
}

function schedule(delayMs: number): void {
  if (timer) clearTimeout(timer);
  // Beyond the alarm period the alarm wakes us anyway; a long timer would only hold the worker.
  timer = delayMs < 30_000 ? setTimeout(() => void runTick('timer'), delayMs) : undefined;
}

async function tick(reason: TickReason): Promise<void> {
  const now = Date.now();
  const session = await readSession();
  const settings = await getSettings();
  if (session.state !== 'signed-in') {
    await stopPolling();
    await renderBadge(settings, now);
    return;
  }
  await ensurePollAlarm();

  const poll = await readMeta('poll');
  if (!isDue(reason, poll, now)) {
    await renderBadge(settings, now);
    if (poll?.nextPollAt) schedule(Math.max(0, poll.nextPollAt - now));
    return;
  }

  let errorKind: ReturnType<typeof asSalesIQError>['kind'] | undefined;
  let retryAfterMs: number | undefined;
  // What this turn did to the poll state. It is written once, with the next poll's time: every
  // write wakes the open pages' reads of the meta table.
  let outcome: (p: PollState | undefined) => PollState;
  try {
    const result = await pollWaitingChats(now);
    await alert(result, settings, now);
    const checkStatus = !poll?.lastStatusCheckAt || now - poll.lastStatusCheckAt >= STATUS_CHECK_EVERY_MS;
    if (checkStatus) await refreshOperatorStatus(now).catch(() => undefined);
    outcome = (p) => ({
      ...p,
      lastAttemptAt: now,
      lastSuccessAt: Date.now(),
      lastStatusCheckAt: checkStatus ? now : p?.lastStatusCheckAt,
      failures: 0,
      error: undefined,
      skipped: result.skipped,
    });
  } catch (caught) {
    if (caught instanceof SessionChanged) {
      // Signed out or switched portal mid-poll: not an error; the next turn sees the new session.
      schedule(250);
      return;
    }
    const error = asSalesIQError(caught);
    if (error.kind === 'network') await checkHostAccess(now).catch(() => undefined); // site access turned off?
    errorKind = error.kind;
    retryAfterMs = error.retryAfterMs;
    outcome = (p) => ({
      ...p,
      lastAttemptAt: now,
      failures: (p?.failures ?? 0) + 1,
      error: { kind: error.kind, message: error.message, at: now },
    });
    if (error.kind === 'auth') {
      await updateMeta('poll', outcome);
      await renderBadge(settings, now);
      return; // the session is signed out or expired: nothing to schedule
    }
  }

  const status = (await readMeta('operator'))?.status;
  const visible = await pagesVisible(now);
  const written = await updateMeta('poll', (p) => {
    const next = outcome(p);
    const delay = nextPollDelayMs({ status, pagesVisible: visible, failures: next.failures, errorKind, retryAfterMs });
    return { ...next, nextPollAt: Date.now() + delay };
  });
  await renderBadge(settings, Date.now());
  schedule(Math.max(0, (written.nextPollAt ?? 0) - Date.now()));
}

/**
 * Notify each waiting chat once, escalate the long-waiting once, withdraw what left the queue.
 * "Once" is decided by the alert log, stamped only after the notification was shown, so a poll
 * that failed half-way cannot swallow a chat's first alert.
 */
async function alert(result: PollResult, settings: Settings, now: number): Promise<void> {
  const quiet = inQuietHours(settings.quietHours, new Date(now));
  const log = await db.alerts.bulkGet(result.waiting.map((c) => c.id));
  // One chime a turn, however many chats escalate in it: a burst of chats crossing the line
  // together must not play a burst of overlapping chimes. It plays with the turn's first
  // escalation, so a later failure in the turn cannot take it back.
  let chimeDue = settings.sound && !quiet;
  for (const [i, chat] of result.waiting.entries()) {
    const record = log[i];
    // No log record: the account's data was wiped (sign-out) after this poll merged.
    if (!record) continue;
    const waitedSec = (now - chat.startTime) / 1000;
    const escalate = waitedSec >= settings.escalateAfterSec && waitedSec < settings.missedAfterSec;
    if (escalate && !record?.escalatedAt) {
      await notify(chat, settings, { escalated: true, quiet }, now);
      await stamp(chat.id, 'escalatedAt', record?.notifiedAt ? {} : { notifiedAt: now }, now);
      if (chimeDue) {
        chimeDue = false;
        await playChime().catch((e) => console.warn('Chime failed:', String(e)));
      }
    } else if (!record?.notifiedAt) {
      await notify(chat, settings, { escalated: false, quiet }, now);
      await stamp(chat.id, 'notifiedAt', {}, now);
    }
  }
  for (const { chat } of result.gone) {
    await withdrawNotification(chat.id);
    await stamp(chat.id, 'withdrawnAt', {}, now);
  }
}

async function notify(chat: ChatRecord, settings: Settings, { escalated, quiet }: { escalated: boolean; quiet: boolean }, now: number): Promise<void> {
  await showChatNotification({
    chat,
    escalated,
    hideVisitorText: settings.hideVisitorText,
    // Sound off or quiet hours: the notification itself is silent too.
    silent: !settings.sound || quiet,
    waitedSec: Math.round((now - chat.startTime) / 1000),
  });
}

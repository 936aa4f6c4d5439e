import { browser } from 'wxt/browser';
import { readSession } from '../auth/session';
import { SessionChanged, readMeta, updateMeta, type PollState } from '../db';
import { asSalesIQError } from '../salesiq/errors';
import { checkHostAccess } from '../host-access';
import { salesiqNow, serverClockOffsetMs } from '../salesiq/server-clock';
import { getSettings, type Settings } from '../settings';
import { alertWaitingChats, withdrawStaleNotifications } from './alert-policy';
import { renderBadge } from './badge';
import { VISIBLE_INTERVAL_MS, ceilingIntervalMs, nextPollDelayMs } from './cadence';
import { updateDeliveryNotice } from './delivery-notice';
import { FAILING_NOTICE_AFTER_MS } from './delivery-problem';
import { refreshOperatorStatus, statusCheckDue } from './operator-status';
import { pollWaitingChats } from './poll';
import { screenLocked } from '../browser/screen-lock';
import { runMyChatsTurn } from '../my-chats/turn';
import { myChatsListCalls } from '../my-chats/cost';
import { sessionValue } from '../browser/stored-value';

/**
 * One turn of the queue: poll (unless backing off), alert, render the badge, schedule the next
 * turn. Alarms (every 30 s) restart the loop after the worker was stopped; between alarms a
 * timer runs the next poll, and every turn does real work, so no keep-alive pings are needed.
 * Nothing here lives only in memory except the timer handle and the running turn.
 */
export type TickReason = 'alarm' | 'timer' | 'startup' | 'visible' | 'still-visible' | 'manual' | 'online' | 'unlock';

export const POLL_ALARM = 'poll';
const PAGES_VISIBLE_KEY = 'pagesVisibleUntil';
/**
 * A turn running longer than this is stuck (e.g. behind a hung renewal): callers stop waiting for
 * it and the next tick starts a new turn. Above the request timeout (15 s), so a single slow request
 * ends its own turn first.
 */
export const TURN_DEADLINE_MS = 20_000;

let running: { done: Promise<void>; startedAt: number } | undefined;
/** The newest turn; only it may schedule the next one, so a stuck turn cannot double the timer. */
let currentTurn = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Reasons that poll at once even inside a backoff (see isDue): they must not be lost. */
const CUTS_WAITS: ReadonlySet<TickReason> = new Set(['manual', 'visible', 'online', 'unlock']);
/** One more turn after the running one, for such a reason that arrived while it ran. */
let followUp: { reason: TickReason; done: Promise<void> } | undefined;

export function runTick(reason: TickReason): Promise<void> {
  const live = running && Date.now() - running.startedAt < TURN_DEADLINE_MS ? running : undefined;
  if (live && CUTS_WAITS.has(reason)) {
    // The running turn may be one that found nothing due (an alarm, a worker start inside a
    // backoff): joining it would drop the operator's "poll now". Run one more turn after it.
    if (followUp) {
      if (reason === 'manual') followUp.reason = 'manual'; // the strongest reason wins
      return followUp.done;
    }
    const next: { reason: TickReason; done: Promise<void> } = { reason, done: Promise.resolve() };
    next.done = waitAtMostUntilDeadline(live).then(() => {
      followUp = undefined;
      return runTick(next.reason);
    });
    followUp = next;
    return next.done;
  }
  if (!running || Date.now() - running.startedAt >= TURN_DEADLINE_MS) {
    const turn = ++currentTurn;
    const done = tick(reason, turn).finally(() => {
      if (currentTurn === turn) running = undefined;
    });
    running = { done, startedAt: Date.now() };
  }
  return waitAtMostUntilDeadline(running);
}

function waitAtMostUntilDeadline({ done, startedAt }: { done: Promise<void>; startedAt: number }): Promise<void> {
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<void>((resolve) => {
    deadline = setTimeout(resolve, Math.max(0, startedAt + TURN_DEADLINE_MS - Date.now()));
  });
  return Promise.race([done, expired]).finally(() => clearTimeout(deadline));
}

/** This worker has seen the poll alarm set: every turn asked the browser again before. */
let alarmSet = false;

export async function ensurePollAlarm(): Promise<void> {
  if (alarmSet) return;
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 0.5 });
  }
  alarmSet = true;
}

export async function stopPolling(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  alarmSet = false;
  await browser.alarms.clear(POLL_ALARM);
}

/** Until when an open page asks for the faster cadence; read every turn, so kept in memory too. */
const pagesVisibleUntil = sessionValue<number>(PAGES_VISIBLE_KEY);

export async function markPageVisible(now = Date.now()): Promise<void> {
  await pagesVisibleUntil.write(now + 15_000);
}

async function pagesVisible(now: number): Promise<boolean> {
  const until = await pagesVisibleUntil.read();
  return !!until && until > now;
}

/**
 * Alarms, timers and worker starts keep the cadence and never cut a wait short. The operator
 * opening a page, "Retry now", the network coming back and unlocking the screen poll at once,
 * even inside a network or server-error backoff, but never inside a 429's Retry-After. An open
 * page's heartbeat asks for fresh data, but never inside a backoff.
 */
export function isDue(reason: TickReason, poll: PollState | undefined, now: number, departments = 1): boolean {
  const pending = poll?.nextPollAt !== undefined && poll.nextPollAt > now + 250;
  const rateLimited = pending && poll?.error?.kind === 'rate-limited';
  // An open page polls often, but never past the list-call ceiling (many departments).
  const visibleInterval = Math.max(VISIBLE_INTERVAL_MS, ceilingIntervalMs(departments));
  switch (reason) {
    case 'manual':
    case 'online':
    case 'unlock':
      return !rateLimited;
    case 'visible':
      if (rateLimited) return false;
      return !!poll?.error || !(poll?.lastSuccessAt && now - poll.lastSuccessAt < visibleInterval);
    case 'still-visible':
      if (pending && poll?.error) return false;
      return !(poll?.lastSuccessAt && now - poll.lastSuccessAt < visibleInterval);
    default:
      return !pending;
  }
}

function schedule(delayMs: number, turn: number): void {
  if (turn !== currentTurn) return;
  if (timer) clearTimeout(timer);
  // Beyond the alarm period the alarm wakes us anyway; a long timer would only hold the worker.
  timer = delayMs < 30_000 ? setTimeout(() => void runTick('timer'), delayMs) : undefined;
}

/** Badge and the "cannot deliver" notice from what IndexedDB says now: the end of every turn. */
async function showState(now: number, settings?: Settings): Promise<void> {
  const { session, poll } = await renderBadge(settings, now);
  await updateDeliveryNotice(session, poll, now);
}

/**
 * The "chats cannot reach you" notice is decided at the end of a turn; a backoff longer than the
 * time left before it is due (5xx: up to 60 s) would tell the operator late, so a turn also runs
 * at that moment (a little after, so the rule's `>=` holds).
 */
function untilFailingNotice(poll: PollState, now: number): number {
  if (!poll.error || poll.failingSince === undefined) return Infinity;
  const dueIn = poll.failingSince + FAILING_NOTICE_AFTER_MS - now;
  return dueIn > 0 ? dueIn + 50 : Infinity;
}

async function tick(reason: TickReason, turn: number): Promise<void> {
  const now = Date.now();
  const session = await readSession();
  const settings = await getSettings();
  if (session.state !== 'signed-in') {
    await stopPolling();
    await showState(now, settings);
    return;
  }
  await ensurePollAlarm();

  const poll = await readMeta('poll');
  // List calls a turn makes, the waiting list's and My chats' (lib/my-chats/cadence.ts): the
  // cadence keeps both together under the ceiling.
  const departments = await myChatsListCalls(session);
  if (!isDue(reason, poll, now, departments)) {
    await showState(now, settings);
    if (poll?.nextPollAt) schedule(Math.max(0, poll.nextPollAt - now), turn);
    return;
  }

  let errorKind: ReturnType<typeof asSalesIQError>['kind'] | undefined;
  let retryAfterMs: number | undefined;
  // What this turn did to the poll state. It is written once, with the next poll's time: every
  // write wakes the open pages' reads of the meta table.
  let outcome: (p: PollState | undefined) => PollState;
  try {
    const result = await pollWaitingChats(now);
    // Overtaken (ran past the deadline, a newer turn started): the newer turn alerts and writes
    // the poll state; this one would notify a chat twice or replace a newer outcome with its own.
    if (turn !== currentTurn) return;
    await alertWaitingChats(result, settings, salesiqNow(serverClockOffsetMs(poll?.clockOffsetMs)), now);
    await runMyChatsTurn(settings, now);
    const checkStatus = statusCheckDue({
      reason: reason === 'unlock' ? 'unlock' : 'other',
      screenLocked: await screenLocked(),
      lastCheckAt: poll?.lastStatusCheckAt,
      now,
    });
    if (checkStatus) await refreshOperatorStatus(now).catch(() => undefined);
    outcome = (p) => ({
      ...p,
      lastAttemptAt: now,
      lastSuccessAt: Date.now(),
      lastStatusCheckAt: checkStatus ? now : p?.lastStatusCheckAt,
      failures: 0,
      error: undefined,
      failingSince: undefined,
      skipped: result.skipped,
      clockOffsetMs: serverClockOffsetMs(p?.clockOffsetMs),
    });
  } catch (caught) {
    if (caught instanceof SessionChanged) {
      // Signed out or switched portal mid-poll: not an error; the next turn sees the new session.
      schedule(250, turn);
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
      failingSince: p?.failingSince ?? now,
    });
    if (turn !== currentTurn) return;
    if (error.kind === 'auth') {
      await updateMeta('poll', outcome);
      await showState(now, settings);
      return; // the session is signed out or expired: nothing to schedule
    }
  }
  // Whatever took a chat out of the queue since its notification was shown, it goes now.
  await withdrawStaleNotifications().catch(() => undefined);

  const status = (await readMeta('operator'))?.status;
  const [visible, locked] = await Promise.all([pagesVisible(now), screenLocked()]);
  if (turn !== currentTurn) return;
  const written = await updateMeta('poll', (p) => {
    const next = outcome(p);
    const delay = nextPollDelayMs({
      status,
      pagesVisible: visible,
      screenLocked: locked,
      departments,
      failures: next.failures,
      errorKind,
      retryAfterMs,
    });
    return { ...next, nextPollAt: Date.now() + delay };
  });
  await showState(Date.now(), settings);
  // A turn that is not due only re-checks the notice and reschedules for the poll: no wait is cut.
  schedule(
    Math.max(0, Math.min((written.nextPollAt ?? 0) - Date.now(), untilFailingNotice(written, Date.now()))),
    turn,
  );
}

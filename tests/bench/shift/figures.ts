/**
 * The shift benchmark's figures, computed from what was observed. Pure functions over plain data,
 * so the definitions can be read (and unit-tested) apart from the browser run.
 *
 * Times are this machine's epoch milliseconds. The simulator's clock runs 90 s ahead on the wire,
 * but every time here is taken on this side: when the bench added a chat, when it saw a state
 * change, when a notification was created or seen.
 */

export interface Interval {
  from: number;
  to: number;
}

/**
 * A stretch of the shift when something was wrong, as the bench scripted it.
 * - `blind`: the extension could not learn of chats however well it behaved: the network was
 *   down, the browser was closed, sign-in was needed (renewal refused, until the operator signed
 *   in again), or SalesIQ itself did not answer the list (a 5xx burst, hung requests, the
 *   Retry-After of a 429). Excluded from "waited ≥ 10 s" and "on screen > 10 s after it ended".
 * - not blind (service-worker stops, token revocation with silent renewal): the extension is
 *   expected to ride through them; they only take the minutes around them out of the latency figure.
 */
export interface Disturbance extends Interval {
  label: string;
  blind: boolean;
}

/**
 * The part of a fault's aftermath the extension cannot shorten, added to the blind time:
 * - A stopped service worker runs no code until Chrome starts it again for an event. With no page
 *   open, the first such event is the extension's poll alarm, and Chrome fires alarms at most every
 *   30 s for an installed extension (Chromium's AlarmManager polls its alarms no more often than
 *   the 30 s minimum granularity of packed extensions). So from the stop until DevTools reports the
 *   worker running again, the extension could not learn anything, however well it behaved.
 * - After SalesIQ's own 5xx, the issue asks for an exponential backoff (not the ~8 s network retry):
 *   the extension is told to stay quiet after a burst as after a 429. The blind time runs on to the
 *   first list request after the burst, but at most as long again as the burst lasted plus the 2 s
 *   base wait (a doubling backoff never waits longer than it has been failing, plus its base).
 *   Waiting longer than that counts against the extension.
 */
export function workerAsleep(stops: number[], runningAt: number[], shiftEnd: number): Interval[] {
  return stops.map((from) => ({ from, to: runningAt.find((t) => t > from) ?? shiftEnd }));
}

const BACKOFF_BASE_MS = 2_000;

export function serverErrorBackoff(bursts: Interval[], listRequestsAt: number[]): Interval[] {
  return bursts.map(({ from, to }) => {
    const bound = to + (to - from) + BACKOFF_BASE_MS;
    const next = listRequestsAt.find((t) => t >= to) ?? bound;
    return { from: to, to: Math.min(next, bound) };
  });
}

/** A chat of the shift as the simulator lived it. */
export interface ChatTruth {
  id: string;
  arrivedAt: number;
  /** First moment the bench saw it not waiting (picked up, taken, missed); undefined = still waiting at the end. */
  endedAt?: number;
}

/** One notification creation (from the worker hook) or appearance on screen (from getAll). */
export interface NotificationEvent {
  t: number;
  /** The notification id: `chat:<conversation id>` for a chat's alert. */
  id: string;
  kind: 'alert' | 'escalation' | 'notice' | 'other';
  source: 'create' | 'appear';
  title?: string;
}

/** On-screen presence of one notification id, from polling `notifications.getAll()`. */
export interface Presence extends Interval {
  id: string;
}

export const CHAT_PREFIX = 'chat:';

/**
 * What a chat notification is, from what `create` was asked for (lib/queue/notifications.ts): the
 * escalation's title starts "Still waiting" and it stays on screen (requireInteraction); a notice
 * about a failed action starts "Could not"; anything else under a chat's id is its alert.
 */
export function kindOfTitle(
  title: string | undefined,
  requireInteraction = false,
): NotificationEvent['kind'] | undefined {
  if (title === undefined) return undefined;
  if (/^Still waiting\b/.test(title) || requireInteraction) return 'escalation';
  if (/^Could not\b/i.test(title)) return 'notice';
  return 'alert';
}

/** Merge overlapping intervals. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out.at(-1);
    if (last && next.from <= last.to) last.to = Math.max(last.to, next.to);
    else out.push({ ...next });
  }
  return out;
}

/** Milliseconds of [from, to) outside every interval of `excluded` (already merged). */
export function eligibleMs(from: number, to: number, excluded: Interval[]): number {
  if (to <= from) return 0;
  let covered = 0;
  for (const i of excluded) covered += Math.max(0, Math.min(to, i.to) - Math.max(from, i.from));
  return to - from - covered;
}

/** The moment at which `ms` of eligible time has passed since `from` (Infinity if never before `limit`). */
export function eligibleDeadline(from: number, ms: number, excluded: Interval[], limit: number): number {
  let t = from;
  let left = ms;
  for (const i of excluded) {
    if (i.to <= t) continue;
    if (i.from > t) {
      const free = i.from - t;
      if (free >= left) return t + left <= limit ? t + left : Infinity;
      left -= free;
    }
    t = Math.max(t, i.to);
  }
  return t + left <= limit ? t + left : Infinity;
}

const NOT_NOTIFIED_AFTER_MS = 10_000;
const STALE_AFTER_MS = 10_000;

/**
 * When each chat was first put on screen (alert or escalation, seen created or seen on screen):
 * the latency samples. Notices about a failed action and other notifications do not count.
 */
export function firstShown(events: NotificationEvent[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const e of events) {
    if (!e.id.startsWith(CHAT_PREFIX) || e.kind === 'notice' || e.kind === 'other') continue;
    const chatId = e.id.slice(CHAT_PREFIX.length);
    const known = first.get(chatId);
    if (known === undefined || e.t < known) first.set(chatId, e.t);
  }
  return first;
}

/**
 * Every chat notified at all: shown as above, or stamped in the extension's alert log, which is
 * written after a notification was shown and so covers one that came and went between two polls
 * of getAll before the worker hook was attached. (Its time is the poll's start, too early for a
 * latency sample, so it only answers "was it notified".)
 */
export function notifiedChats(events: NotificationEvent[], alertLog: Map<string, number | undefined>): Set<string> {
  const chats = new Set(firstShown(events).keys());
  for (const [chatId, t] of alertLog) if (t !== undefined) chats.add(chatId);
  return chats;
}

/**
 * shift_chats_not_notified: chats that waited at least 10 s of eligible time (Available, signed in,
 * SalesIQ reachable and answering, browser running: everything outside the blind intervals),
 * counted from the moment the visitor started waiting until the chat stopped waiting (or the
 * shift ended), and were never notified. A chat that arrived during an outage and turned missed
 * before recovery is counted only if it still had 10 s of waiting after SalesIQ was reachable.
 */
export function chatsNotNotified(
  chats: ChatTruth[],
  notified: ReadonlySet<string>,
  blind: Interval[],
  shiftEnd: number,
): string[] {
  return chats
    .filter((c) => eligibleMs(c.arrivedAt, c.endedAt ?? shiftEnd, blind) >= NOT_NOTIFIED_AFTER_MS)
    .filter((c) => !notified.has(c.id))
    .map((c) => c.id);
}

/**
 * shift_duplicate_notifications: every extra time a chat was put on screen for the same reason.
 * A chat may be alerted once and escalated once (the product's "last call" before missed, by
 * design); anything more is a duplicate, restarts included:
 * - the worker hook saw `notifications.create` for the chat's alert (or escalation) a second time
 *   (Chrome pops a re-created notification up again, even with the same id and text);
 * - or getAll saw the chat's notification appear again after it had been shown, with no create
 *   of a new kind (an escalation, a notice) explaining it: a create the hook could not see, e.g.
 *   in the first milliseconds of a restarted worker, before the hook was attached.
 */
export function duplicateNotifications(
  events: NotificationEvent[],
  explainWindowMs = 1_500,
  escalatedAt: ReadonlyMap<string, number> = new Map(),
): { id: string; reason: string; t: number }[] {
  const byChat = new Map<string, NotificationEvent[]>();
  for (const e of events) {
    if (!e.id.startsWith(CHAT_PREFIX)) continue;
    const list = byChat.get(e.id) ?? [];
    list.push(e);
    byChat.set(e.id, list);
  }
  const duplicates: { id: string; reason: string; t: number }[] = [];
  for (const [id, list] of byChat) {
    list.sort((a, b) => a.t - b.t);
    const creates = list.filter((e) => e.source === 'create');
    for (const kind of ['alert', 'escalation'] as const) {
      for (const repeat of creates.filter((e) => e.kind === kind).slice(1))
        duplicates.push({ id, reason: `${kind} created again`, t: repeat.t });
    }
    let shown = false;
    for (const e of list) {
      if (e.source === 'create') {
        if (e.kind !== 'notice') shown = true;
        continue;
      }
      const explained =
        creates.some((c) => Math.abs(c.t - e.t) <= explainWindowMs) || unseenEscalation(id, e.t, creates, escalatedAt);
      if (!explained && shown) duplicates.push({ id, reason: 'back on screen with no create seen', t: e.t });
      shown = true;
    }
  }
  return duplicates;
}

/**
 * The chat's one escalation, created by a fresh worker before the hook was in: no escalation
 * create was seen for the chat at all, and the alert log stamped its escalation (stamped once, at
 * the start of the turn that showed it) in the seconds before the notification appeared. A second
 * escalation after a restart would carry the first one's older stamp, so it is still counted.
 */
const ESCALATION_TURN_MS = 10_000;

function unseenEscalation(
  id: string,
  t: number,
  creates: NotificationEvent[],
  escalatedAt: ReadonlyMap<string, number>,
): boolean {
  const stamped = escalatedAt.get(id.slice(CHAT_PREFIX.length));
  if (stamped === undefined || creates.some((c) => c.kind === 'escalation')) return false;
  return stamped <= t && t - stamped <= ESCALATION_TURN_MS;
}

/**
 * shift_stale_notifications: chats whose notification (alert or escalation, not a notice about a
 * failed action) was still on screen after 10 s of eligible time had passed since the chat stopped
 * waiting. Eligible as above: while the network is down SalesIQ cannot tell the extension the
 * chat is gone, so that time does not count against it.
 */
export function staleNotifications(
  chats: ChatTruth[],
  presence: Presence[],
  events: NotificationEvent[],
  blind: Interval[],
  shiftEnd: number,
): string[] {
  const stale: string[] = [];
  for (const chat of chats) {
    if (chat.endedAt === undefined) continue;
    const id = CHAT_PREFIX + chat.id;
    const deadline = eligibleDeadline(chat.endedAt, STALE_AFTER_MS, blind, shiftEnd);
    if (deadline === Infinity) continue;
    const onScreenPast = presence.some(
      (p) => p.id === id && p.to > deadline && !isNoticeAt(events, id, Math.max(p.from, deadline)),
    );
    if (onScreenPast) stale.push(chat.id);
  }
  return stale;
}

/** Whether what was on screen under this id at time t was a notice (the last create before t says so). */
function isNoticeAt(events: NotificationEvent[], id: string, t: number): boolean {
  let last: NotificationEvent | undefined;
  for (const e of events) if (e.id === id && e.source === 'create' && e.t <= t && (!last || e.t > last.t)) last = e;
  return last?.kind === 'notice';
}

/**
 * Latency samples for shift_notify_p95_ms: arrival → first notification, for chats that arrived
 * in fault-free time: neither the chat's arrival nor the 10 s after it fall inside any
 * disturbance (blind or not) or the 30 s after one ended (the recovery, measured apart). A chat
 * never notified is not a sample here; it is counted by shift_chats_not_notified.
 */
const SETTLE_AFTER_FAULT_MS = 30_000;

export function faultFreeLatencies(
  chats: ChatTruth[],
  notified: Map<string, number>,
  disturbances: Disturbance[],
): number[] {
  const busy = union(disturbances.map((d) => ({ from: d.from, to: d.to + SETTLE_AFTER_FAULT_MS })));
  return chats
    .filter((c) => eligibleMs(c.arrivedAt, c.arrivedAt + NOT_NOTIFIED_AFTER_MS, busy) === NOT_NOTIFIED_AFTER_MS)
    .flatMap((c) => (notified.has(c.id) ? [notified.get(c.id)! - c.arrivedAt] : []));
}

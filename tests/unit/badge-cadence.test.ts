import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge, type BadgeInput } from '../../lib/queue/badge';
import {
  AVAILABLE_BACKOFF_CAP_MS,
  AVAILABLE_INTERVAL_MS,
  BACKOFF_CAP_MS,
  BUSY_INTERVAL_MS,
  MAX_LIST_CALLS_PER_MINUTE,
  NETWORK_RETRY_CAP_MS,
  VISIBLE_INTERVAL_MS,
  backoffMs,
  nextPollDelayMs,
} from '../../lib/queue/cadence';
import { isDue } from '../../lib/queue/tick';

const now = 1_000_000;
const signedIn = { state: 'signed-in' as const, updatedAt: 0 };
const base: BadgeInput = {
  session: signedIn,
  poll: { failures: 0 },
  operatorStatus: 'available',
  waitingStartTimes: [],
  escalateAfterSec: 40,
  missedAfterSec: 60,
  now,
};

describe('computeBadge', () => {
  it('counts waiting chats and colours by the oldest wait', () => {
    expect(computeBadge(base)).toMatchObject({ text: '', title: expect.stringContaining('no chats waiting') });
    expect(computeBadge({ ...base, waitingStartTimes: [now - 5_000, now - 1_000] })).toMatchObject({
      text: '2',
      color: BADGE_COLORS.calm,
    });
    expect(computeBadge({ ...base, waitingStartTimes: [now - 25_000] }).color).toBe(BADGE_COLORS.amber);
    expect(computeBadge({ ...base, waitingStartTimes: [now - 41_000, now] })).toMatchObject({
      color: BADGE_COLORS.urgent,
      title: expect.stringContaining('oldest for 41 s'),
    });
    expect(computeBadge({ ...base, waitingStartTimes: Array(150).fill(now) }).text).toBe('99+');
  });

  it('has distinct markers for signed out, expired, offline and errors', () => {
    const signedOut = computeBadge({ ...base, session: undefined });
    const expired = computeBadge({ ...base, session: { state: 'expired', updatedAt: 0 } });
    const offline = computeBadge({ ...base, poll: { failures: 1, error: { kind: 'offline', message: '', at: now } } });
    const error = computeBadge({
      ...base,
      poll: { failures: 1, nextPollAt: now + 8_000, error: { kind: 'server', message: '', at: now } },
    });
    expect(signedOut).toMatchObject({ text: '?', title: expect.stringContaining('signed out') });
    expect(expired).toMatchObject({ text: '?', title: expect.stringContaining('expired') });
    expect(offline).toMatchObject({ text: 'off', title: expect.stringContaining('offline') });
    expect(error).toMatchObject({ text: '!', title: expect.stringContaining('Next try in 8 s') });
    const unreachable = computeBadge({
      ...base,
      poll: { failures: 1, error: { kind: 'network', message: '', at: now } },
    });
    expect(unreachable).toMatchObject({ text: 'off', title: expect.stringContaining('cannot be reached') });
    expect(new Set([signedOut.title, expired.title, offline.title, error.title, unreachable.title]).size).toBe(5);
  });
});

describe('computeBadge, issue 13', () => {
  it('says so while Available when the browser blocks the extension’s notifications', () => {
    const blocked = computeBadge({ ...base, notificationsBlocked: true, waitingStartTimes: [now - 1_000] });
    expect(blocked).toMatchObject({
      text: '1!',
      color: BADGE_COLORS.amber,
      title: expect.stringContaining('notifications are blocked'),
    });
    expect(blocked.title).toMatch(/Allow notifications/);
    expect(computeBadge({ ...base, notificationsBlocked: true }).text).toBe('!');
    // Busy: no chat is routed to them, nothing to warn about.
    expect(computeBadge({ ...base, operatorStatus: 'busy', notificationsBlocked: true }).title).not.toMatch(/blocked/);
  });

  it('measures the oldest wait on SalesIQ’s clock', () => {
    // SalesIQ runs 90 s behind this machine: its chat that started 5 s ago there is not urgent.
    const startedThere = now - 90_000 - 5_000;
    expect(computeBadge({ ...base, waitingStartTimes: [startedThere], clockOffsetMs: -90_000 })).toMatchObject({
      color: BADGE_COLORS.calm,
      title: expect.stringContaining('oldest for 5 s'),
    });
    expect(computeBadge({ ...base, waitingStartTimes: [now + 90_000 - 45_000], clockOffsetMs: 90_000 }).color).toBe(
      BADGE_COLORS.urgent,
    );
  });
});

describe('poll cadence', () => {
  it('polls fast when Available, faster while a page is open, slowly when Busy', () => {
    expect(nextPollDelayMs({ status: 'available', pagesVisible: false, failures: 0 })).toBe(AVAILABLE_INTERVAL_MS);
    expect(nextPollDelayMs({ status: 'available', pagesVisible: true, failures: 0 })).toBe(VISIBLE_INTERVAL_MS);
    expect(nextPollDelayMs({ status: 'busy', pagesVisible: true, failures: 0 })).toBe(BUSY_INTERVAL_MS);
    expect(60_000 / AVAILABLE_INTERVAL_MS).toBeLessThanOrEqual(15);
  });

  it('backs off exponentially with jitter up to a cap', () => {
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
    expect(backoffMs(3, () => 0)).toBe(4_000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
  });

  it('never polls before Retry-After', () => {
    expect(
      nextPollDelayMs({
        status: 'available',
        pagesVisible: true,
        failures: 1,
        errorKind: 'rate-limited',
        retryAfterMs: 20_000,
        random: () => 1,
      }),
    ).toBe(20_000);
    expect(
      nextPollDelayMs({
        status: 'available',
        pagesVisible: true,
        failures: 8,
        errorKind: 'rate-limited',
        retryAfterMs: 1_000,
        random: () => 1,
      }),
    ).toBe(256_000);
  });
});

describe('poll cost and recovery (issue 13)', () => {
  const available = { status: 'available' as const, pagesVisible: false, failures: 0 };
  const listCallsPerMinute = (departments: number, pagesVisible = false) =>
    (60_000 / nextPollDelayMs({ ...available, pagesVisible, departments })) * departments;

  it('spends at most 15 list calls a minute per department, and 60 in total past 4 departments', () => {
    for (const departments of [1, 2, 3, 4])
      expect(listCallsPerMinute(departments)).toBeLessThanOrEqual(15 * departments);
    expect(listCallsPerMinute(1)).toBeGreaterThan(14); // the budget is used, not wasted
    for (const departments of [5, 8, 20]) {
      expect(listCallsPerMinute(departments)).toBeLessThanOrEqual(MAX_LIST_CALLS_PER_MINUTE);
      expect(listCallsPerMinute(departments)).toBeGreaterThan(MAX_LIST_CALLS_PER_MINUTE - 1);
    }
  });

  it('keeps the ceiling while a page is open', () => {
    expect(nextPollDelayMs({ ...available, pagesVisible: true, departments: 1 })).toBe(VISIBLE_INTERVAL_MS);
    for (const departments of [2, 3, 6])
      expect(listCallsPerMinute(departments, true)).toBeLessThanOrEqual(MAX_LIST_CALLS_PER_MINUTE);
  });

  it('slows to the Busy cadence while the screen is locked', () => {
    expect(nextPollDelayMs({ ...available, screenLocked: true })).toBe(BUSY_INTERVAL_MS);
    expect(nextPollDelayMs({ ...available, pagesVisible: true, screenLocked: true })).toBe(BUSY_INTERVAL_MS);
    expect(nextPollDelayMs({ ...available, screenLocked: false })).toBe(AVAILABLE_INTERVAL_MS);
  });

  it('retries a network failure at least every 8 s while Available, however long it lasts', () => {
    for (const errorKind of ['network', 'timeout', 'offline'] as const) {
      for (const failures of [1, 3, 10, 100]) {
        expect(nextPollDelayMs({ ...available, failures, errorKind, random: () => 1 })).toBeLessThanOrEqual(
          NETWORK_RETRY_CAP_MS,
        );
      }
    }
    expect(NETWORK_RETRY_CAP_MS).toBeLessThanOrEqual(8_000);
    // Busy or locked: no operator to serve, the slow cadence is enough.
    expect(nextPollDelayMs({ ...available, status: 'busy', failures: 10, errorKind: 'network', random: () => 1 })).toBe(
      BUSY_INTERVAL_MS,
    );
  });

  it('backs off exponentially on 5xx, capped near 60 s while Available and 5 minutes when Busy', () => {
    const server = (failures: number, status: 'available' | 'busy' = 'available') =>
      nextPollDelayMs({ ...available, status, failures, errorKind: 'server', random: () => 1 });
    expect([1, 2, 3, 4, 5].map((f) => server(f))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(server(6)).toBe(AVAILABLE_BACKOFF_CAP_MS);
    expect(server(20)).toBe(AVAILABLE_BACKOFF_CAP_MS);
    expect(AVAILABLE_BACKOFF_CAP_MS).toBe(60_000);
    expect(server(20, 'busy')).toBe(BACKOFF_CAP_MS);
  });
});

describe('which ticks poll at once', () => {
  const now = 1_000_000;
  const backingOff = (kind: 'network' | 'server' | 'rate-limited') => ({
    failures: 3,
    nextPollAt: now + 20_000,
    error: { kind, message: '', at: now - 1_000 },
  });

  it('cuts a network or server backoff for the operator, the network coming back and an unlock', () => {
    for (const reason of ['manual', 'visible', 'online', 'unlock'] as const) {
      expect(isDue(reason, backingOff('network'), now)).toBe(true);
      expect(isDue(reason, backingOff('server'), now)).toBe(true);
    }
  });

  it('never cuts a 429’s Retry-After, and alarms or timers never cut any wait', () => {
    for (const reason of [
      'manual',
      'visible',
      'still-visible',
      'online',
      'unlock',
      'alarm',
      'timer',
      'startup',
    ] as const) {
      expect(isDue(reason, backingOff('rate-limited'), now)).toBe(false);
    }
    for (const reason of ['alarm', 'timer', 'startup', 'still-visible'] as const) {
      expect(isDue(reason, backingOff('server'), now)).toBe(false);
      expect(isDue(reason, backingOff('network'), now)).toBe(false);
    }
  });

  it('keeps the list-call ceiling while a page is open, however many departments', () => {
    // 8 departments: one poll is 8 list calls, so at most one poll every 8 s (60 calls a minute).
    const polledAgo = (ms: number) => ({ failures: 0, lastSuccessAt: now - ms, nextPollAt: now + 5_000 });
    for (const reason of ['visible', 'still-visible'] as const) {
      expect(isDue(reason, polledAgo(3_000), now, 8)).toBe(false);
      expect(isDue(reason, polledAgo(8_000), now, 8)).toBe(true);
      expect(isDue(reason, polledAgo(3_000), now, 1)).toBe(true);
    }
  });

  it('does not poll again for a page opened right after a successful poll', () => {
    const fresh = { failures: 0, lastSuccessAt: now - 500, nextPollAt: now + 3_000 };
    expect(isDue('visible', fresh, now)).toBe(false);
    expect(isDue('visible', { ...fresh, lastSuccessAt: now - 3_000 }, now)).toBe(true);
  });
});

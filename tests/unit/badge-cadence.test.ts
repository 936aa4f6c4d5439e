import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge, type BadgeInput } from '../../lib/queue/badge';
import { AVAILABLE_INTERVAL_MS, BACKOFF_CAP_MS, BUSY_INTERVAL_MS, VISIBLE_INTERVAL_MS, backoffMs, nextPollDelayMs } from '../../lib/queue/cadence';

const now = 1_000_000;
const signedIn = { state: 'signed-in' as const, updatedAt: 0 };
const base: BadgeInput = { session: signedIn, poll: { failures: 0 }, operatorStatus: 'available', waitingStartTimes: [], escalateAfterSec: 40, missedAfterSec: 60, now };

describe('computeBadge', () => {
  it('counts waiting chats and colours by the oldest wait', () => {
    expect(computeBadge(base)).toMatchObject({ text: '', title: expect.stringContaining('no chats waiting') });
    expect(computeBadge({ ...base, waitingStartTimes: [now - 5_000, now - 1_000] })).toMatchObject({ text: '2', color: BADGE_COLORS.calm });
    expect(computeBadge({ ...base, waitingStartTimes: [now - 25_000] }).color).toBe(BADGE_COLORS.amber);
    expect(computeBadge({ ...base, waitingStartTimes: [now - 41_000, now] })).toMatchObject({ color: BADGE_COLORS.urgent, title: expect.stringContaining('oldest for 41 s') });
    expect(computeBadge({ ...base, waitingStartTimes: Array(150).fill(now) }).text).toBe('99+');
  });

  it('has distinct markers for signed out, expired, offline and errors', () => {
    const signedOut = computeBadge({ ...base, session: undefined });
    const expired = computeBadge({ ...base, session: { state: 'expired', updatedAt: 0 } });
    const offline = computeBadge({ ...base, poll: { failures: 1, error: { kind: 'offline', message: '', at: now } } });
    const error = computeBadge({ ...base, poll: { failures: 1, nextPollAt: now + 8_000, error: { kind: 'server', message: '', at: now } } });
    expect(signedOut).toMatchObject({ text: '?', title: expect.stringContaining('signed out') });
    expect(expired).toMatchObject({ text: '?', title: expect.stringContaining('expired') });
    expect(offline).toMatchObject({ text: 'off', title: expect.stringContaining('offline') });
    expect(error).toMatchObject({ text: '!', title: expect.stringContaining('Next try in 8 s') });
    const unreachable = computeBadge({ ...base, poll: { failures: 1, error: { kind: 'network', message: '', at: now } } });
    expect(unreachable).toMatchObject({ text: 'off', title: expect.stringContaining('cannot be reached') });
    expect(new Set([signedOut.title, expired.title, offline.title, error.title, unreachable.title]).size).toBe(5);
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
    expect(nextPollDelayMs({ status: 'available', pagesVisible: true, failures: 1, errorKind: 'rate-limited', retryAfterMs: 20_000, random: () => 1 })).toBe(20_000);
    expect(nextPollDelayMs({ status: 'available', pagesVisible: true, failures: 8, errorKind: 'rate-limited', retryAfterMs: 1_000, random: () => 1 })).toBe(256_000);
  });
});

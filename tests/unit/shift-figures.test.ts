import { describe, expect, it } from 'vitest';
import {
  chatsNotNotified,
  duplicateNotifications,
  eligibleDeadline,
  eligibleMs,
  faultFreeLatencies,
  notifiedChats,
  kindOfTitle,
  serverErrorBackoff,
  staleNotifications,
  union,
  workerAsleep,
  type NotificationEvent,
} from '../bench/shift/figures';

// The shift benchmark's definitions (tests/bench/shift/figures.ts), checked on small made-up shifts.
const create = (t: number, chat: string, title: string): NotificationEvent => ({
  t,
  id: `chat:${chat}`,
  kind: kindOfTitle(title)!,
  source: 'create',
  title,
});
const appear = (t: number, chat: string): NotificationEvent => ({
  t,
  id: `chat:${chat}`,
  kind: 'alert',
  source: 'appear',
});

describe('shift figures', () => {
  it('measures time outside blind intervals', () => {
    const blind = union([
      { from: 10, to: 20 },
      { from: 15, to: 30 },
      { from: 50, to: 60 },
    ]);
    expect(blind).toEqual([
      { from: 10, to: 30 },
      { from: 50, to: 60 },
    ]);
    expect(eligibleMs(0, 100, blind)).toBe(70);
    expect(eligibleMs(12, 28, blind)).toBe(0);
    expect(eligibleDeadline(5, 10, blind, 1_000)).toBe(35);
    expect(eligibleDeadline(5, 10, blind, 30)).toBe(Infinity);
  });

  it('counts a chat not notified only if it waited 10 s while SalesIQ was reachable', () => {
    const outage = [{ from: 0, to: 60_000 }];
    const chats = [
      { id: 'during-outage', arrivedAt: 1_000, endedAt: 61_000 }, // missed 1 s after recovery
      { id: 'after-recovery', arrivedAt: 1_000, endedAt: 75_000 }, // 15 s reachable, never notified
      { id: 'notified', arrivedAt: 70_000, endedAt: 95_000 },
      { id: 'short', arrivedAt: 80_000, endedAt: 85_000 },
    ];
    const notified = notifiedChats([create(72_000, 'notified', 'Ana · Sales')], new Map([['short', undefined]]));
    expect(chatsNotNotified(chats, notified, outage, 100_000)).toEqual(['after-recovery']);
  });

  it('allows one alert and one escalation; a repeat, or a reappearance nothing explains, is a duplicate', () => {
    expect(
      duplicateNotifications([
        create(0, 'a', 'Ana · Sales'),
        appear(100, 'a'),
        create(40_000, 'a', 'Still waiting 40 s: Ana · Sales'),
        appear(40_100, 'a'),
      ]),
    ).toEqual([]);
    expect(duplicateNotifications([create(0, 'a', 'Ana · Sales'), create(9_000, 'a', 'Ana · Sales')])).toEqual([
      { id: 'chat:a', reason: 'alert created again', t: 9_000 },
    ]);
    // Shown, gone with a browser restart, back with no create seen (before the hook was in).
    expect(duplicateNotifications([create(0, 'a', 'Ana · Sales'), appear(100, 'a'), appear(30_000, 'a')])).toHaveLength(
      1,
    );
    // An escalation reworded still stays on screen: that tells it from a second alert.
    expect(kindOfTitle('Ana has waited 40 s', true)).toBe('escalation');
    expect(kindOfTitle('Could not pick up the chat')).toBe('notice');
    // Seen only by getAll once: not a duplicate.
    expect(duplicateNotifications([appear(100, 'b')])).toEqual([]);
  });

  it('calls a notification stale after 10 s of reachable time past the chat’s end, notices aside', () => {
    const chats = [
      { id: 'a', arrivedAt: 0, endedAt: 20_000 },
      { id: 'b', arrivedAt: 0, endedAt: 20_000 },
      { id: 'c', arrivedAt: 0, endedAt: 20_000 },
    ];
    const presence = [
      { id: 'chat:a', from: 1_000, to: 29_000 },
      { id: 'chat:b', from: 1_000, to: 31_000 },
      { id: 'chat:c', from: 21_000, to: 90_000 },
    ];
    const events = [create(21_000, 'c', 'Could not pick up the chat')];
    expect(staleNotifications(chats, presence, events, [], 100_000)).toEqual(['b']);
    // During an outage the extension cannot learn the chat ended.
    expect(staleNotifications(chats, presence, events, [{ from: 20_000, to: 40_000 }], 100_000)).toEqual([]);
  });

  it('adds what the extension cannot shorten to the blind time: a stopped worker until it runs, the 5xx backoff within its bound', () => {
    expect(workerAsleep([100, 500], [50, 130, 520], 1_000)).toEqual([
      { from: 100, to: 130 },
      { from: 500, to: 520 },
    ]);
    expect(workerAsleep([900], [50], 1_000)).toEqual([{ from: 900, to: 1_000 }]);
    // A 15 s burst: the first list request 9 s after it is inside the backoff; one 30 s after is not.
    expect(serverErrorBackoff([{ from: 0, to: 15_000 }], [5_000, 24_000])).toEqual([{ from: 15_000, to: 24_000 }]);
    expect(serverErrorBackoff([{ from: 0, to: 15_000 }], [5_000, 45_000])).toEqual([{ from: 15_000, to: 32_000 }]);
  });

  it('explains a reappearance by the chat’s one escalation only when the alert log stamped it just before', () => {
    const events = [create(0, 'a', 'Ana · Sales'), appear(100, 'a'), appear(45_000, 'a')];
    expect(duplicateNotifications(events)).toHaveLength(1);
    expect(duplicateNotifications(events, undefined, new Map([['a', 44_000]]))).toHaveLength(0);
    // Stamped long before (a second escalation after a restart), or an escalation create already seen: still a duplicate.
    expect(duplicateNotifications(events, undefined, new Map([['a', 20_000]]))).toHaveLength(1);
    const seen = [...events, create(40_000, 'a', 'Still waiting 40 s: Ana · Sales'), appear(40_100, 'a')].sort(
      (x, y) => x.t - y.t,
    );
    expect(duplicateNotifications(seen, undefined, new Map([['a', 44_000]]))).toHaveLength(1);
  });

  it('takes latency samples only from fault-free time', () => {
    const chats = [
      { id: 'calm', arrivedAt: 0 },
      { id: 'after-fault', arrivedAt: 120_000 },
      { id: 'settled', arrivedAt: 200_000 },
    ];
    const notified = new Map([
      ['calm', 3_000],
      ['after-fault', 130_000],
      ['settled', 204_000],
    ]);
    const faults = [{ label: 'outage', from: 100_000, to: 110_000, blind: true }];
    expect(faultFreeLatencies(chats, notified, faults)).toEqual([3_000, 4_000]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatWait,
  justPickedUp,
  spokenWait,
  visitorLabel,
  waitLevel,
  waitedSeconds,
  waitingQueue,
} from '../../lib/ui/format';
import { plainError } from '../../lib/ui/plain-error';
import { connectionState } from '../../components/ConnectionBanner';
import type { ChatRecord } from '../../lib/db';

function chat(id: string, extra: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id,
    question: 'Hello',
    status: 'waiting',
    startTime: 1_000_000,
    portal: 'acme',
    firstSeenAt: 1_000_000,
    updatedAt: 1_000_000,
    visitor: { id: `visitor-${id}`, name: `Name ${id}` },
    ...extra,
  };
}

describe('wait timer formatting', () => {
  it('shows m:ss, and h:mm:ss past an hour', () => {
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(42)).toBe('0:42');
    expect(formatWait(605)).toBe('10:05');
    expect(formatWait(3723)).toBe('1:02:03');
    expect(formatWait(-5)).toBe('0:00');
  });

  it('says the wait in words for screen readers', () => {
    expect(spokenWait(0)).toBe('0 seconds');
    expect(spokenWait(1)).toBe('1 second');
    expect(spokenWait(65)).toBe('1 minute 5 seconds');
    expect(spokenWait(120)).toBe('2 minutes');
  });

  it('counts whole seconds on second boundaries so every timer flips together', () => {
    expect(waitedSeconds(10_900, 11_100)).toBe(1);
    expect(waitedSeconds(10_100, 10_999)).toBe(0);
    expect(waitedSeconds(20_000, 10_000)).toBe(0);
  });

  it('turns amber at a third of the missed deadline and urgent at the escalation point', () => {
    const settings = { escalateAfterSec: 40, missedAfterSec: 60 };
    expect(waitLevel(19, settings)).toBe('calm');
    expect(waitLevel(20, settings)).toBe('soon');
    expect(waitLevel(39, settings)).toBe('soon');
    expect(waitLevel(40, settings)).toBe('urgent');
    expect(waitLevel(10, { escalateAfterSec: 10, missedAfterSec: 60 })).toBe('urgent');
  });

  it('words ages briefly', () => {
    expect(formatAgo(40_400)).toBe('40 s ago');
    expect(formatAgo(3 * 60_000 + 5_000)).toBe('3 min ago');
    expect(formatAgo(2 * 3_600_000)).toBe('2 h ago');
  });
});

describe('visitor label', () => {
  it('uses the name, or "Visitor" and the last four of the id', () => {
    expect(visitorLabel(chat('1', { visitor: { name: '  Ana  ' } }))).toBe('Ana');
    expect(visitorLabel(chat('1', { visitor: { id: 'v_123456789' } }))).toBe('Visitor 6789');
    expect(visitorLabel(chat('conv-4321', { visitor: {} }))).toBe('Visitor 4321');
    expect(visitorLabel(chat('1', { visitor: { id: 'v1', name: '   ' } }))).toBe('Visitor v1');
  });
});

describe('queue selection', () => {
  const chats = [
    chat('late', { startTime: 3000 }),
    chat('early', { startTime: 1000, department: { id: 'd1', name: 'Sales' } }),
    chat('other-portal', { startTime: 500, portal: 'globex' }),
    chat('ended', { startTime: 100, status: 'ended' }),
    chat('mine', { startTime: 200, pickedUpAt: 5000 }),
    chat('tie-b', { startTime: 2000 }),
    chat('tie-a', { startTime: 2000 }),
  ];

  it('lists waiting chats of the portal, oldest wait first, ties stable', () => {
    expect(waitingQueue(chats, 'acme', null).map((c) => c.id)).toEqual(['early', 'tie-a', 'tie-b', 'late']);
  });

  it('filters by department', () => {
    expect(waitingQueue(chats, 'acme', 'd1').map((c) => c.id)).toEqual(['early']);
  });

  it('keeps the last 30 minutes of pickups, newest first', () => {
    const now = 40 * 60_000;
    const picked = [
      chat('old', { status: 'connected', pickedUpAt: now - 31 * 60_000 }),
      chat('a', { status: 'connected', pickedUpAt: now - 60_000 }),
      chat('b', { status: 'connected', pickedUpAt: now - 1_000 }),
      chat('c', { status: 'connected', pickedUpAt: now - 1_000, portal: 'globex' }),
    ];
    expect(justPickedUp(picked, 'acme', now).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('connection banner state', () => {
  const now = 100_000;
  it('puts offline first, then a current error, then staleness', () => {
    expect(connectionState({ failures: 1, error: { kind: 'offline', message: '', at: now } }, now).kind).toBe(
      'offline',
    );
    expect(
      connectionState(
        { failures: 1, lastSuccessAt: now - 5000, error: { kind: 'server', message: 'x', at: now } },
        now,
      ),
    ).toEqual({
      kind: 'error',
      message: 'SalesIQ is having trouble right now. Retrying automatically.',
      notReachingYou: false,
    });
    // Failing for more than half a minute: said in the desktop notice's words.
    const failing = {
      failures: 6,
      lastSuccessAt: now - 40_000,
      failingSince: now - 31_000,
      error: { kind: 'server' as const, message: 'x', at: now },
    };
    expect(connectionState(failing, now)).toMatchObject({ kind: 'error', notReachingYou: true });
    expect(connectionState({ failures: 0, lastSuccessAt: now - 40_000 }, now)).toEqual({
      kind: 'stale',
      ageMs: 40_000,
    });
    expect(connectionState({ failures: 0, lastSuccessAt: now - 5_000 }, now)).toEqual({ kind: 'ok' });
    expect(connectionState(undefined, now)).toEqual({ kind: 'never' });
  });

  it('ignores an error older than the last success', () => {
    expect(
      connectionState(
        { failures: 0, lastSuccessAt: now - 1000, error: { kind: 'server', message: 'x', at: now - 2000 } },
        now,
      ),
    ).toEqual({ kind: 'ok' });
  });
});

describe('plain errors', () => {
  it("keeps the background's words, and replaces Chrome's when no background answered", () => {
    expect(plainError({ kind: 'taken', message: 'Ana picked up this chat first.' })).toBe(
      'Ana picked up this chat first.',
    );
    expect(plainError({ kind: 'taken', message: '' })).toBe('Another operator picked up this chat first.');
    expect(
      plainError({ kind: 'unknown', message: 'Could not establish connection. Receiving end does not exist.' }),
    ).toBe('The extension is still starting. Try again in a moment.');
    // The worker stopped mid-request: the pickup or send it was doing is read back, never repeated.
    expect(plainError({ kind: 'unknown', message: 'The message port closed before a response was received.' })).toMatch(
      /trying again is safe/,
    );
  });
});

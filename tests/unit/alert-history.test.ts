import { describe, expect, it } from 'vitest';
import type { AlertRecord, ChatRecord } from '../../lib/db';
import { endingOf, historyRow, shown } from '../../entrypoints/sidepanel/alert-history';
import { endingText } from '../../entrypoints/sidepanel/AlertHistory';

/** "Was I notified?": how a chat's alert record reads to the operator. */
const base: AlertRecord = { conversationId: 'c1', portal: 'zylker', startTime: 1_000, firstSeenAt: 2_000 };

describe('alert history rows', () => {
  it('tells how the chat ended, the operator’s own pickup first', () => {
    expect(endingOf({ ...base, missedAt: 9 })).toEqual({ kind: 'missed', at: 9 });
    expect(endingOf({ ...base, takenByOtherAt: 8, takenBy: 'Arjun' })).toEqual({
      kind: 'colleague',
      at: 8,
      by: 'Arjun',
    });
    expect(endingOf({ ...base, takenByOtherAt: 8, pickedUpAt: 7 })).toEqual({ kind: 'mine', at: 7 });
    expect(endingOf({ ...base, endedAt: 6 })).toEqual({ kind: 'ended', at: 6 });
    expect(endingOf(base)).toEqual({ kind: 'waiting' });
    expect(endingText({ kind: 'colleague', at: 8, by: 'Arjun' })).toMatch(/^Taken by Arjun at /);
    expect(endingText({ kind: 'colleague', at: 8 })).toMatch(/^Taken by a colleague at /);
  });

  it('lists notified chats and every missed one, notified or not', () => {
    expect(shown(base)).toBe(false);
    expect(shown({ ...base, notifiedAt: 3 })).toBe(true);
    expect(shown({ ...base, missedAt: 3 })).toBe(true);
  });

  it('names the visitor and quotes the question as one short line of text', () => {
    const chat = {
      id: 'c1',
      visitor: { name: '<b>Ana</b>' },
      question: 'Line one\n\n  line two',
    } as unknown as ChatRecord;
    expect(historyRow({ ...base, notifiedAt: 3 }, chat)).toMatchObject({
      visitor: '<b>Ana</b>',
      question: 'Line one line two',
      notifiedAt: 3,
    });
    // The chat record may be gone (purged): the row still stands, with the id's label.
    expect(historyRow({ ...base, conversationId: 'abc12345' }, undefined)).toMatchObject({
      visitor: 'Visitor 2345',
      question: '',
    });
    const long = historyRow(base, {
      id: 'c1',
      visitor: {},
      question: 'x'.repeat(200),
    } as unknown as ChatRecord).question;
    expect(long).toBe(`${'x'.repeat(119)}…`);
  });
});

import { describe, expect, it } from 'vitest';
import { parseConsoleUrl, consoleUrl } from '../../lib/salesiq/console-url';
import type { Conversation, Message } from '../../lib/salesiq/types';
import { advanceCursor, mergeHistory, nextPages, visibleHistory } from '../../lib/visitor/history-merge';
import { mergeMessages } from '../../lib/visitor/transcripts';

function conv(id: string, startTime: number, extra: Partial<Conversation> = {}): Conversation {
  return { id, question: `q${id}`, status: 'ended', startTime, visitor: { email: 'a@example.com' }, ...extra };
}

describe('parseConsoleUrl', () => {
  it('reads back what consoleUrl builds', () => {
    expect(parseConsoleUrl(consoleUrl('salesiq.zoho.eu', 'zylker', '19000000033103'))).toEqual({
      host: 'salesiq.zoho.eu',
      screen: 'zylker',
      conversationId: '19000000033103',
    });
  });

  it('knows the portal even when no conversation is open', () => {
    expect(parseConsoleUrl('https://salesiq.zoho.com/zylker/dashboard')).toEqual({
      host: 'salesiq.zoho.com',
      screen: 'zylker',
      conversationId: undefined,
    });
    expect(parseConsoleUrl('https://salesiq.zoho.com/zylker/mychats/')).toMatchObject({ conversationId: undefined });
  });

  it('accepts query strings, fragments and the other chat sections', () => {
    expect(parseConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123?x=1#top')?.conversationId).toBe('123');
    expect(parseConsoleUrl('https://salesiq.zoho.com/zylker/allchats/456/info')?.conversationId).toBe('456');
  });

  it('rejects what is not a SalesIQ console page', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'http://salesiq.zoho.com/zylker/mychats/1',
      'https://example.com/zylker/mychats/1',
      'https://salesiq.zoho.com/api/v2/zylker/conversations',
      'https://salesiq.zoho.com/',
      'chrome-extension://abc/sidepanel.html',
    ]) {
      expect(parseConsoleUrl(url), String(url)).toBeUndefined();
    }
  });

  it('never yields an id that could smuggle markup or paths', () => {
    expect(
      parseConsoleUrl('https://salesiq.zoho.com/zylker/mychats/%3Cimg%20src%3Dx%3E')?.conversationId,
    ).toBeUndefined();
    expect(parseConsoleUrl('https://salesiq.zoho.com/zylker/mychats/a%2Fb')?.conversationId).toBeUndefined();
  });
});

describe('history merge', () => {
  it('orders newest first, de-duplicates by id and keeps feedback already fetched', () => {
    const first = mergeHistory([], [conv('a', 100), conv('b', 300)]);
    const withRating = first.map((item) =>
      item.conversation.id === 'a' ? { ...item, feedback: { rating: '3' }, feedbackCheckedAt: 5 } : item,
    );
    const merged = mergeHistory(withRating, [conv('a', 100, { status: 'closed' }), conv('c', 200)]);
    expect(merged.map((i) => i.conversation.id)).toEqual(['b', 'c', 'a']);
    expect(merged[2]).toMatchObject({
      conversation: { status: 'closed' },
      feedback: { rating: '3' },
      feedbackCheckedAt: 5,
    });
  });

  it('breaks start-time ties by id so the order never flickers', () => {
    expect(mergeHistory([], [conv('1', 5), conv('3', 5), conv('2', 5)]).map((i) => i.conversation.id)).toEqual([
      '3',
      '2',
      '1',
    ]);
  });

  it('moves a cursor forward and finishes it on a short page', () => {
    const full = Array.from({ length: 10 }, (_, i) => conv(`x${i}`, 1000 - i));
    const one = advanceCursor(undefined, 1, full);
    expect(one).toEqual({ page: 1, done: false, oldest: 991 });
    const two = advanceCursor(one, 2, [conv('y', 500)]);
    expect(two).toEqual({ page: 2, done: true, oldest: 500 });
    // The page-1 refresh of a department read further changes neither its page nor its end.
    expect(advanceCursor(two, 1, full)).toEqual({ page: 2, done: true, oldest: 500 });
    expect(advanceCursor(undefined, 1, [])).toEqual({ page: 1, done: true, oldest: undefined });
  });

  it('asks each unfinished department for its next page', () => {
    expect(
      nextPages({
        d1: { page: 1, done: false, oldest: 5 },
        d2: { page: 3, done: true, oldest: 1 },
        d3: { page: 0, done: false },
      }),
    ).toEqual([
      { department: 'd1', page: 2 },
      { department: 'd3', page: 1 },
    ]);
  });

  it('shows only what no unread page could precede, and never the current conversation', () => {
    // Department A was read down to t=900 and has more; B is finished. B's t=500 chat could have
    // newer A chats above it on A's next page, so it waits.
    const items = mergeHistory(
      [],
      [conv('a1', 1000), conv('a2', 900), conv('b1', 950), conv('b2', 500), conv('now', 2000)],
    );
    const record = {
      items,
      cursors: { A: { page: 1, done: false, oldest: 900 }, B: { page: 1, done: true, oldest: 500 } },
    };
    const view = visibleHistory(record, 'now');
    expect(view.items.map((i) => i.conversation.id)).toEqual(['a1', 'b1', 'a2']);
    expect(view.hasMore).toBe(true);

    const finished = {
      items,
      cursors: { A: { page: 2, done: true, oldest: 100 }, B: { page: 1, done: true, oldest: 500 } },
    };
    expect(visibleHistory(finished, 'now')).toEqual({
      items: items.filter((i) => i.conversation.id !== 'now'),
      hasMore: false,
    });
    expect(visibleHistory(undefined, 'now')).toEqual({ items: [], hasMore: false });
  });
});

describe('transcript merge', () => {
  const msg = (id: string, time: number, sequence?: number): Message => ({
    id,
    time,
    sequence,
    senderName: 'V',
    kind: 'text',
    text: id,
  });

  it('adds only new messages, in time and sequence order', () => {
    const merged = mergeMessages(
      [msg('1', 10, 1), msg('2', 20, 2)],
      [msg('2', 20, 2), msg('4', 30, 4), msg('3', 30, 3)],
    );
    expect(merged.map((m) => m.id)).toEqual(['1', '2', '3', '4']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addLine,
  markFailed,
  markSending,
  markSent,
  removeLine,
  settledKeys,
  visibleLines,
} from '../../entrypoints/sidepanel/outbox';
import type { Message } from '../../lib/salesiq/types';

const ME = 'me';
const message = (id: string, text: string, time: number, senderId = ME): Message => ({
  id,
  senderId,
  senderName: 'P',
  kind: 'text',
  text,
  time,
});

describe('the composer outbox', () => {
  it('a line goes sending → sent, and leaves once the transcript has it (by id)', () => {
    let lines = addLine([], 'k1', 'Hello');
    expect(lines).toEqual([{ key: 'k1', text: 'Hello', state: 'sending' }]);
    lines = markSent(lines, 'k1', message('m1', 'Hello', 5_000));
    expect(visibleLines(lines, [], ME)).toHaveLength(1);
    expect(visibleLines(lines, [message('m1', 'Hello', 5_000)], ME)).toEqual([]);
    expect(settledKeys(lines, [message('m1', 'Hello', 5_000)], ME)).toEqual(['k1']);
  });

  it('or by the same words of mine from then on (another id), never by a visitor line or an older one', () => {
    const lines = markSent(addLine([], 'k1', 'Hello  there'), 'k1', message('echo', 'Hello  there', 10_000));
    expect(visibleLines(lines, [message('saved', 'Hello there', 10_000)], ME)).toEqual([]);
    expect(visibleLines(lines, [message('v', 'Hello there', 10_000, 'visitor')], ME)).toHaveLength(1);
    expect(visibleLines(lines, [message('old', 'Hello there', 1_000)], ME)).toHaveLength(1);
  });

  it('a failed line stays with its words until sent again or taken back', () => {
    let lines = markFailed(addLine([], 'k1', 'Hi'), 'k1', 'Not sent: …');
    expect(visibleLines(lines, [], ME)).toEqual([{ key: 'k1', text: 'Hi', state: 'failed', error: 'Not sent: …' }]);
    lines = markSending(lines, 'k1');
    expect(lines[0]).toEqual({ key: 'k1', text: 'Hi', state: 'sending' });
    expect(removeLine(lines, 'k1')).toEqual([]);
  });
});

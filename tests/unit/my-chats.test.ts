import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge, type BadgeInput } from '../../lib/queue/badge';
import {
  replyNotificationContent,
  replyConversationIdOf,
  replyNotificationId,
  conversationIdOf,
} from '../../lib/queue/notifications';
import { parseConversation } from '../../lib/salesiq/schemas';
import { validSettings } from '../../lib/settings';
import { departmentsToList, listCallsPerTurn } from '../../lib/my-chats/cadence';
import { replyAlertStep } from '../../lib/my-chats/reply-alerts';
import { needsMessages, stateFromList, stateFromMessages } from '../../lib/my-chats/reply-state';
import type { MyChatRecord } from '../../lib/my-chats/records';
import type { Conversation, Message } from '../../lib/salesiq/types';

const VISITOR = 'v1';
const ME = 'op1';

function conversation(extra: Record<string, unknown> = {}): Conversation {
  return parseConversation({
    id: '100',
    status: 'Connected',
    question: 'Hi',
    start_time: '1000',
    attended_time: '2000',
    last_modified_time: '5000',
    visitor: { id: VISITOR, name: 'Ines' },
    attender: { id: ME, name: 'Patricia' },
    ...extra,
  });
}

function record(extra: Partial<MyChatRecord> = {}): MyChatRecord {
  return {
    id: '100',
    portal: 'zylker',
    visitor: { id: VISITOR, name: 'Ines' },
    question: 'Hi',
    startTime: 1000,
    unread: 0,
    firstSeenAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const visitorLine = (id: string, time: number, text = 'Hello?') => ({
  id,
  sender: { id: VISITOR, name: 'Ines', type: 'visitor' },
  message: { text },
  time: String(time),
});
const operatorLine = (id: string, time: number) => ({
  id,
  sender: { id: ME, name: 'Patricia', type: 'operator' },
  message: { text: 'Yes' },
  time: String(time),
});
const message = (id: string, senderId: string, time: number, text = 'line'): Message => ({
  id,
  senderId,
  senderName: 'x',
  kind: 'text',
  text,
  time,
});

describe('unread_chats and last_message_info at the boundary', () => {
  it('reads counts, flags and the last line; unusable values become absent', () => {
    expect(conversation({ unread_chats: false }).unread).toEqual({ any: false, count: 0 });
    expect(conversation({ unread_chats: 3 }).unread).toEqual({ any: true, count: 3 });
    expect(conversation({ unread_chats: '2' }).unread).toEqual({ any: true, count: 2 });
    expect(conversation({ unread_chats: true }).unread).toEqual({ any: true });
    expect(conversation({ unread_chats: 'yes' }).unread).toBeUndefined();
    expect(conversation({ unread_chats: -1 }).unread).toBeUndefined();
    expect(conversation({ last_message_info: visitorLine('m1', 4000, 'Where\u202E is it?') }).lastMessage).toEqual({
      id: 'm1',
      from: 'visitor',
      text: 'Where is it?',
      time: 4000,
    });
    // No type: told apart by the sender's id; neither visitor nor attender: unknown.
    expect(conversation({ last_message_info: { sender: { id: ME }, time: '1' } }).lastMessage?.from).toBe('operator');
    expect(conversation({ last_message_info: { sender: { id: VISITOR } } }).lastMessage?.from).toBe('visitor');
    expect(conversation({ last_message_info: { sender: { id: 'someone' } } }).lastMessage?.from).toBeUndefined();
    expect(conversation({ last_message_info: 'text' }).lastMessage).toBeUndefined();
  });
});

describe('who spoke last, and since when the visitor waits', () => {
  it('takes a single unread visitor line from the list without reading messages', () => {
    const chat = conversation({ unread_chats: 1, last_message_info: visitorLine('m1', 4000) });
    expect(needsMessages(chat, undefined)).toBe(false);
    expect(stateFromList(chat, undefined)).toMatchObject({
      lastSpeaker: 'visitor',
      unread: 1,
      visitorWaitingSince: 4000,
      lastVisitorLine: 'Hello?',
    });
  });

  it('keeps the start of the wait while the visitor goes on writing', () => {
    const known = record({
      lastSpeaker: 'visitor',
      lastMessageId: 'm1',
      lastMessageTime: 4000,
      unread: 1,
      visitorWaitingSince: 4000,
    });
    const chat = conversation({ unread_chats: 2, last_message_info: visitorLine('m2', 6000, 'Anyone?') });
    expect(needsMessages(chat, known)).toBe(false);
    expect(stateFromList(chat, known)).toMatchObject({
      unread: 2,
      visitorWaitingSince: 4000,
      lastVisitorLine: 'Anyone?',
      lastMessageId: 'm2',
    });
  });

  it('an answer from the operator (anywhere) ends the wait', () => {
    const known = record({ lastSpeaker: 'visitor', lastMessageId: 'm1', unread: 1, visitorWaitingSince: 4000 });
    const chat = conversation({ unread_chats: false, last_message_info: operatorLine('m2', 5000) });
    expect(needsMessages(chat, known)).toBe(false);
    expect(stateFromList(chat, known)).toMatchObject({
      lastSpeaker: 'operator',
      unread: 0,
      visitorWaitingSince: undefined,
    });
    // Nothing unread and no line named: answered too.
    expect(stateFromList(conversation({ unread_chats: false }), known)).toMatchObject({
      lastSpeaker: 'operator',
      visitorWaitingSince: undefined,
    });
  });

  it('reads the messages only when the list cannot tell, and not again for an unchanged chat', () => {
    expect(
      needsMessages(conversation({ unread_chats: 3, last_message_info: visitorLine('m3', 9000) }), undefined),
    ).toBe(true); // when did it start?
    expect(needsMessages(conversation({ unread_chats: true }), undefined)).toBe(true);
    expect(needsMessages(conversation({ last_message_info: { sender: { id: 'bot?' } } }), undefined)).toBe(true);
    expect(needsMessages(conversation({ unread_chats: false }), undefined)).toBe(false);
    // Neither field at all: read once; then only when last_modified_time moves.
    expect(needsMessages(conversation(), undefined)).toBe(true);
    expect(needsMessages(conversation(), record({ seenModifiedTime: 5000 }))).toBe(false);
    expect(needsMessages(conversation({ last_modified_time: '7000' }), record({ seenModifiedTime: 5000 }))).toBe(true);
  });

  it('derives the wait from the messages: first unanswered visitor line, count since the last answer', () => {
    const messages = [
      message('a', VISITOR, 2500),
      message('b', ME, 3000),
      message('c', VISITOR, 4000, 'one'),
      message('d', VISITOR, 4500, 'two'),
    ];
    expect(stateFromMessages(messages, undefined, VISITOR, ME)).toMatchObject({
      lastSpeaker: 'visitor',
      unread: 2,
      visitorWaitingSince: 4000,
      lastVisitorLine: 'two',
      lastMessageId: 'd',
    });
    // A colleague or bot answering counts as an answer too.
    expect(stateFromMessages([...messages, message('e', 'colleague', 5000)], undefined, VISITOR, ME)).toMatchObject({
      lastSpeaker: 'operator',
      unread: 0,
      visitorWaitingSince: undefined,
    });
    // Read from the last known line (from_time is inclusive): the known line is not counted twice.
    const known = record({
      lastSpeaker: 'visitor',
      lastMessageId: 'c',
      lastMessageTime: 4000,
      unread: 1,
      visitorWaitingSince: 4000,
    });
    expect(stateFromMessages(messages.slice(2), known, VISITOR, ME)).toMatchObject({
      unread: 2,
      visitorWaitingSince: 4000,
    });
  });
});

describe('reply alerts', () => {
  const waiting = record({ lastSpeaker: 'visitor', lastMessageId: 'm1', unread: 1, visitorWaitingSince: 4000 });
  it('shows once per visitor line, not while the chat is on screen, not when switched off', () => {
    expect(replyAlertStep(waiting, { enabled: true, onScreen: false })).toBe('show');
    expect(replyAlertStep({ ...waiting, alertedLineKey: 'm1' }, { enabled: true, onScreen: false })).toBeUndefined();
    expect(replyAlertStep({ ...waiting, alertedLineKey: 'm0' }, { enabled: true, onScreen: false })).toBe('show');
    expect(replyAlertStep(waiting, { enabled: true, onScreen: true })).toBe('skip');
    expect(replyAlertStep(waiting, { enabled: false, onScreen: false })).toBe('skip');
    expect(replyAlertStep({ ...waiting, lastSpeaker: 'operator' }, { enabled: true, onScreen: false })).toBe(
      'withdraw',
    );
  });

  it('names the visitor and their line, or neither in privacy mode, under a fixed id per chat', () => {
    const chat = {
      id: '100',
      visitor: { name: 'Ines' },
      department: { id: 'd', name: 'Sales' },
      lastVisitorLine: 'Is it in stock?',
    };
    expect(replyNotificationContent({ chat, hideVisitorText: false })).toEqual({
      title: 'Ines is waiting for your reply · Sales',
      message: 'Is it in stock?',
    });
    const hidden = replyNotificationContent({ chat, hideVisitorText: true });
    expect(JSON.stringify(hidden)).not.toMatch(/Ines|stock/);
    expect(replyConversationIdOf(replyNotificationId('100'))).toBe('100');
    expect(conversationIdOf(replyNotificationId('100'))).toBeUndefined(); // never mistaken for a waiting-chat alert
  });

  it('is a setting of its own, on by default', () => {
    expect(validSettings({}).replyAlerts).toBe(true);
    expect(validSettings({ replyAlerts: false }).replyAlerts).toBe(false);
    expect(validSettings({ replyAlerts: 'no' }).replyAlerts).toBe(true);
  });
});

describe('what My chats costs', () => {
  it('lists departments with my chats every turn, all of them when discovery is due', () => {
    expect(departmentsToList(['a', 'b', 'c'], new Set(['b']), false)).toEqual(['b']);
    expect(departmentsToList(['a', 'b', 'c'], new Set(['b']), true)).toEqual(['a', 'b', 'c']);
    expect(departmentsToList([], new Set(), false)).toEqual([undefined]);
  });

  it('counts its list calls with the queue’s, so the ceiling holds for both', () => {
    expect(listCallsPerTurn(1, 0, 4_200)).toBeCloseTo(1.28, 2); // discovery only: one call every 15 s
    expect(listCallsPerTurn(1, 1, 4_200)).toBe(2);
    expect(listCallsPerTurn(2, 1, 4_200)).toBeCloseTo(3.28, 2);
  });
});

describe('the badge tells waiting chats and unanswered replies apart', () => {
  const now = 1_000_000;
  const base: BadgeInput = {
    session: { state: 'signed-in', updatedAt: 0 },
    poll: { failures: 0 },
    operatorStatus: 'available',
    waitingStartTimes: [],
    escalateAfterSec: 40,
    missedAfterSec: 60,
    now,
  };
  it('only replies waiting: a reply marker in its own colour', () => {
    const badge = computeBadge({ ...base, replyWaitingSince: [now - 30_000, now - 5_000] });
    expect(badge).toMatchObject({ text: '↩2', color: BADGE_COLORS.reply });
    expect(badge.title).toContain('no chats waiting. 2 visitors are waiting for your reply; the longest for 30 s.');
  });
  it('chats waiting: the count stays the waiting chats, the tooltip lists both', () => {
    const badge = computeBadge({ ...base, waitingStartTimes: [now - 1_000], replyWaitingSince: [now - 12_000] });
    expect(badge).toMatchObject({ text: '1', color: BADGE_COLORS.calm });
    expect(badge.title).toContain(
      '1 chat is waiting; the oldest for 1 s. 1 visitor is waiting for your reply; the longest for 12 s.',
    );
    expect(computeBadge(base).text).toBe('');
  });
});

describe('the popup’s order of my chats', () => {
  it('puts visitors waiting for a reply first, longest wait on top, then the newest pickups', async () => {
    const { myChatsOrder } = await import('../../entrypoints/popup/MyChats');
    const chats = [
      record({ id: 'answered-old', attendedTime: 1_000 }),
      record({ id: 'waiting-short', lastSpeaker: 'visitor', visitorWaitingSince: 9_000 }),
      record({ id: 'answered-new', attendedTime: 5_000, lastSpeaker: 'operator' }),
      record({ id: 'waiting-long', lastSpeaker: 'visitor', visitorWaitingSince: 2_000 }),
    ];
    expect(myChatsOrder(chats).map((c) => c.id)).toEqual([
      'waiting-long',
      'waiting-short',
      'answered-new',
      'answered-old',
    ]);
  });
});

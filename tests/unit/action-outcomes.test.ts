import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { db, type ChatRecord } from '../../lib/db';
import { sendCannedResponse } from '../../lib/canned/send';
import { findSentLine } from '../../lib/canned/send-outcome';
import { pollWaitingChats } from '../../lib/queue/poll';
import { pickUpChat, settleInterruptedPickups } from '../../lib/queue/pickup';
import { pickupsInFlight } from '../../lib/queue/pickup-in-flight';
import { PICKUP_SETTLES_WITHIN_MS, pickupOutcome, pickupOutcomeFromRecord } from '../../lib/queue/pickup-outcome';
import { noteRateLimit } from '../../lib/salesiq/rate-limit';
import { noteServerDate, resetServerClock } from '../../lib/salesiq/server-clock';
import type { Conversation } from '../../lib/salesiq/types';
import { storedChat, wireConversation } from './records-fixture';
import { ME, routedZoho, signedInWithScriptedZoho, type Route, type RouteAnswer } from './signed-in-fixture';

/**
 * "Unknown outcome is not failure": a pickup or a Send whose answer never came is read back from
 * SalesIQ before the operator is told anything, and is never sent a second time for one click.
 * SalesIQ is a scripted fetch; a thrown TypeError is what fetch does on a reset connection.
 */
const OTHER = '466756000000002003';

const { routes, calls, respond } = routedZoho();

const mine = { status: 'Connected', attender: { id: ME, name: 'Patricia' } };
const arjuns = { status: 'Connected', attender: { id: OTHER, name: 'Arjun' } };

const on =
  (method: string, suffix: string, answer: () => RouteAnswer): Route =>
  (url, init) =>
    (init.method ?? 'GET') === method && url.pathname.endsWith(suffix) ? answer() : undefined;

/** A chat waiting for five seconds, first seen and notified `now`. */
async function notifiedWaitingChat(id: string, now: number, visitor: ChatRecord['visitor'] = {}) {
  await db.chats.put(storedChat(id, { visitor, startTime: now - 5_000, firstSeenAt: now, updatedAt: now }));
  await db.alerts.put({
    conversationId: id,
    portal: 'zylker',
    startTime: now - 5_000,
    firstSeenAt: now,
    notifiedAt: now,
  });
}

beforeEach(async () => {
  routes.length = 0;
  calls.length = 0;
  await signedInWithScriptedZoho(vi.fn(), respond);
  await notifiedWaitingChat('c1', Date.now(), { name: 'Ana' });
});

afterEach(() => {
  vi.unstubAllGlobals();
  resetServerClock();
});

const pickups = () => calls.filter((c) => c.endsWith('/pickup'));

describe('pickupOutcome', () => {
  const chat = (extra: Partial<Conversation>) =>
    ({ id: 'c', status: 'waiting', visitor: {}, question: '', startTime: 0, ...extra }) as Conversation;
  it('reads who has the chat, and trusts an unnamed attender only after an accepted pickup', () => {
    expect(pickupOutcome(chat({ attender: { id: ME, name: 'P', isBot: false } }), ME, 'read')).toEqual({
      kind: 'mine',
    });
    expect(
      pickupOutcome(chat({ status: 'connected', attender: { id: OTHER, name: 'Arjun', isBot: false } }), ME, 'read'),
    ).toEqual({ kind: 'taken', by: 'Arjun' });
    expect(pickupOutcome(chat({ status: 'missed' }), ME, 'read')).toEqual({ kind: 'missed' });
    expect(pickupOutcome(chat({ status: 'waiting' }), ME, 'read')).toEqual({ kind: 'waiting' });
    expect(pickupOutcome(chat({ status: 'connected' }), ME, 'accepted')).toEqual({ kind: 'unnamed' });
    expect(pickupOutcome(chat({ status: 'connected' }), ME, 'rechecked')).toEqual({ kind: 'mine' });
    expect(pickupOutcome(chat({ status: 'connected' }), ME, 'read')).toEqual({ kind: 'gone' });
  });

  it('after a lost answer, follows the stored record: picked up, taken, or still waiting only once a late poll says so', () => {
    const clickedAt = 1_000_000;
    const read = (extra: Partial<Conversation> & { pickedUpAt?: number }, inFlight = false, lastPollAt?: number) =>
      pickupOutcomeFromRecord(chat(extra), ME, { clickedAt, inFlight, lastPollAt });
    expect(read({ status: 'connected', pickedUpAt: clickedAt + 500 })).toEqual({ kind: 'mine' });
    expect(read({ status: 'connected', attender: { id: ME, name: 'P', isBot: false } })).toEqual({ kind: 'mine' });
    expect(read({ status: 'connected', attender: { id: OTHER, name: 'Arjun', isBot: false } })).toEqual({
      kind: 'taken',
      by: 'Arjun',
    });
    expect(read({ status: 'missed' })).toEqual({ kind: 'missed' });
    // Still waiting: SalesIQ may act on the lost request any moment; not decided yet.
    expect(read({}, true, clickedAt + 60_000)).toBeUndefined();
    expect(read({}, false, clickedAt + PICKUP_SETTLES_WITHIN_MS - 1)).toBeUndefined();
    expect(read({}, false)).toBeUndefined();
    expect(read({}, false, clickedAt + PICKUP_SETTLES_WITHIN_MS)).toEqual({ kind: 'waiting' });
  });
});

describe('a pickup whose answer never came', () => {
  it('is picked up when SalesIQ did assign the chat, without a second pickup', async () => {
    routes.push(
      on('PUT', '/pickup', () => 'reset'),
      on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1', mine) } })),
    );
    const record = await pickUpChat('c1');
    expect(record).toMatchObject({ status: 'connected', pickedUpAt: expect.any(Number) });
    expect((await db.alerts.get('c1'))?.pickedUpAt).toBeGreaterThan(0);
    expect(pickups()).toHaveLength(1);
    expect(await pickupsInFlight.all()).toEqual({});
  });

  it('names the colleague who took it meanwhile, and logs that', async () => {
    routes.push(on('PUT', '/pickup', () => ({ body: { error: { code: 0, message: 'x' } } })));
    routes.unshift(
      on('PUT', '/pickup', () => 'reset'),
      on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1', arjuns) } })),
    );
    await expect(pickUpChat('c1')).rejects.toMatchObject({
      kind: 'taken',
      message: 'Arjun picked up this chat first.',
    });
    expect(await db.alerts.get('c1')).toMatchObject({ takenBy: 'Arjun', takenByOtherAt: expect.any(Number) });
    expect((await db.chats.get('c1'))?.pickedUpAt).toBeUndefined();
  });

  it('says plainly it was not picked up when the chat still waits, and a retry sends again', async () => {
    let reset = true;
    routes.push(
      on('PUT', '/pickup', () => (reset ? 'reset' : { body: { data: wireConversation('c1', mine) } })),
      on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1') } })),
    );
    await expect(pickUpChat('c1')).rejects.toMatchObject({
      message: expect.stringMatching(/still waiting: it was not picked up\. Try again/),
    });
    expect(await pickupsInFlight.all()).toEqual({});
    reset = false;
    await expect(pickUpChat('c1')).resolves.toMatchObject({ status: 'connected' });
    expect(pickups()).toHaveLength(2);
  });

  it('when even the read-back fails, the next click reads first and never sends a second pickup', async () => {
    let readable = false;
    routes.push(
      on('PUT', '/pickup', () => 'reset'),
      on('GET', '/conversations/c1', () => (readable ? { body: { data: wireConversation('c1', mine) } } : 'reset')),
    );
    await expect(pickUpChat('c1')).rejects.toMatchObject({ message: expect.stringMatching(/never picks up twice/) });
    expect(Object.keys(await pickupsInFlight.all())).toEqual(['c1']);
    readable = true;
    await expect(pickUpChat('c1')).resolves.toMatchObject({ status: 'connected' });
    expect(pickups()).toHaveLength(1);
    expect(await pickupsInFlight.all()).toEqual({});
  });
});

describe('a pickup read-back while background work is rate-limited', () => {
  it('still goes out, so the chat can be picked up', async () => {
    await noteRateLimit('salesiq.zoho.com', 300_000, Date.now(), 'background');
    routes.push(
      on('PUT', '/pickup', () => 'reset'),
      on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1', mine) } })),
    );
    await expect(pickUpChat('c1')).resolves.toMatchObject({ status: 'connected' });
    expect(pickups()).toHaveLength(1);
    expect(await pickupsInFlight.all()).toEqual({});
  });
});

describe('a worker stopped mid-pickup', () => {
  it('forgets a pickup older than ten minutes instead of reading it back at every start', async () => {
    await pickupsInFlight.put('c1', Date.now() - 11 * 60_000);
    await pickupsInFlight.put('c2', Date.now() - 60_000);
    routes.push(on('GET', '/conversations/c2', () => 'reset')); // its read-back keeps failing: kept for now
    await settleInterruptedPickups();
    expect(calls.filter((c) => c.includes('/conversations/c1'))).toEqual([]);
    expect(Object.keys(await pickupsInFlight.all())).toEqual(['c2']);
  });

  it('is settled at the next start by reading the chat, without sending anything', async () => {
    await pickupsInFlight.put('c1', Date.now() - 2_000); // what the stopped worker left behind
    routes.push(on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1', mine) } })));
    await settleInterruptedPickups();
    expect(pickups()).toEqual([]);
    expect((await db.chats.get('c1'))?.pickedUpAt).toBeGreaterThan(0);
    expect(await pickupsInFlight.all()).toEqual({});
  });

  it('leaves a chat SalesIQ still shows waiting in the queue, and sends nothing', async () => {
    await pickupsInFlight.put('c1', Date.now() - 2_000);
    routes.push(on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1') } })));
    await settleInterruptedPickups();
    expect(pickups()).toEqual([]);
    expect(await db.chats.get('c1')).toMatchObject({ status: 'waiting', pickedUpAt: undefined });
    expect(await pickupsInFlight.all()).toEqual({});
  });

  it('a click before that settles it reads first, then picks up only a chat still waiting', async () => {
    await pickupsInFlight.put('c1', Date.now() - 2_000);
    routes.push(on('GET', '/conversations/c1', () => ({ body: { data: wireConversation('c1', arjuns) } })));
    await expect(pickUpChat('c1')).rejects.toMatchObject({ message: 'Arjun picked up this chat first.' });
    expect(pickups()).toEqual([]);
  });
});

describe('a canned Send whose answer never came', () => {
  const line = (text: string, senderId = ME) => ({
    id: `m-${text.length}-${senderId}`,
    sender: { id: senderId, name: 'x' },
    message: { text },
    time: String(Date.now()),
  });
  const posts = () => calls.filter((c) => c === 'POST /api/v2/zylker/conversations/c1/messages');
  const send = () => sendCannedResponse({ conversationId: 'c1', responseId: 'r1', text: 'Your refund is on its way.' });

  it('counts as sent when the chat shows the line, and a second Send does not post it again', async () => {
    const inChat: unknown[] = [];
    routes.push(
      on('POST', '/messages', () => {
        inChat.push(line('Your refund is on its way.'));
        return 'reset'; // SalesIQ posted it, then the connection dropped
      }),
      on('GET', '/messages', () => ({ body: { data: inChat } })),
    );
    await expect(send()).resolves.toMatchObject({
      alreadySent: false,
      message: { text: 'Your refund is on its way.' },
    });
    await expect(send()).resolves.toMatchObject({ alreadySent: true });
    expect(posts()).toHaveLength(1);
    expect((await db.cannedUses.get('r1'))?.count).toBe(1);
  });

  it('a Send pressed again while the first one’s outcome is still open reads first and does not post again', async () => {
    const inChat: unknown[] = [];
    let reads = 0;
    routes.push(
      on('POST', '/messages', () => {
        inChat.push(line('Your refund is on its way.'));
        return 'reset';
      }),
      on('GET', '/messages', () => (++reads === 1 ? 'reset' : { body: { data: inChat } })),
    );
    // The read-back fails too: not sure. Pressing again finds the line and posts nothing.
    await expect(send()).rejects.toMatchObject({ message: expect.stringMatching(/^Not sure it was sent/) });
    await expect(send()).resolves.toMatchObject({ alreadySent: true });
    expect(posts()).toHaveLength(1);
  });

  it('says "not sent" when the chat does not show it; the retry checks first, then sends', async () => {
    let reset = true;
    routes.push(
      on('POST', '/messages', () => (reset ? 'reset' : { body: { data: line('Your refund is on its way.') } })),
      on('GET', '/messages', () => ({ body: { data: [line('Your refund is on its way.', 'visitor-1')] } })), // the visitor's words do not count
    );
    await expect(send()).rejects.toMatchObject({ message: expect.stringMatching(/^Not sent: .*Press Send again/) });
    reset = false;
    await expect(send()).resolves.toMatchObject({ alreadySent: false });
    expect(calls.filter((c) => c.endsWith('/messages'))).toEqual([
      'POST /api/v2/zylker/conversations/c1/messages',
      'GET /api/v2/zylker/conversations/c1/messages',
      'GET /api/v2/zylker/conversations/c1/messages',
      'POST /api/v2/zylker/conversations/c1/messages',
    ]);
  });

  it('an unanswered send older than ten minutes is forgotten: the same text is simply sent', async () => {
    await browser.storage.session.set({
      sendsInFlight: {
        'c1\nYour refund is on its way.': {
          id: 'old',
          conversationId: 'c1',
          text: 'Your refund is on its way.',
          sentAt: Date.now() - 11 * 60_000,
        },
      },
    });
    routes.push(on('POST', '/messages', () => ({ body: { data: line('Your refund is on its way.') } })));
    await expect(send()).resolves.toMatchObject({ alreadySent: false });
    expect(calls.filter((c) => c.endsWith('/messages'))).toEqual(['POST /api/v2/zylker/conversations/c1/messages']);
    expect(await browser.storage.session.get('sendsInFlight')).toEqual({ sendsInFlight: {} });
  });

  it('a refusal SalesIQ did answer is a plain failure, and nothing is read back', async () => {
    routes.push(on('POST', '/messages', () => ({ body: { error: { code: 1003, message: 'No scope' } } })));
    await expect(send()).rejects.toMatchObject({ kind: 'permission' });
    expect(calls.filter((c) => c.startsWith('GET') && c.endsWith('/messages'))).toEqual([]);
  });

  it('findSentLine matches the operator’s own line from the send on, whitespace tidied', () => {
    const m = (senderId: string, text: string, time = 1_000) => ({
      id: text,
      senderId,
      senderName: '',
      kind: 'text',
      text,
      time,
    });
    expect(findSentLine([m('v', 'Hi  there'), m(ME, 'Hi\nthere ')], 'Hi there', ME, 1_000)?.senderId).toBe(ME);
    expect(findSentLine([m(ME, 'Hi there!')], 'Hi there', ME, 1_000)).toBeUndefined();
    expect(findSentLine([m(ME, 'Hi there', 999)], 'Hi there', ME, 1_000)).toBeUndefined();
  });

  it('an identical line sent a minute earlier is not this one: told "not sent", and the retry posts it', async () => {
    const earlier = { ...line('Your refund is on its way.'), id: 'm-earlier', time: String(Date.now() - 60_000) };
    let reset = true;
    routes.push(
      on('POST', '/messages', () => (reset ? 'reset' : { body: { data: line('Your refund is on its way.') } })),
      on('GET', '/messages', () => ({ body: { data: [earlier] } })), // SalesIQ ignoring from_time shows it too
    );
    await expect(send()).rejects.toMatchObject({ message: expect.stringMatching(/^Not sent: /) });
    reset = false;
    await expect(send()).resolves.toMatchObject({ alreadySent: false });
    expect(posts()).toHaveLength(2);
  });

  it('judges "from the send on" by SalesIQ’s clock, not this machine’s', async () => {
    noteServerDate(new Date(Date.now() - 90_000).toUTCString(), Date.now(), Date.now()); // SalesIQ 90 s behind
    const inChat: unknown[] = [];
    routes.push(
      on('POST', '/messages', () => {
        inChat.push({ ...line('Your refund is on its way.'), time: String(Date.now() - 90_000) });
        return 'reset';
      }),
      on('GET', '/messages', () => ({ body: { data: inChat } })),
    );
    await expect(send()).resolves.toMatchObject({
      alreadySent: false,
      message: { text: 'Your refund is on its way.' },
    });
    expect(posts()).toHaveLength(1);
  });

  it('the read-back is not held back by a 429 that background work provoked', async () => {
    await noteRateLimit('salesiq.zoho.com', 300_000, Date.now(), 'background');
    const inChat: unknown[] = [];
    routes.push(
      on('POST', '/messages', () => {
        inChat.push(line('Your refund is on its way.'));
        return 'reset';
      }),
      on('GET', '/messages', () => ({ body: { data: inChat } })),
    );
    await expect(send()).resolves.toMatchObject({ alreadySent: false });
    expect(posts()).toHaveLength(1);
  });
});

describe('the alert log learns how each chat left the queue', () => {
  it('records a colleague by name, a missed chat, one that ended unanswered, and my own pickup', async () => {
    const now = Date.now();
    for (const id of ['c2', 'c3', 'c4']) {
      await notifiedWaitingChat(id, now);
    }
    const answers: Record<string, Record<string, unknown>> = {
      c1: arjuns,
      c2: { status: 'Missed' },
      c3: { status: 'Ended' },
      c4: mine,
    };
    routes.push((url) => (url.pathname === '/api/v2/zylker/conversations' ? { body: { data: [] } } : undefined));
    routes.push((url) => {
      const id = url.pathname.split('/').at(-1)!;
      return answers[id] ? { body: { data: wireConversation(id, answers[id]) } } : undefined;
    });
    await pollWaitingChats();
    expect(await db.alerts.get('c1')).toMatchObject({ takenBy: 'Arjun', takenByOtherAt: expect.any(Number) });
    expect(await db.alerts.get('c2')).toMatchObject({ missedAt: expect.any(Number) });
    expect(await db.alerts.get('c3')).toMatchObject({ endedAt: expect.any(Number) });
    expect(await db.alerts.get('c4')).toMatchObject({ pickedUpAt: expect.any(Number) });
    expect((await db.alerts.get('c4'))?.endedAt).toBeUndefined();
  });
});

describe('chats that left the queue together', () => {
  it('are all looked up in one poll when their notification is on screen; others at most 8 a poll', async () => {
    const now = Date.now();
    const ids = Array.from({ length: 14 }, (_, i) => `c${i + 1}`);
    for (const id of ids.slice(1)) {
      await notifiedWaitingChat(id, now);
    }
    // Twelve notifications on screen (c1–c12); c13 and c14 have none.
    for (const id of ids.slice(0, 12))
      await browser.notifications.create(`chat:${id}`, { type: 'basic', iconUrl: 'i.png', title: id, message: '' });
    routes.push((url) => (url.pathname === '/api/v2/zylker/conversations' ? { body: { data: [] } } : undefined));
    routes.push((url) => ({ body: { data: wireConversation(url.pathname.split('/').at(-1)!, { status: 'Missed' }) } }));
    const result = await pollWaitingChats();
    expect(result.gone.map((g) => g.chat.id).sort()).toEqual(ids.slice(0, 12).sort());
    expect(calls.filter((c) => /\/conversations\/c\d+$/.test(c))).toHaveLength(12);
    expect((await db.chats.get('c13'))?.missingSince).toEqual(expect.any(Number));
  });
});

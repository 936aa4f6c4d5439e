import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, readMeta, writeMeta } from '../../lib/db';
import { singleFlight } from '../../lib/visitor/common';
import { followConsoleUrl, setFocus } from '../../lib/visitor/focus';
import { visibleHistory } from '../../lib/visitor/history-merge';
import { historyKey } from '../../lib/visitor/records';
import { loadMoreVisitorHistory, refreshVisitor } from '../../lib/visitor/refresh';
import { loadTranscript } from '../../lib/visitor/transcripts';
import { storedChat } from './records-fixture';
import { routedZoho, signedInWithScriptedZoho, zohoData, zohoRefusal } from './signed-in-fixture';

/**
 * The refresh path against a tiny in-test SalesIQ: one department per list call, paging,
 * feedback, the v3 visitor list switched off, and failures.
 */
const EMAIL = 'ana@example.com';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 10, 12);

interface FakeChat {
  id: string;
  dept: string;
  start: number;
  status: string;
  email?: string;
  rating?: string;
}

let chats: FakeChat[];
let visitorsApi: 'enabled' | 'disabled';
let offline: boolean;
let calls: URL[];

const visitorId = (key: string) => `v_${key.replace(/\W/g, '_')}`;

function wire(chat: FakeChat) {
  return {
    id: chat.id,
    question: `Question ${chat.id}`,
    status: chat.status,
    start_time: String(chat.start),
    department: { id: chat.dept, name: chat.dept === 'd1' ? 'Zylker' : 'Sales' },
    attender: { id: 'op1', name: 'Arjun' },
    visitor: {
      id: visitorId(chat.email ?? chat.id),
      name: 'Ana',
      email: chat.email,
      type: 'lead',
      channel_name: 'website',
    },
  };
}

const chatNamed = (url: URL, pattern: RegExp) => {
  const id = url.pathname.match(pattern)?.[1];
  return id === undefined ? undefined : chats.find((c) => c.id === id);
};

// The in-test SalesIQ: routes over `chats`, every request noted in `calls`; offline drops them all.
const { routes, respond } = routedZoho();
routes.push(
  (url) => {
    calls.push(url);
    return offline ? 'reset' : undefined;
  },
  (url) => {
    if (url.pathname !== '/api/v3/zylker/visitors') return undefined;
    if (visitorsApi === 'disabled') return zohoRefusal(1021, 'Visitor Feature not enabled in this plan');
    return zohoData([
      { id: visitorId(EMAIL), lead_score: 42, visit_count: 7, first_accessed_time: String(NOW - 30 * DAY) },
    ]);
  },
  (url) => {
    const chat = chatNamed(url, /^\/api\/v2\/zylker\/conversations\/(\w+)\/messages$/);
    if (!chat) return undefined;
    const from = Number(url.searchParams.get('from_time') ?? 0);
    const all = [1, 2, 3].map((n) => ({
      id: `${chat.id}-m${n}`,
      sequence_id: String(n),
      sender: { id: 'x', name: 'Ana' },
      message: { text: `hello ${n}` },
      time: String(chat.start + n),
    }));
    return zohoData(all.filter((msg) => Number(msg.time) >= from));
  },
  (url) => {
    const chat = chatNamed(url, /^\/api\/v2\/zylker\/conversations\/(\w+)\/feedback$/);
    if (!chat) return undefined;
    return chat.rating
      ? zohoData({ rating: chat.rating, rating_label: 'Happy', feedback: 'Great' })
      : zohoRefusal(1022, 'No feedback available');
  },
  (url) => {
    if (!/^\/api\/v2\/zylker\/conversations\/\w+$/.test(url.pathname)) return undefined;
    const chat = chatNamed(url, /(\w+)$/);
    return chat ? zohoData(wire(chat)) : zohoRefusal(1010, 'Invalid conversation id');
  },
  (url) => {
    if (url.pathname !== '/api/v2/zylker/conversations') return undefined;
    const dept = url.searchParams.get('department_id') ?? 'd1';
    const email = url.searchParams.get('email');
    const limit = Number(url.searchParams.get('limit'));
    const page = Number(url.searchParams.get('page') ?? 1);
    const matching = chats.filter((c) => c.dept === dept && c.email === email).sort((a, b) => b.start - a.start);
    return zohoData(matching.slice((page - 1) * limit, page * limit).map(wire));
  },
);

function listCalls() {
  return calls
    .filter((u) => u.pathname === '/api/v2/zylker/conversations')
    .map((u) => `${u.searchParams.get('department_id')}:${u.searchParams.get('page')}`);
}

beforeEach(async () => {
  calls = [];
  offline = false;
  visitorsApi = 'disabled';
  // d1: the current chat plus 12 earlier ones (two pages of 10); d2: three earlier ones.
  chats = [
    { id: 'current', dept: 'd1', start: NOW - 60_000, status: 'Connected', email: EMAIL },
    ...Array.from({ length: 12 }, (_, i) => ({
      id: `a${i}`,
      dept: 'd1',
      start: NOW - (i + 1) * DAY,
      status: 'Ended',
      email: EMAIL,
      rating: i === 0 ? '3' : undefined,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      id: `b${i}`,
      dept: 'd2',
      start: NOW - (i * 5 + 2.5) * DAY,
      status: 'Ended',
      email: EMAIL,
    })),
    { id: 'anon', dept: 'd1', start: NOW - 1000, status: 'Connected' },
  ];
  await signedInWithScriptedZoho(vi.fn(), respond, {
    departments: [
      { id: 'd1', name: 'Zylker' },
      { id: 'd2', name: 'Sales' },
    ],
  });
});

describe('refreshing the shown visitor', () => {
  it('caches the card, the transcript and page 1 of every department, then fills in ratings', async () => {
    await refreshVisitor('current', { now: NOW });

    const card = await db.visitors.get('current');
    expect(card).toMatchObject({
      portal: 'zylker',
      savedAt: NOW,
      profileState: 'disabled',
      conversation: { id: 'current', visitor: { email: EMAIL } },
    });
    expect(card?.error).toBeUndefined();
    expect((await db.transcripts.get('current'))?.messages.map((m) => m.text)).toEqual([
      'hello 1',
      'hello 2',
      'hello 3',
    ]);

    expect(listCalls().sort()).toEqual(['d1:1', 'd2:1']);
    const record = await db.history.get(historyKey('zylker', EMAIL));
    const view = visibleHistory(record, 'current');
    // d1's page 1 is the current chat and a0-a8 (down to 9 days ago); it has a page 2, so d2's
    // 12.5-day-old chat waits for it. The current chat is not part of its own history.
    expect(view.hasMore).toBe(true);
    expect(view.items.map((i) => i.conversation.id)).toEqual([
      'a0',
      'a1',
      'b0',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'b1',
      'a7',
      'a8',
    ]);
    expect(view.items[0]).toMatchObject({ feedback: { rating: '3', ratingLabel: 'Happy', comment: 'Great' } });
    expect(view.items[1]?.feedbackCheckedAt).toBe(NOW);
    expect(view.items[1]?.feedback).toBeUndefined();
  });

  it('pages on for the departments that have more only', async () => {
    await refreshVisitor('current', { now: NOW });
    calls = [];
    await loadMoreVisitorHistory('current', NOW);
    expect(listCalls()).toEqual(['d1:2']);
    const view = visibleHistory(await db.history.get(historyKey('zylker', EMAIL)), 'current');
    expect(view.hasMore).toBe(false);
    expect(view.items).toHaveLength(15);
    expect(view.items.at(-1)?.conversation.id).toBe('b2');
  });

  it('does not ask again for parts that are still fresh, but always for a live transcript', async () => {
    await refreshVisitor('current', { now: NOW });
    calls = [];
    await refreshVisitor('current', { now: NOW + 5000 });
    expect(calls.map((u) => u.pathname)).toEqual(['/api/v2/zylker/conversations/current/messages']);
    expect(calls[0]?.searchParams.get('from_time')).toBe(String(NOW - 60_000 + 3));
  });

  it('adds the v3 profile when the portal allows it', async () => {
    visitorsApi = 'enabled';
    await refreshVisitor('current', { now: NOW });
    expect(await db.visitors.get('current')).toMatchObject({
      profileState: 'found',
      profile: { leadScore: 42, visitCount: 7 },
    });
  });

  it('keeps saved details and marks them stale when SalesIQ cannot be reached', async () => {
    await refreshVisitor('current', { now: NOW });
    offline = true;
    await expect(refreshVisitor('current', { now: NOW + 60_000, force: true })).rejects.toMatchObject({
      kind: 'network',
    });
    const card = await db.visitors.get('current');
    expect(card).toMatchObject({
      savedAt: NOW,
      error: { kind: 'network', at: NOW + 60_000 },
      conversation: { id: 'current' },
    });
    expect((await db.transcripts.get('current'))?.messages).toHaveLength(3);
    expect((await db.history.get(historyKey('zylker', EMAIL)))?.items.length).toBeGreaterThan(0);

    offline = false;
    await refreshVisitor('current', { now: NOW + 120_000 });
    expect((await db.visitors.get('current'))?.error).toBeUndefined();
  });

  it('reports a failure when nothing is saved, in words the panel can show', async () => {
    await expect(refreshVisitor('missing', { now: NOW })).rejects.toMatchObject({
      kind: 'unknown',
      message: 'Invalid conversation id',
    });
  });

  it('asks nothing about history for a visitor without an email', async () => {
    await refreshVisitor('anon', { now: NOW });
    expect(listCalls()).toEqual([]);
    expect(await db.history.count()).toBe(0);
  });

  it('loads an earlier transcript once, on demand', async () => {
    await loadTranscript('a3', NOW);
    await loadTranscript('a3', NOW);
    expect(calls.filter((u) => u.pathname.endsWith('/a3/messages'))).toHaveLength(1);
    expect((await db.transcripts.get('a3'))?.messages).toHaveLength(3);
  });

  it('settles a connected chat that ended elsewhere, and nothing else in the queue', async () => {
    chats[0]!.status = 'Ended';
    await db.chats.put(storedChat('current', { status: 'connected', pickedUpAt: 2 }));
    await refreshVisitor('current', { now: NOW });
    expect(await db.chats.get('current')).toMatchObject({ status: 'ended', pickedUpAt: 2 });
  });
});

describe('focus', () => {
  it('follows the signed-in portal console tab and ignores everything else', async () => {
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123', 10)).toEqual({
      conversationId: '123',
      source: 'console-tab',
      at: 10,
    });
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123', 20)).toBeUndefined(); // already shown
    expect(await followConsoleUrl('https://salesiq.zoho.eu/zylker/mychats/456', 30)).toBeUndefined(); // other DC
    expect(await followConsoleUrl('https://salesiq.zoho.com/other/mychats/456', 30)).toBeUndefined(); // other portal
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/dashboard', 30)).toBeUndefined();
    expect(await readMeta('focus')).toEqual({ conversationId: '123', source: 'console-tab', at: 10 });

    await setFocus('789', 'chooser', 40);
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123', 50)).toMatchObject({
      conversationId: '123',
    });
  });

  it('keeps the newest focus when an older pickup finishes last', async () => {
    await setFocus('second', 'pickup', 200);
    expect(await setFocus('first', 'pickup', 100)).toMatchObject({ conversationId: 'second' });
    expect(await readMeta('focus')).toMatchObject({ conversationId: 'second', at: 200 });
    await setFocus('third', 'chooser', 300);
    expect(await readMeta('focus')).toMatchObject({ conversationId: 'third' });
    // A clock set back an hour does not freeze the panel on the last focus.
    expect(await setFocus('fourth', 'chooser', 300 - 3_600_000)).toMatchObject({ conversationId: 'fourth' });
  });

  it('keeps a newer focus when an older console-tab event lands last', async () => {
    await setFocus('second', 'pickup', 200);
    // The first chat's tab finished loading before the second pickup, but its event lands now.
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/first', 150)).toBeUndefined();
    expect(await readMeta('focus')).toMatchObject({ conversationId: 'second', at: 200 });
    await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/second-tab', 210);
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/first', 205)).toBeUndefined();
    expect(await readMeta('focus')).toMatchObject({ conversationId: 'second-tab', source: 'console-tab' });
  });

  it('does not follow console tabs when signed out', async () => {
    await writeMeta('session', { state: 'signed-out', updatedAt: 1 });
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123')).toBeUndefined();
  });
});

describe('one refresh at a time', () => {
  it('runs once for callers that arrive together, and once more for those who asked during a run', async () => {
    const flight = singleFlight<number>();
    let runs = 0;
    let release = () => undefined as void;
    const run = () =>
      new Promise<number>((resolve) => {
        const n = ++runs;
        release = () => resolve(n);
      });
    const first = flight('k', run);
    const second = flight('k', run);
    const third = flight('k', run);
    expect(runs).toBe(1);
    release();
    expect(await first).toBe(1);
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    expect([await second, await third]).toEqual([2, 2]);
    const later = flight('k', run);
    expect(runs).toBe(3);
    release();
    expect(await later).toBe(3);
  });
});

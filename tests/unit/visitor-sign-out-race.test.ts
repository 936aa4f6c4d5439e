import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, readMeta, wipeAccountData, writeMeta } from '../../lib/db';
import { followConsoleUrl } from '../../lib/visitor/focus';
import { refreshHistory } from '../../lib/visitor/history';
import { historyKey } from '../../lib/visitor/records';
import { refreshVisitor } from '../../lib/visitor/refresh';
import { loadTranscript } from '../../lib/visitor/transcripts';
import { storedChat, wireConversation } from './records-fixture';
import { ME, routedZoho, signIn, signedInWithScriptedZoho, zohoData } from './signed-in-fixture';

/**
 * Visitor refreshes that are still waiting for SalesIQ when the operator signs out or switches
 * portal must write nothing: not the card, the transcript, the history, an error record, nor the
 * queue's chat status. Otherwise a late answer brings back data sign-out just wiped.
 */
const EMAIL = 'ana@example.com';
const NOW = Date.UTC(2026, 4, 10, 12);

/** Runs once, while the first SalesIQ request is in flight. */
let duringFirstRequest: (() => Promise<void>) | undefined;
let offline: boolean;

const ended = (id: string) =>
  wireConversation(id, {
    status: 'Ended',
    start_time: String(NOW - 60_000),
    visitor: { id: 'v1', name: 'Ana', email: EMAIL },
  });

// Any portal's SalesIQ (a test switches portal mid-request); offline drops every request.
const { routes, respond } = routedZoho();
routes.push(
  () => (offline ? 'reset' : undefined),
  (url) => (url.pathname === '/api/v3/zylker/visitors' ? zohoData([{ id: 'v1', lead_score: 42 }]) : undefined),
  (url) => {
    const id = url.pathname.match(/\/conversations\/(\w+)\/messages$/)?.[1];
    if (id === undefined) return undefined;
    const line = { id: `${id}-m1`, sequence_id: '1', sender: { id: 'x', name: 'Ana' }, message: { text: 'hello' } };
    return zohoData([{ ...line, time: String(NOW - 1000) }]);
  },
  (url) =>
    url.pathname.endsWith('/feedback')
      ? zohoData({ rating: '3', rating_label: 'Happy', feedback: 'Great' })
      : undefined,
  (url) => {
    const id = url.pathname.match(/\/conversations\/(\w+)$/)?.[1];
    return id === undefined ? undefined : zohoData(ended(id));
  },
  (url) => (url.pathname.endsWith('/conversations') ? zohoData([ended('old1')]) : undefined),
);

/** SalesIQ, after running `duringFirstRequest` while the first request is in flight. */
async function fakeSalesIQ(url: string, init?: RequestInit): Promise<Response> {
  const hook = duringFirstRequest;
  duringFirstRequest = undefined;
  await hook?.();
  return respond(url, init);
}

async function signOut() {
  await wipeAccountData();
  await writeMeta('session', { state: 'signed-out', updatedAt: 2 });
}

async function counts() {
  return {
    visitors: await db.visitors.count(),
    transcripts: await db.transcripts.count(),
    history: await db.history.count(),
    chats: await db.chats.count(),
  };
}

beforeEach(async () => {
  duringFirstRequest = undefined;
  offline = false;
  await signedInWithScriptedZoho(vi.fn(), fakeSalesIQ);
});

describe('visitor data after sign-out', () => {
  it('a refresh that was waiting for SalesIQ when the operator signed out writes nothing', async () => {
    duringFirstRequest = signOut;
    await refreshVisitor('current', { now: NOW }).catch(() => undefined);
    expect(await counts()).toEqual({ visitors: 0, transcripts: 0, history: 0, chats: 0 });
    expect((await readMeta('session'))?.state).toBe('signed-out');
  });

  it('nor does one that was waiting when the operator switched portal, not even the chat status', async () => {
    const card = {
      conversationId: 'current',
      portal: 'zylker',
      conversation: {
        id: 'current',
        question: 'Hi',
        status: 'connected' as const,
        startTime: 1,
        visitor: { id: 'v1', email: EMAIL },
      },
      savedAt: 1,
    };
    await db.visitors.put(card);
    await db.chats.put(storedChat('current', { status: 'connected', question: 'Hi' }));
    duringFirstRequest = () => signIn({ portal: { screen: 'other', name: 'Other', operatorId: ME } });

    await refreshVisitor('current', { now: NOW, force: true }).catch(() => undefined);

    expect(await db.visitors.get('current')).toEqual(card);
    expect(await db.chats.get('current')).toMatchObject({ status: 'connected', updatedAt: 1 });
    expect(await db.transcripts.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('writes no error record either when the late answer is a failure', async () => {
    duringFirstRequest = async () => {
      offline = true;
      await signOut();
    };
    await expect(refreshHistory({ portal: 'zylker', email: EMAIL, departments: ['d1'] }, NOW)).rejects.toBeDefined();
    expect(await db.history.get(historyKey('zylker', EMAIL))).toBeUndefined();

    await signIn();
    duringFirstRequest = signOut;
    await loadTranscript('old1', NOW).catch(() => undefined);
    expect(await db.transcripts.count()).toBe(0);
  });

  it('still writes everything while the session stands', async () => {
    await db.chats.put(storedChat('current', { status: 'connected', question: 'Hi' }));
    await refreshVisitor('current', { now: NOW });
    expect(await db.visitors.get('current')).toMatchObject({ portal: 'zylker', savedAt: NOW });
    expect(await db.transcripts.get('current')).toMatchObject({ savedAt: NOW });
    expect((await db.history.get(historyKey('zylker', EMAIL)))?.items.map((i) => i.conversation.id)).toEqual(['old1']);
    expect(await db.chats.get('current')).toMatchObject({ status: 'ended', updatedAt: NOW });
  });

  it('follows a console tab only while that portal is signed in', async () => {
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/123', 10)).toMatchObject({
      conversationId: '123',
    });
    await signOut();
    expect(await followConsoleUrl('https://salesiq.zoho.com/zylker/mychats/456', 20)).toBeUndefined();
    expect(await readMeta('focus')).toBeUndefined();
  });
});

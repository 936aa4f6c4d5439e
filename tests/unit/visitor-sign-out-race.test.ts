import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, readMeta, wipeAccountData, writeMeta } from '../../lib/db';
import { followConsoleUrl } from '../../lib/visitor/focus';
import { refreshHistory } from '../../lib/visitor/history';
import { historyKey } from '../../lib/visitor/records';
import { refreshVisitor } from '../../lib/visitor/refresh';
import { loadTranscript } from '../../lib/visitor/transcripts';
import { storedChat, wireConversation } from './records-fixture';
import { ME, signIn, signedInWithScriptedZoho } from './signed-in-fixture';

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

function envelope(data: unknown) {
  return new Response(JSON.stringify({ url: '/', object: 'x', data }), { status: 200 });
}

const ended = (id: string) =>
  wireConversation(id, {
    status: 'Ended',
    start_time: String(NOW - 60_000),
    visitor: { id: 'v1', name: 'Ana', email: EMAIL },
  });

async function fakeSalesIQ(input: string | URL | Request): Promise<Response> {
  const hook = duringFirstRequest;
  duringFirstRequest = undefined;
  await hook?.();
  if (offline) throw new TypeError('Failed to fetch');
  const path = new URL(String(input)).pathname;
  let m: RegExpMatchArray | null;
  if (path === '/api/v3/zylker/visitors') return envelope([{ id: 'v1', lead_score: 42 }]);
  if ((m = path.match(/\/conversations\/(\w+)\/messages$/))) {
    return envelope([
      {
        id: `${m[1]}-m1`,
        sequence_id: '1',
        sender: { id: 'x', name: 'Ana' },
        message: { text: 'hello' },
        time: String(NOW - 1000),
      },
    ]);
  }
  if (path.endsWith('/feedback')) return envelope({ rating: '3', rating_label: 'Happy', feedback: 'Great' });
  if ((m = path.match(/\/conversations\/(\w+)$/))) return envelope(ended(m[1]!));
  if (path.endsWith('/conversations')) return envelope([ended('old1')]);
  throw new Error(`unexpected ${path}`);
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

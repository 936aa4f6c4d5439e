import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, wipeAccountData, writeMeta, type AlertRecord, type ChatRecord } from '../../lib/db';
import { updateSettings } from '../../lib/settings';
import { historyKey } from '../../lib/visitor/records';
import { PURGE_ALARM, ensurePurgeAlarm, purgeVisitorData, startVisitorRetention } from '../../lib/visitor/retention';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 4, 10, 12);

async function seed(conversationId: string, savedAt: number) {
  const conversation = {
    id: conversationId,
    question: '',
    status: 'ended' as const,
    startTime: savedAt,
    visitor: { email: `${conversationId}@example.com` },
  };
  await db.visitors.put({ conversationId, portal: 'zylker', conversation, savedAt });
  await db.transcripts.put({ conversationId, messages: [], savedAt });
  await db.history.put({
    key: historyKey('zylker', `${conversationId}@example.com`),
    portal: 'zylker',
    email: `${conversationId}@example.com`,
    items: [],
    cursors: {},
    savedAt,
  });
}

async function ids() {
  return {
    visitors: (await db.visitors.toArray()).map((r) => r.conversationId).sort(),
    transcripts: (await db.transcripts.toArray()).map((r) => r.conversationId).sort(),
    history: (await db.history.toArray()).map((r) => r.email).sort(),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
});

describe('visitor data retention', () => {
  it('deletes what SalesIQ sent longer ago than the retention setting (default 7 days)', async () => {
    await seed('fresh', NOW - 1 * DAY);
    await seed('edge', NOW - 7 * DAY + 1);
    await seed('old', NOW - 7 * DAY - 1);
    await seed('ancient', NOW - 90 * DAY);
    await seed('never-loaded', 0); // an error-only record

    const removed = await purgeVisitorData(NOW);

    expect(removed).toEqual({ visitors: 3, history: 3, transcripts: 3, chats: 0, alerts: 0 });
    expect(await ids()).toEqual({
      visitors: ['edge', 'fresh'],
      transcripts: ['edge', 'fresh'],
      history: ['edge@example.com', 'fresh@example.com'],
    });
  });

  it('follows the operator setting, and an explicit number of days', async () => {
    await seed('one-day', NOW - 1 * DAY - 1000);
    await seed('hour', NOW - 3600_000);
    await updateSettings({ visitorRetentionDays: 1 });
    await purgeVisitorData(NOW);
    expect((await ids()).visitors).toEqual(['hour']);
    await purgeVisitorData(NOW, 0);
    expect((await ids()).visitors).toEqual([]);
  });

  it('falls back to the default for a nonsensical setting instead of deleting everything', async () => {
    await seed('three-days', NOW - 3 * DAY);
    await updateSettings({ visitorRetentionDays: Number.NaN });
    await purgeVisitorData(NOW);
    expect((await ids()).visitors).toEqual(['three-days']);
  });

  it("purges the queue's old chats and alert log too, but never a waiting chat of the signed-in portal", async () => {
    await writeMeta('session', {
      state: 'signed-in',
      portal: { screen: 'zylker', name: 'Zylker', operatorId: '1' },
      updatedAt: NOW,
    });
    const chat = (id: string, status: ChatRecord['status'], updatedAt: number): ChatRecord => ({
      id,
      question: '',
      status,
      startTime: 1,
      visitor: { name: id },
      portal: 'zylker',
      firstSeenAt: 1,
      updatedAt,
    });
    await db.chats.bulkPut([
      chat('waiting-old', 'waiting', NOW - 90 * DAY),
      chat('connected-old', 'connected', NOW - 7 * DAY - 1),
      chat('ended-old', 'ended', NOW - 30 * DAY),
      chat('ended-edge', 'ended', NOW - 7 * DAY + 1),
      chat('connected-fresh', 'connected', NOW - 1 * DAY),
    ]);
    const alert = (conversationId: string, firstSeenAt: number): AlertRecord => ({
      conversationId,
      portal: 'zylker',
      startTime: firstSeenAt,
      firstSeenAt,
      notifiedAt: firstSeenAt,
    });
    await db.alerts.bulkPut([
      alert('a-old', NOW - 7 * DAY - 1),
      alert('a-ancient', NOW - 90 * DAY),
      alert('a-edge', NOW - 7 * DAY + 1),
      alert('a-fresh', NOW - 3600_000),
    ]);

    const removed = await purgeVisitorData(NOW);

    expect(removed).toMatchObject({ chats: 2, alerts: 2 });
    expect((await db.chats.toArray()).map((c) => c.id).sort()).toEqual([
      'connected-fresh',
      'ended-edge',
      'waiting-old',
    ]);
    expect((await db.alerts.toArray()).map((a) => a.conversationId).sort()).toEqual(['a-edge', 'a-fresh']);

    // The operator's retention setting applies to them as well; waiting chats still stay.
    await purgeVisitorData(NOW, 0);
    expect((await db.chats.toArray()).map((c) => c.id)).toEqual(['waiting-old']);
    expect(await db.alerts.count()).toBe(0);
  });

  it("purges waiting chats no poll will settle: another portal's, or all of them while the session is expired", async () => {
    const chat = (id: string, portal: string): ChatRecord => ({
      id,
      question: 'my card number is…',
      status: 'waiting',
      startTime: 1,
      visitor: { name: id, email: `${id}@example.com` },
      portal,
      firstSeenAt: 1,
      updatedAt: NOW - 30 * DAY,
    });
    const session = (state: 'signed-in' | 'expired') => ({
      state,
      portal: { screen: 'zylker', name: 'Zylker', operatorId: '1' },
      updatedAt: NOW,
    });
    await writeMeta('session', session('signed-in'));
    await db.chats.bulkPut([chat('this-portal', 'zylker'), chat('other-portal', 'acme')]);

    await purgeVisitorData(NOW);
    // The signed-in portal's waiting chat is the poll's to settle; the other portal's has no end date.
    expect((await db.chats.toArray()).map((c) => c.id)).toEqual(['this-portal']);

    await writeMeta('session', session('expired'));
    await purgeVisitorData(NOW);
    // Nothing polls while the session is expired: the limit applies to every chat.
    expect(await db.chats.count()).toBe(0);
  });

  it('schedules one daily purge alarm, re-created if lost, and purges at start', async () => {
    await seed('old', NOW - 30 * DAY);
    await startVisitorRetention();
    const alarm = await fakeBrowser.alarms.get(PURGE_ALARM);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
    expect(await db.visitors.count()).toBe(0);

    await ensurePurgeAlarm();
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === PURGE_ALARM)).toHaveLength(1);
    await fakeBrowser.alarms.clearAll();
    await ensurePurgeAlarm();
    expect(await fakeBrowser.alarms.get(PURGE_ALARM)).toBeDefined();
  });

  it('is wiped on sign-out with the rest of the account data', async () => {
    await seed('fresh', Date.now());
    await wipeAccountData();
    expect(await ids()).toEqual({ visitors: [], transcripts: [], history: [] });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { db, wipeAccountData, type ChatRecord } from '../../lib/db';
import { alertStep, alertWaitingChats, withdrawStaleNotifications } from '../../lib/queue/alert-policy';
import { deliveryProblem } from '../../lib/queue/delivery-problem';
import { updateDeliveryNotice } from '../../lib/queue/delivery-notice';
import { SERVICE_NOTICE_ID } from '../../lib/queue/notifications';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { noteServerDate, resetServerClock, salesiqNow, serverClockOffsetMs } from '../../lib/salesiq/server-clock';

/** The queue's alerting and telling-the-operator rules (issue 13), without a browser. */
const playChime = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../lib/queue/sound', () => ({ playChime }));

const settings = { ...DEFAULT_SETTINGS, sound: false };
const chat = (id: string, extra: Partial<ChatRecord> = {}): ChatRecord => ({
  id,
  status: 'waiting',
  portal: 'zylker',
  question: `Question ${id}`,
  startTime: 1_000_000,
  firstSeenAt: 1_000_000,
  updatedAt: 1_000_000,
  visitor: { name: `Visitor ${id}` },
  ...extra,
});
const shown = async () => Object.keys(await browser.notifications.getAll()).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
});

describe('alertStep', () => {
  const limits = { escalateAfterSec: 40, missedAfterSec: 60 };
  it('notifies once, escalates once between the escalation and missed lines, then stays quiet', () => {
    expect(alertStep(2, {}, limits)).toBe('notify');
    expect(alertStep(2, { notifiedAt: 1 }, limits)).toBeUndefined();
    expect(alertStep(41, { notifiedAt: 1 }, limits)).toBe('escalate');
    expect(alertStep(41, {}, limits)).toBe('escalate'); // first seen already late: one escalated alert
    expect(alertStep(45, { notifiedAt: 1, escalatedAt: 2 }, limits)).toBeUndefined();
    expect(alertStep(61, { notifiedAt: 1 }, limits)).toBeUndefined(); // missed: too late to escalate
  });
});

describe('alertWaitingChats', () => {
  it('skips a chat picked up after the poll merged it (re-read before showing)', async () => {
    const listed = chat('raced');
    await db.chats.put({ ...listed, status: 'connected', pickedUpAt: 1_000_500 });
    await db.alerts.put({ conversationId: 'raced', portal: 'zylker', startTime: listed.startTime, firstSeenAt: 1 });
    await alertWaitingChats({ waiting: [listed], gone: [], skipped: 0 }, settings, 1_002_000, 1_002_000);
    expect(await shown()).toEqual([]);
    expect((await db.alerts.get('raced'))?.notifiedAt).toBeUndefined();
  });

  it('takes a notification back when the pickup landed while it was being shown', async () => {
    const listed = chat('late');
    await db.chats.put(listed);
    await db.alerts.put({ conversationId: 'late', portal: 'zylker', startTime: listed.startTime, firstSeenAt: 1 });
    type Create = (id: string, options: unknown) => Promise<string>;
    const notifications = browser.notifications as unknown as { create: Create };
    const create = notifications.create.bind(notifications);
    vi.spyOn(notifications, 'create').mockImplementationOnce(async (id, options) => {
      await db.chats.update('late', { status: 'connected', pickedUpAt: 1_000_600 });
      return create(id, options);
    });
    await alertWaitingChats({ waiting: [listed], gone: [], skipped: 0 }, settings, 1_002_000, 1_002_000);
    expect(await shown()).toEqual([]);
  });

  it('measures the wait on SalesIQ’s clock: a chat started just now there is not escalated', async () => {
    const serverNow = 5_000_000;
    const fresh = chat('fresh', { startTime: serverNow - 1_000 });
    await db.chats.put(fresh);
    await db.alerts.put({ conversationId: 'fresh', portal: 'zylker', startTime: fresh.startTime, firstSeenAt: 1 });
    // This machine is 90 s behind SalesIQ: by its own clock the chat "started in the future".
    await alertWaitingChats({ waiting: [fresh], gone: [], skipped: 0 }, settings, serverNow, serverNow - 90_000);
    const record = await db.alerts.get('fresh');
    expect(record?.notifiedAt).toBeGreaterThan(0);
    expect(record?.escalatedAt).toBeUndefined();
  });
});

describe('alertWaitingChats after a worker stop', () => {
  it('does not pop a notification up again when the worker stopped between showing and stamping it', async () => {
    const listed = chat('half-done');
    await db.chats.put(listed);
    await db.alerts.put({ conversationId: 'half-done', portal: 'zylker', startTime: listed.startTime, firstSeenAt: 1 });
    // Shown by the previous worker, which stopped before stamping notifiedAt.
    await browser.notifications.create('chat:half-done', { type: 'basic', iconUrl: '', title: 'x', message: 'x' });
    const create = vi.spyOn(browser.notifications, 'create');
    await alertWaitingChats({ waiting: [listed], gone: [], skipped: 0 }, settings, 1_002_000, 1_002_000);
    expect(create).not.toHaveBeenCalled();
    expect((await db.alerts.get('half-done'))?.notifiedAt).toBe(1_002_000);
    expect(await shown()).toEqual(['chat:half-done']);
  });
});

describe('withdrawStaleNotifications', () => {
  it('withdraws every chat notification whose chat is no longer waiting, whatever the reason', async () => {
    await db.chats.bulkPut([
      chat('waiting'),
      chat('picked', { status: 'connected', pickedUpAt: 5 }),
      chat('missed', { status: 'missed' }),
    ]);
    for (const id of ['waiting', 'picked', 'missed', 'wiped']) {
      await browser.notifications.create(`chat:${id}`, { type: 'basic', iconUrl: '', title: id, message: id });
    }
    await browser.notifications.create(SERVICE_NOTICE_ID, { type: 'basic', iconUrl: '', title: 'x', message: 'x' });
    await withdrawStaleNotifications();
    expect(await shown()).toEqual([SERVICE_NOTICE_ID, 'chat:waiting'].sort());
  });
});

describe('the "chats cannot reach you" notice', () => {
  const signedIn = { state: 'signed-in' as const, updatedAt: 1 };
  const failing = (since: number, now: number) => ({
    failures: 3,
    failingSince: since,
    error: { kind: 'network' as const, message: '', at: now },
  });

  it('asks to sign in when the session expired, and speaks up after 30 s of failures', () => {
    const now = 1_000_000;
    expect(deliveryProblem({ state: 'expired', updatedAt: 1 }, undefined, now)).toBe('sign-in');
    expect(deliveryProblem(signedIn, failing(now - 29_000, now), now)).toBeUndefined();
    expect(deliveryProblem(signedIn, failing(now - 31_000, now), now)).toBe('failing');
    expect(deliveryProblem({ state: 'signed-out', updatedAt: 1 }, failing(now - 60_000, now), now)).toBeUndefined();
    expect(deliveryProblem(signedIn, { failures: 0, lastSuccessAt: now }, now)).toBeUndefined();
  });

  it('shows one notice, never repeats it while the problem lasts, and withdraws it when fixed', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    const now = 1_000_000;
    await updateDeliveryNotice({ state: 'expired', updatedAt: 1 }, undefined, now);
    await updateDeliveryNotice({ state: 'expired', updatedAt: 2 }, undefined, now + 30_000);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await shown()).toEqual([SERVICE_NOTICE_ID]);
    const notice = create.mock.calls[0]![1] as unknown as { title: string; buttons?: { title: string }[] };
    expect(create.mock.calls[0]![0]).toBe(SERVICE_NOTICE_ID);
    expect(notice.title).toBe('Sign in to keep receiving chats');
    expect(notice.buttons?.map((b) => b.title)).toEqual(['Sign in']);
    // Dismissed by the operator: not shown again for the same problem.
    await browser.notifications.clear(SERVICE_NOTICE_ID);
    await updateDeliveryNotice({ state: 'expired', updatedAt: 3 }, undefined, now + 60_000);
    expect(create).toHaveBeenCalledTimes(1);
    // A different problem replaces it; the fix withdraws it.
    await updateDeliveryNotice(signedIn, failing(now, now + 40_000), now + 40_000);
    expect(await shown()).toEqual([SERVICE_NOTICE_ID]);
    expect((create.mock.calls[1]![1] as unknown as { buttons?: { title: string }[] }).buttons?.[0]?.title).toBe(
      'Retry',
    );
    await updateDeliveryNotice(signedIn, { failures: 0, lastSuccessAt: now + 45_000 }, now + 45_000);
    expect(await shown()).toEqual([]);
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe('SalesIQ’s clock', () => {
  beforeEach(() => resetServerClock());

  it('estimates the offset from the Date header and ignores jitter within its one-second resolution', () => {
    const sentAt = Date.parse('2026-12-01T10:00:00.000Z');
    noteServerDate(new Date(sentAt + 90_000).toUTCString(), sentAt, sentAt + 200);
    expect(Math.abs(serverClockOffsetMs() - 90_000)).toBeLessThanOrEqual(600);
    const first = serverClockOffsetMs();
    noteServerDate(new Date(sentAt + 10_000 + 90_000).toUTCString(), sentAt + 10_000, sentAt + 10_300);
    expect(serverClockOffsetMs()).toBe(first);
    expect(salesiqNow(first, sentAt)).toBe(sentAt + first);
    noteServerDate('not a date', sentAt, sentAt);
    noteServerDate(null, sentAt, sentAt);
    expect(serverClockOffsetMs()).toBe(first);
  });
});

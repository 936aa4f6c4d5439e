import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  chatNotificationIds,
  notificationsBlocked,
  replyNotificationIds,
  showChatNotification,
  showReplyNotification,
  withdrawNotification,
} from '../../lib/queue/notifications';
import { storedChat } from './records-fixture';

/**
 * What is on screen and whether notifications are allowed are asked of the browser once for a
 * turn's several questions (lib/queue/notifications.ts), and never answered stale after this
 * helper changed what is on screen.
 */
const alertOf = (id: string) => ({
  chat: storedChat(id),
  hideVisitorText: false,
  escalated: false,
  silent: true,
  waitedSec: 1,
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

describe('notifications on screen', () => {
  it("answers a turn's questions from one getAll", async () => {
    await showChatNotification(alertOf('c1'));
    const getAll = vi.spyOn(browser.notifications, 'getAll');
    expect(await chatNotificationIds()).toEqual(['c1']);
    expect(await replyNotificationIds()).toEqual([]);
    expect(await chatNotificationIds()).toEqual(['c1']);
    expect(getAll).toHaveBeenCalledTimes(1);
  });

  it('asks again after this helper creates or clears one, and after a second', async () => {
    const getAll = vi.spyOn(browser.notifications, 'getAll');
    expect(await chatNotificationIds()).toEqual([]);
    await showChatNotification(alertOf('c1'));
    expect(await chatNotificationIds()).toEqual(['c1']);
    await showReplyNotification({ chat: storedChat('c2'), hideVisitorText: false, silent: true });
    expect(await replyNotificationIds()).toEqual(['c2']);
    await withdrawNotification('c1');
    expect(await chatNotificationIds()).toEqual([]);
    expect(getAll).toHaveBeenCalledTimes(4);
    // Closed elsewhere (the operator, the system): seen within a second.
    await fakeBrowser.notifications.clear('reply:c2');
    vi.setSystemTime(Date.now() + 1_000);
    expect(await replyNotificationIds()).toEqual([]);
    expect(getAll).toHaveBeenCalledTimes(5);
  });
});

describe('notificationsBlocked', () => {
  it('asks the browser at most once a minute', async () => {
    const level = vi.fn(async () => 'denied' as const);
    (fakeBrowser.notifications as unknown as { getPermissionLevel: typeof level }).getPermissionLevel = level;
    expect(await notificationsBlocked()).toBe(true);
    expect(await notificationsBlocked()).toBe(true);
    expect(level).toHaveBeenCalledTimes(1);
    level.mockResolvedValue('granted' as never);
    vi.setSystemTime(Date.now() + 60_000);
    expect(await notificationsBlocked()).toBe(false);
    expect(level).toHaveBeenCalledTimes(2);
  });

  it('assumes notifications are shown where the browser cannot tell', async () => {
    expect(await notificationsBlocked()).toBe(false);
  });
});

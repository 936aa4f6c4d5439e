import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, readMeta, updateMeta, wipeAccountData, writeMeta } from '../../lib/db';
import { isRequest, isTrustedSender } from '../../lib/messages';
import { recordFirstSeen, stamp } from '../../lib/queue/alert-log';
import { DEFAULT_SETTINGS, getSettings, inQuietHours, updateSettings } from '../../lib/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
});

describe('alert log', () => {
  it('keeps the first sighting and stamps each milestone once', async () => {
    await recordFirstSeen([{ conversationId: 'c1', portal: 'zylker', startTime: 1 }], 100);
    await recordFirstSeen([{ conversationId: 'c1', portal: 'zylker', startTime: 1 }], 200);
    expect((await db.alerts.get('c1'))?.firstSeenAt).toBe(100);
    expect(await stamp('c1', 'notifiedAt', {}, 300)).toBe(true);
    expect(await stamp('c1', 'notifiedAt', {}, 400)).toBe(false);
    expect((await db.alerts.get('c1'))?.notifiedAt).toBe(300);
    expect(await stamp('unknown', 'notifiedAt')).toBe(false);
  });

  it('is wiped with the rest of the account data', async () => {
    await recordFirstSeen([{ conversationId: 'c1', portal: 'zylker', startTime: 1 }]);
    await writeMeta('session', { state: 'signed-in', updatedAt: 1 });
    await wipeAccountData();
    expect(await db.alerts.count()).toBe(0);
    expect(await readMeta('session')).toBeUndefined();
  });
});

describe('meta records', () => {
  it('updates atomically from the current value', async () => {
    await Promise.all([1, 2, 3].map(() => updateMeta('poll', (p) => ({ failures: (p?.failures ?? 0) + 1 }))));
    expect((await readMeta('poll'))?.failures).toBe(3);
  });
});

describe('settings', () => {
  it('fills defaults and merges updates', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ sound: false, quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    expect(await getSettings()).toMatchObject({ sound: false, escalateAfterSec: 40, quietHours: { enabled: true } });
  });

  it('handles quiet hours that cross midnight', () => {
    const quiet = { enabled: true, start: '22:00', end: '07:00' };
    expect(inQuietHours(quiet, new Date(2026, 0, 1, 23, 30))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 0, 1, 6, 59))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 0, 1, 7, 0))).toBe(false);
    expect(inQuietHours({ ...quiet, start: '12:00', end: '13:00' }, new Date(2026, 0, 1, 12, 30))).toBe(true);
    expect(inQuietHours({ ...quiet, enabled: false }, new Date(2026, 0, 1, 23, 30))).toBe(false);
  });
});

describe('message protocol', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('accepts only our own extension pages', () => {
    expect(isTrustedSender({ id, url: `${origin}popup.html` }, id, origin)).toBe(true);
    expect(isTrustedSender({ id: 'other', url: `${origin}popup.html` }, id, origin)).toBe(false);
    // A content script carries our id but a web page's URL.
    expect(isTrustedSender({ id, url: 'https://salesiq.zoho.com/zylker' }, id, origin)).toBe(false);
    expect(isTrustedSender({ id }, id, origin)).toBe(false);
  });

  it('recognises only known request types', () => {
    expect(isRequest({ type: 'pickUp', conversationId: '1' })).toBe(true);
    expect(isRequest({ type: 'eval' })).toBe(false);
    expect(isRequest('signIn')).toBe(false);
    expect(isRequest(null)).toBe(false);
  });
});

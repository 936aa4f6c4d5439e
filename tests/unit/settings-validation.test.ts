import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepSessionStorageTrusted } from '../../lib/browser/session-storage-access';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../lib/settings';

beforeEach(() => fakeBrowser.reset());

/** What anything with storage.local access (the content script too) could have written. */
async function storeRaw(value: unknown) {
  await browser.storage.local.set({ settings: value });
}

describe('settings are validated when read', () => {
  it('clamps numbers into the ranges the options page offers', async () => {
    await storeRaw({ visitorRetentionDays: 100_000, escalateAfterSec: -5, missedAfterSec: 1e9 });
    expect(await getSettings()).toMatchObject({ visitorRetentionDays: 90, escalateAfterSec: 5, missedAfterSec: 3600 });
    await storeRaw({ visitorRetentionDays: 0 });
    expect((await getSettings()).visitorRetentionDays).toBe(1);
  });

  it('replaces wrong types and malformed values with the defaults', async () => {
    await storeRaw({
      visitorRetentionDays: '365',
      escalateAfterSec: Number.POSITIVE_INFINITY,
      sound: 'yes',
      hideVisitorText: 1,
      chinaSignIn: null,
      quietHours: { enabled: 'true', start: '25:99', end: '<b>7</b>' },
      departmentFilter: { id: 'x' },
      injected: '<img src=x onerror=alert(1)>',
    });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await storeRaw('not an object');
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await storeRaw({ quietHours: 'none' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values, and an update cannot store an invalid one', async () => {
    await storeRaw({
      visitorRetentionDays: 30,
      quietHours: { enabled: true, start: '21:30', end: '06:00' },
      departmentFilter: 'd1',
    });
    expect(await getSettings()).toMatchObject({
      visitorRetentionDays: 30,
      quietHours: { enabled: true, start: '21:30', end: '06:00' },
      departmentFilter: 'd1',
    });
    await updateSettings({ visitorRetentionDays: -1 });
    expect(
      ((await browser.storage.local.get('settings')).settings as { visitorRetentionDays: number }).visitorRetentionDays,
    ).toBe(1);
  });
});

describe('storage.session access level', () => {
  it('is set to trusted contexts only, where the browser supports it', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    Object.assign(browser.storage.session, { setAccessLevel });
    await keepSessionStorageTrusted();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    Object.assign(browser.storage.session, { setAccessLevel: undefined });
    await expect(keepSessionStorageTrusted()).resolves.toBeUndefined();
  });
});

describe('settings changes in a row', () => {
  it('keeps every change when two are made at once (the writes are serialised)', async () => {
    await Promise.all([updateSettings({ sound: false }), updateSettings({ departmentFilter: 'd1' })]);
    const settings = await getSettings();
    expect(settings.sound).toBe(false);
    expect(settings.departmentFilter).toBe('d1');
  });
});

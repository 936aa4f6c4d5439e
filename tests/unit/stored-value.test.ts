import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { sessionValue, storedValue } from '../../lib/browser/stored-value';
import { getSettings, updateSettings } from '../../lib/settings';

/** storage.session values read from memory between changes (lib/browser/stored-value.ts): never stale. */
describe('sessionValue', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage once, then from memory, until it writes or removes', async () => {
    const token = sessionValue<{ n: number }>('test-token');
    const get = vi.spyOn(browser.storage.session, 'get');
    expect(await token.read()).toBeUndefined();
    await token.write({ n: 1 });
    expect(await token.read()).toEqual({ n: 1 });
    expect(await token.read()).toEqual({ n: 1 });
    expect(get).toHaveBeenCalledTimes(2); // once before the write, once after
    await token.remove();
    expect(await token.read()).toBeUndefined();
    expect((await browser.storage.session.get('test-token'))['test-token']).toBeUndefined();
  });

  it('forgets a value changed anywhere else (storage.onChanged)', async () => {
    const blocks = sessionValue<number>('test-blocks');
    await blocks.write(1);
    expect(await blocks.read()).toBe(1);
    await browser.storage.session.set({ 'test-blocks': 2 });
    expect(await blocks.read()).toBe(2);
  });

  it('does not keep what a read found while a write was landing', async () => {
    const value = sessionValue<number>('test-race');
    await value.write(1);
    const racing = value.read();
    const written = value.write(2);
    await Promise.all([racing, written]);
    expect(await value.read()).toBe(2);
  });

  it('hands out copies: changing what a caller got changes nothing stored', async () => {
    const value = sessionValue<{ list: number[] }>('test-copy');
    await value.write({ list: [1] });
    (await value.read())!.list.push(2);
    expect(await value.read()).toEqual({ list: [1] });
  });
});

/** The settings, read every turn, come from storage.local the same way. */
describe('storedValue in storage.local (the settings)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the settings from storage once, and again after any change', async () => {
    const get = vi.spyOn(browser.storage.local, 'get');
    expect((await getSettings()).sound).toBe(true);
    expect((await getSettings()).sound).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
    await updateSettings({ sound: false });
    expect((await getSettings()).sound).toBe(false);
    // The options page writes in its own context: the background hears it through onChanged.
    await browser.storage.local.set({ settings: { sound: true } });
    expect((await getSettings()).sound).toBe(true);
  });

  it('keeps values of one area apart from the same key in the other', async () => {
    const local = storedValue<number>('local', 'same-key');
    const session = storedValue<number>('session', 'same-key');
    await local.write(1);
    expect(await local.read()).toBe(1);
    await browser.storage.session.set({ 'same-key': 2 });
    expect(await local.read()).toBe(1);
    expect(await session.read()).toBe(2);
  });
});

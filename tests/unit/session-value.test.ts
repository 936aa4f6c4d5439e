import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { sessionValue } from '../../lib/browser/session-value';

/** storage.session values read from memory between changes (lib/browser/session-value.ts): never stale. */
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

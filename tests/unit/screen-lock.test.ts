import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onScreenUnlocked, screenLocked } from '../../lib/browser/screen-lock';

/**
 * Every turn asks whether the screen is locked (lib/browser/screen-lock.ts): once the worker
 * listens to the idle API, the last state it was told answers, with no round trip to the browser.
 */
describe('screenLocked', () => {
  it('asks the browser until it listens, then answers from what the idle API told it', async () => {
    const listeners: ((state: string) => void)[] = [];
    const queryState = vi.fn(async () => 'active');
    Object.assign(fakeBrowser, {
      idle: { queryState, onStateChanged: { addListener: (l: (state: string) => void) => listeners.push(l) } },
    });
    expect(await screenLocked()).toBe(false);
    expect(queryState).toHaveBeenCalledTimes(1);

    const unlocked = vi.fn();
    onScreenUnlocked(unlocked);
    await vi.waitFor(() => expect(queryState).toHaveBeenCalledTimes(2)); // the worker's start
    listeners.forEach((l) => l('locked'));
    expect(await screenLocked()).toBe(true);
    listeners.forEach((l) => l('active'));
    expect(await screenLocked()).toBe(false);
    expect(unlocked).toHaveBeenCalledTimes(1);
    expect(queryState).toHaveBeenCalledTimes(2);
  });
});

import { browser } from 'wxt/browser';

/**
 * Whether the screen is locked (the `idle` permission, which has no install warning). Locked,
 * nobody can take a chat: the queue slows to the Busy cadence until the screen is unlocked.
 * Asked at every turn, so a worker started while the screen is locked knows it at once.
 */
const IDLE_DETECTION_SEC = 60;

export async function screenLocked(): Promise<boolean> {
  try {
    return (await browser.idle?.queryState(IDLE_DETECTION_SEC)) === 'locked';
  } catch {
    return false; // no idle API here (e.g. tests): assume someone is there
  }
}

/** Calls `onUnlock` when the screen is unlocked (the state goes from locked to active). */
export function onScreenUnlocked(onUnlock: () => void): void {
  let last: string | undefined;
  // A worker started while the screen is locked must still see the unlock.
  void browser.idle
    ?.queryState(IDLE_DETECTION_SEC)
    .then((state) => (last ??= state))
    .catch(() => undefined);
  browser.idle?.onStateChanged.addListener((state) => {
    if (state === 'active' && last === 'locked') onUnlock();
    last = state;
  });
}

import { browser } from 'wxt/browser';

/**
 * Whether the screen is locked (the `idle` permission, which has no install warning). Locked,
 * nobody can take a chat: the queue slows to the Busy cadence until the screen is unlocked.
 * Every turn needs the answer. Once this worker listens to the idle API's changes, the last state
 * it was told is the answer; until then (a worker just started) the browser is asked, so a worker
 * started while the screen is locked knows it at once.
 */
const IDLE_DETECTION_SEC = 60;

type IdleState = 'active' | 'idle' | 'locked';
let known: IdleState | undefined;

async function queryState(): Promise<IdleState | undefined> {
  try {
    return (await browser.idle?.queryState(IDLE_DETECTION_SEC)) as IdleState | undefined;
  } catch {
    return undefined; // no idle API here (e.g. tests): assume someone is there
  }
}

export async function screenLocked(): Promise<boolean> {
  return (known ?? (await queryState())) === 'locked';
}

/** Calls `onUnlock` when the screen is unlocked (the state goes from locked to active). */
export function onScreenUnlocked(onUnlock: () => void): void {
  // A worker started while the screen is locked must still see the unlock; a change told
  // meanwhile is newer than this answer.
  void queryState().then((state) => (known ??= state));
  browser.idle?.onStateChanged.addListener((state) => {
    if (state === 'active' && known === 'locked') onUnlock();
    known = state as IdleState;
  });
}

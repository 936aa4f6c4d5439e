import { useEffect, useState } from 'preact/hooks';
import type { ChatRecord } from '../../lib/records';
import { JUST_PICKED_WINDOW_MS } from '../../lib/ui/format';

/**
 * A value that changes when the oldest "just picked up" chat leaves the window: an unchanged
 * queue is not rewritten, so nothing else would make the popup look at the clock again.
 */
export function useExpiryTick(picked: readonly ChatRecord[] | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const times = (picked ?? []).map((c) => c.pickedUpAt).filter((t): t is number => t !== undefined);
    if (!times.length) return;
    const nextExpiry = Math.min(...times.map((t) => t + JUST_PICKED_WINDOW_MS).filter((t) => t > Date.now()));
    if (!Number.isFinite(nextExpiry)) return;
    const timer = setTimeout(() => setTick((n) => n + 1), nextExpiry - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [picked, tick]);
  return tick;
}

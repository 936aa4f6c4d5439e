import { useEffect, useState } from 'preact/hooks';

/**
 * One shared one-second clock for every page. However many wait timers are on screen, there is a
 * single timeout; each tick lands just after a wall-clock second so timers that count whole
 * seconds all flip together instead of drifting past each other.
 */
type Listener = (now: number) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
}

function tick(): void {
  const now = Date.now();
  for (const listener of listeners) listener(now);
  schedule();
}

function subscribeToClock(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendering the calling component once a second. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => subscribeToClock(setNow), []);
  return now;
}

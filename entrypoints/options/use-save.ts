import { useEffect, useRef, useState } from 'preact/hooks';
import { updateSettings, type Settings } from '../../lib/settings';

// updateSettings is read-modify-write: two quick changes in flight together could lose one.
// Every save from this page waits for the previous one.
let queue: Promise<unknown> = Promise.resolve();

export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = queue.then(() => updateSettings(patch));
  queue = next.catch(() => undefined);
  return next;
}

/** Saves a settings change and reports "Saving…", "Saved" (for a moment) or the failure. */
export function useSave() {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function save(patch: Partial<Settings>) {
    clearTimeout(timer.current);
    setStatus('Saving…');
    try {
      await saveSettings(patch);
      setStatus('Saved');
      timer.current = setTimeout(() => setStatus(''), 2500);
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { status, save, setStatus };
}

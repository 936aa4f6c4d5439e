import { useEffect, useRef, useState } from 'preact/hooks';
import { updateSettings, type Settings } from '../../lib/settings';

/** Saves a settings change and reports "Saving…", "Saved" (for a moment) or the failure. */
export function useSave() {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function save(patch: Partial<Settings>) {
    clearTimeout(timer.current);
    setStatus('Saving…');
    try {
      await updateSettings(patch); // serialised with every other settings change in lib/settings.ts
      setStatus('Saved');
      timer.current = setTimeout(() => setStatus(''), 2500);
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { status, save, setStatus };
}

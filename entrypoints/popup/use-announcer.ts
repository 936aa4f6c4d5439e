import { useCallback, useState } from 'preact/hooks';

/**
 * Text for a polite live region. Saying the same sentence twice must still be heard, so every
 * other message gets an invisible trailing space: screen readers only read a changed region.
 */
export function useAnnouncer() {
  const [state, setState] = useState({ text: '', flip: false });
  const announce = useCallback(
    (text: string) => setState((s) => ({ text: text + (s.flip ? '' : '\u00a0'), flip: !s.flip })),
    [],
  );
  return { announcement: state.text, announce };
}

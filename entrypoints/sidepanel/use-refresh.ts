import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, type Reply } from '../../lib/messages';

type ReplyError = Extract<Reply, { ok: false }>['error'];

/** While the panel is visible it asks the background to refresh the shown visitor this often. */
export const REFRESH_MS = 5_000;

/**
 * The panel's refresh rhythm: one request at a time, every 5 s while visible, at once when it
 * becomes visible or the browser comes back online. The background decides what is due.
 */
export function useVisitorRefresh(conversationId: string | undefined, enabled: boolean) {
  const [error, setError] = useState<ReplyError | undefined>();
  const [busy, setBusy] = useState(false);
  const retryRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setError(undefined);
    if (!conversationId || !enabled) return;
    let cancelled = false;
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = async (force = false) => {
      clearTimeout(timer);
      if (inFlight || (!force && document.visibilityState !== 'visible')) return;
      inFlight = true;
      if (force) setBusy(true);
      const reply = await ask({ type: 'refreshVisitor', conversationId, force });
      inFlight = false;
      if (cancelled) return;
      setBusy(false);
      setError(reply.ok ? undefined : reply.error);
      timer = setTimeout(() => void run(), REFRESH_MS);
    };
    const wake = () => {
      if (document.visibilityState === 'visible') void run();
    };
    retryRef.current = () => void run(true);
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    void run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, [conversationId, enabled]);

  return { error, busy, retry: () => retryRef.current() };
}

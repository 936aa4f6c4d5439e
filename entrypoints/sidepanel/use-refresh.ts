import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, type Reply } from '../../lib/messages';

type ReplyError = Extract<Reply, { ok: false }>['error'];

/** While the panel is visible it asks the background to refresh the shown visitor this often. */
export const REFRESH_MS = 5_000;
/**
 * While it shows a connected chat of mine (the composer is open), this often: the background then
 * reads that one chat's new messages (`from_time` = the newest saved line) on each ask, so a
 * visitor's line shows within 3 s. That is 20 message reads a minute for that one chat, plus the
 * chat itself every 15 s (4 a minute), only while the panel is on screen; nothing when hidden.
 */
export const LIVE_CHAT_REFRESH_MS = 3_000;

/**
 * The panel's refresh rhythm: one request at a time, every 5 s while visible (3 s for a connected
 * chat of mine), at once when it becomes visible or the browser comes back online; nothing while
 * hidden. The background decides what is due.
 */
export function useVisitorRefresh(conversationId: string | undefined, enabled: boolean, periodMs = REFRESH_MS) {
  const [error, setError] = useState<ReplyError | undefined>();
  const [busy, setBusy] = useState(false);
  const retryRef = useRef<() => void>(() => undefined);
  // Read at each step: the chat becoming mine (or ending) changes the pace without restarting the loop.
  const periodRef = useRef(periodMs);
  periodRef.current = periodMs;

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
      timer = setTimeout(() => void run(), periodRef.current);
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

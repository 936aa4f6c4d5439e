import { useState } from 'preact/hooks';
import type { PollState } from '../lib/records';
import { ask } from '../lib/messages';
import { describeError } from '../lib/salesiq/errors';
import { failingTooLong } from '../lib/queue/delivery-problem';
import { useNow } from './clock';
import { formatAgo } from '../lib/ui/format';
import { HostAccessBanner } from './HostAccessBanner';
import { plainError } from '../lib/ui/plain-error';
import { useLiveMeta } from './use-live-read';

/** Older than this, the list may no longer be what SalesIQ shows; the poll runs every few seconds. */
const STALE_AFTER_MS = 20_000;

export type Connection =
  | { kind: 'ok' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; notReachingYou: boolean }
  | { kind: 'stale'; ageMs: number }
  | { kind: 'never' };

/** What the banner should say, from the background's record of its last polls. */
export function connectionState(poll: PollState | undefined, now: number): Connection {
  if (poll?.error?.kind === 'offline') return { kind: 'offline' };
  if (poll?.error && (!poll.lastSuccessAt || poll.error.at >= poll.lastSuccessAt)) {
    // Said in the same words as the desktop notice the background shows after the same time.
    return { kind: 'error', message: describeError(poll.error.kind), notReachingYou: failingTooLong(poll, now) };
  }
  if (!poll?.lastSuccessAt) return { kind: 'never' };
  const ageMs = now - poll.lastSuccessAt;
  return ageMs > STALE_AFTER_MS ? { kind: 'stale', ageMs } : { kind: 'ok' };
}

/**
 * Offline, failing or stale: one banner, in plain words, with a way to retry. `problemsOnly`
 * (the side panel) leaves out "checking" and "updated … ago", which only the queue needs.
 */
export function ConnectionBanner({
  initial = null,
  problemsOnly = false,
}: {
  initial?: PollState | null;
  problemsOnly?: boolean;
}) {
  // null until IndexedDB answers (unless the page read it before its first paint): no banner
  // flashes before the real poll state is known.
  const poll = useLiveMeta('poll', initial);
  const hostAccess = useLiveMeta('hostAccess', undefined);
  const now = useNow();
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState('');

  async function retry() {
    setRetrying(true);
    setRetryError('');
    const reply = await ask({ type: 'refreshNow' });
    setRetrying(false);
    if (!reply.ok) setRetryError(plainError(reply.error));
  }

  if (poll === null) return null;
  // Without site access every call fails like a network error: say what is really wrong.
  if (hostAccess?.missing.length) return <HostAccessBanner />;
  const state = connectionState(poll, now);
  if (state.kind === 'ok') return null;
  if (problemsOnly && (state.kind === 'stale' || state.kind === 'never')) return null;

  const retryButton = (
    <button type="button" class="banner__action" disabled={retrying} onClick={() => void retry()}>
      {retrying ? 'Retrying…' : 'Retry now'}
    </button>
  );

  let body;
  switch (state.kind) {
    case 'offline':
      return (
        <div class="banner banner--warn" role="status">
          <p>You are offline — chats will update when the connection is back.</p>
          {retryButton}
          {retryError && <p class="inline-error">{retryError}</p>}
        </div>
      );
    case 'error':
      body = <p>{state.notReachingYou ? `New chats are not reaching you. ${state.message}` : state.message}</p>;
      break;
    case 'stale':
      body = <p>{`Updated ${formatAgo(state.ageMs)}.`}</p>;
      break;
    case 'never':
      body = <p>Checking SalesIQ for waiting chats…</p>;
      break;
  }
  return (
    // The stale age changes every second: keep it out of the live region so it is not re-announced.
    <div
      class={`banner ${state.kind === 'error' ? 'banner--error' : 'banner--info'}`}
      role={state.kind === 'stale' ? undefined : 'status'}
    >
      {body}
      {state.kind !== 'never' && retryButton}
      {retryError && <p class="inline-error">{retryError}</p>}
    </div>
  );
}

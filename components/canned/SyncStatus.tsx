import { useEffect, useState } from 'preact/hooks';
import { STALE_SYNC_MS, type CannedSyncState } from '../../lib/canned/records';
import { ask } from '../../lib/messages';
import { describeError, type ApiErrorKind } from '../../lib/salesiq/errors';
import { plainError } from '../../lib/ui/plain-error';
import { ago, count } from './format';

/** describeError speaks about chats; here the subject is the saved library. */
function syncProblem(kind: ApiErrorKind): string {
  switch (kind) {
    case 'auth':
      return 'your Zoho sign-in has expired. Sign in again to update them.';
    case 'permission':
      return 'your SalesIQ role cannot read canned responses. Ask a SalesIQ admin for access.';
    case 'offline':
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate-limited':
      return 'SalesIQ could not be reached. Trying again in 30 minutes, or press Refresh.';
    default:
      return describeError(kind);
  }
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** How fresh the saved library is, why it could not be refreshed, and a way to refresh it. */
export function SyncStatus({ sync, total }: { sync?: CannedSyncState; total: number }) {
  const online = useOnline();
  const [error, setError] = useState('');
  const [asked, setAsked] = useState(false);
  const running = asked || (!!sync?.startedAt && Date.now() - sync.startedAt < STALE_SYNC_MS);
  // A later successful sync (the alarm's, say) makes an old failure moot.
  useEffect(() => setError(''), [sync?.lastSuccessAt]);

  function refresh() {
    setError('');
    setAsked(true);
    void ask({ type: 'syncCanned' }).then((reply) => {
      setAsked(false);
      if (reply.ok) return;
      // The background records SalesIQ's failures (shown below); anything else is said here.
      if (reply.error.kind === 'invalid' || reply.error.kind === 'unknown') setError(plainError(reply.error));
      else setError(`Could not update: ${syncProblem(reply.error.kind)}`);
    });
  }

  const failed = sync?.error && (!sync.lastSuccessAt || sync.error.at > sync.lastSuccessAt);
  return (
    <div class="canned-sync">
      <p class="canned-sync__line">
        {count(total, 'response')}
        {sync?.lastSuccessAt ? ` · updated ${ago(sync.lastSuccessAt)}` : ''}
        {running ? ' · updating…' : ''}
      </p>
      <button type="button" class="link-button small" onClick={refresh} disabled={running || !online}>
        Refresh
      </button>
      {!online && <p class="note canned-sync__note">Offline: showing your saved responses.</p>}
      {online && !error && failed && (
        <p class="note canned-sync__note">
          Could not update: {syncProblem(sync.error!.kind)} {total ? 'Showing your saved responses.' : ''}
        </p>
      )}
      {error && <p class="inline-error canned-sync__note">{error}</p>}
    </div>
  );
}

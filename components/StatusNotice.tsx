import type { OperatorState } from '../lib/records';
import { useNow } from './clock';
import { formatAgo } from '../lib/ui/format';

/** How long "SalesIQ set you to Busy" stays up after SalesIQ changed the status on its own. */
const ELSEWHERE_NOTICE_MS = 5 * 60_000;

const STATUS_WORD = { available: 'Available', busy: 'Busy', other: 'another status' } as const;

/** Tells the operator their status changed outside this extension (SalesIQ's idle timer, another tab). */
export function StatusNotice({ operator }: { operator: OperatorState | undefined }) {
  const now = useNow();
  const at = operator?.changedElsewhereAt;
  if (!operator || !at || now - at > ELSEWHERE_NOTICE_MS) return null;
  return (
    <div class="banner banner--info">
      <p>
        {/* Only the sentence is live; the ticking age would otherwise be re-read every second. */}
        <span role="status">{`SalesIQ set you to ${STATUS_WORD[operator.status]}.`}</span>{' '}
        <span class="muted">{formatAgo(now - at)}</span>
      </p>
    </div>
  );
}

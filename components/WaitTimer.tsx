import { salesiqNow } from '../lib/salesiq/server-clock';
import { useNow } from './clock';
import { WAIT_LEVEL_TEXT, formatWait, spokenWait, waitLevel, waitedSeconds } from '../lib/ui/format';

interface Props {
  /** When the visitor started waiting (ms since epoch). */
  since: number;
  escalateAfterSec: number;
  missedAfterSec: number;
  /** SalesIQ's clock minus this machine's: `since` is a SalesIQ time. */
  clockOffsetMs?: number;
  id?: string;
}

/**
 * "0:42", ticking on the shared clock. Amber after a third of the missed deadline, red and
 * labelled "Urgent" from the escalation point. Screen readers get "waiting 42 seconds".
 */
export function WaitTimer({ since, escalateAfterSec, missedAfterSec, clockOffsetMs = 0, id }: Props) {
  const seconds = waitedSeconds(since, salesiqNow(clockOffsetMs, useNow()));
  const level = waitLevel(seconds, { escalateAfterSec, missedAfterSec });
  const flag = WAIT_LEVEL_TEXT[level];
  return (
    <span id={id} class={`wait wait--${level}`}>
      <span class="visually-hidden">{`waiting ${spokenWait(seconds)}${flag ? `, ${flag.toLowerCase()}` : ''}`}</span>
      <span aria-hidden="true">
        {flag && <span class="wait__flag">{flag}</span>}
        <span class="wait__time">{formatWait(seconds)}</span>
      </span>
    </span>
  );
}

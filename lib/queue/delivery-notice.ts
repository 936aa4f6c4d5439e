import { readSession } from '../auth/session';
import { readMeta, type PollState, type SessionInfo } from '../db';
import { onTablesChanged } from '../db-changes';
import { describeError } from '../salesiq/errors';
import { deliveryProblem, type DeliveryProblem } from './delivery-problem';
import { showServiceNotice, withdrawServiceNotice } from './notifications';
import { sessionValue } from '../browser/stored-value';

const SHOWN_KEY = 'deliveryNoticeShown';

/**
 * Tell the operator, once, when chats cannot reach them: the sign-in needs them, or SalesIQ has
 * failed for more than half a minute. The badge alone is not enough: Chrome hides unpinned
 * toolbar icons. The notice is not repeated while the problem lasts (even if dismissed), is
 * replaced when the problem changes, and is withdrawn when it is fixed.
 */
function noticeContent(problem: DeliveryProblem, poll: PollState | undefined) {
  if (problem === 'sign-in') {
    return {
      title: 'Sign in to keep receiving chats',
      message: 'Your Zoho sign-in has expired. New chats will not reach you until you sign in again.',
      action: 'Sign in',
    };
  }
  const why = poll?.error ? describeError(poll.error.kind) : 'SalesIQ is not answering.';
  return {
    title: 'New chats are not reaching you',
    message: `${why} Check SalesIQ in the console meanwhile.`,
    action: 'Retry',
  };
}

/** The notice on screen, checked every turn: kept in memory between changes (stored-value.ts). */
const shownProblem = sessionValue<DeliveryProblem>(SHOWN_KEY);

let queue: Promise<void> = Promise.resolve();

/** Show, replace or withdraw the notice from the current state. Calls are serialised. */
export function updateDeliveryNotice(
  session: SessionInfo | undefined,
  poll: PollState | undefined,
  now = Date.now(),
): Promise<void> {
  queue = queue
    .then(async () => {
      const problem = deliveryProblem(session, poll, now);
      const shown = await shownProblem.read();
      if (problem === shown) return;
      if (problem) {
        await showServiceNotice(noticeContent(problem, poll));
        await shownProblem.write(problem);
      } else {
        await withdrawServiceNotice();
        await shownProblem.remove();
      }
    })
    .catch((error: unknown) => console.warn('Operator Companion: notice failed', String(error).slice(0, 120)));
  return queue;
}

/**
 * A session that expired outside a turn (a pickup or a sync renewing the token) is told at once,
 * not at the next alarm: every committed write to the meta table (the same notices the pages
 * hear) re-checks the notice. Background only; call once at worker start.
 */
export function watchDeliveryState(): void {
  let checking = false;
  let again = false;
  const check = async () => {
    if (checking) return void (again = true);
    checking = true;
    try {
      do {
        again = false;
        await updateDeliveryNotice(await readSession(), await readMeta('poll'));
      } while (again);
    } finally {
      checking = false;
    }
  };
  onTablesChanged(['meta'], () => void check().catch(() => undefined));
}

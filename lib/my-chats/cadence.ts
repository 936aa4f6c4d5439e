/**
 * What My chats costs, and how it shares the queue's list-call budget (lib/queue/cadence.ts:
 * 15 list calls a minute per department while Available, at most 60 a minute in total).
 * - A department where the operator has an open chat is listed (`status=connected`,
 *   `attender_id` = me) on every turn of the queue: at most one extra list call per such
 *   department per turn, ≈ 14 a minute while Available, whatever the number of chats in it.
 * - Every other department of the operator is listed at most every DISCOVERY_INTERVAL_MS (a chat
 *   picked up in the console shows up within that), and at once after a pickup here.
 * - A chat's messages are read only when the list cannot say who spoke last or since when the
 *   visitor waits (reply-state.ts), at most MAX_MESSAGE_READS_PER_TURN chats a turn.
 * - These calls count towards the 60-a-minute ceiling: the queue's turn period is stretched for the
 *   list calls of both (`listCallsPerTurn`), so the total never passes it.
 */
export const DISCOVERY_INTERVAL_MS = 15_000;
export const MAX_MESSAGE_READS_PER_TURN = 3;
/** A chat that left the connected list is looked up (is it still mine?) at most this many a turn. */
export const MAX_GONE_LOOKUPS_PER_TURN = 3;

/**
 * Which departments a turn lists for My chats: those with an open chat of mine every turn; all of
 * them when discovery is due. `departments` empty means the list's default department only.
 */
export function departmentsToList(
  departments: readonly string[],
  withMyChats: ReadonlySet<string>,
  discoveryDue: boolean,
): (string | undefined)[] {
  if (!departments.length) return [undefined];
  return discoveryDue ? [...departments] : departments.filter((d) => withMyChats.has(d));
}

/** List calls a queue turn makes on average: the waiting list's plus My chats'. */
export function listCallsPerTurn(departments: number, departmentsWithMyChats: number, turnIntervalMs: number): number {
  const waiting = Math.max(1, departments);
  const mine = Math.min(departmentsWithMyChats, waiting);
  const discovery = ((waiting - mine) * turnIntervalMs) / DISCOVERY_INTERVAL_MS;
  return waiting + mine + Math.min(waiting - mine, discovery);
}

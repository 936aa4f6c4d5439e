import { SalesIQError } from '../salesiq/errors';
import { attenderOf, type Conversation } from '../salesiq/types';

/**
 * What a conversation, as SalesIQ shows it after a pickup attempt, says about that pickup. Pure:
 * the pickup flow reads the chat, this decides, the flow tells the operator.
 */
export type PickupOutcome =
  | { kind: 'mine' }
  | { kind: 'taken'; by: string }
  | { kind: 'missed' }
  /** Nobody has it and it still waits: the pickup did not happen, another one is safe. */
  | { kind: 'waiting' }
  /** SalesIQ accepted the pickup but named no attender: read the chat once more. */
  | { kind: 'unnamed' }
  /** Ended or closed without an attender named. */
  | { kind: 'gone' };

/**
 * `accepted`: this is the pickup's own success answer. `rechecked`: a read-back after such an
 * answer. `read`: a read-back after no answer or an unclear refusal.
 */
export type PickupEvidence = 'accepted' | 'rechecked' | 'read';

export function pickupOutcome(chat: Conversation, myOperatorId: string, evidence: PickupEvidence): PickupOutcome {
  const attender = attenderOf(chat);
  if (attender?.id === myOperatorId) return { kind: 'mine' };
  if (chat.status === 'missed') return { kind: 'missed' };
  if (attender) return { kind: 'taken', by: attender.name };
  if (evidence === 'accepted') return { kind: 'unnamed' };
  // After an accepted pickup, a chat in progress with no attender named yet is ours.
  if (evidence === 'rechecked' && (chat.status === 'connected' || chat.status === 'open')) return { kind: 'mine' };
  return chat.status === 'waiting' || chat.status === 'unknown' ? { kind: 'waiting' } : { kind: 'gone' };
}

/**
 * The words for a pickup that did not make the chat ours. `unanswered`: SalesIQ never answered the
 * pickup itself (timeout, reset, 5xx), and the read-back shows it did nothing.
 */
export function pickupRefusal(
  outcome: Exclude<PickupOutcome, { kind: 'mine' }>,
  { unanswered = false } = {},
): SalesIQError {
  switch (outcome.kind) {
    case 'taken':
      return new SalesIQError('taken', `${outcome.by} picked up this chat first.`);
    case 'missed':
      return new SalesIQError('taken', 'This chat was already missed: the visitor stopped waiting.');
    case 'waiting':
    case 'unnamed':
      return new SalesIQError(
        'unknown',
        unanswered
          ? 'SalesIQ did not answer, and the chat is still waiting: it was not picked up. Try again.'
          : 'SalesIQ did not assign the chat to you. Try again.',
      );
    case 'gone':
      return new SalesIQError('taken', 'This chat is no longer waiting.');
  }
}

/**
 * How long after the click a chat still waiting proves the pickup was not done: past the pickup
 * request's own timeout (lib/salesiq/request.ts), a request SalesIQ received has been acted on.
 */
export const PICKUP_SETTLES_WITHIN_MS = 15_000;

/**
 * The page's answer for a pickup whose reply never came back (the worker stopped mid-request):
 * what the chat's stored record says now. The background settles such a pickup by reading the chat
 * back at its next start (settleInterruptedPickups), and every poll updates the record. Undefined:
 * not clear yet, keep checking. Pure, like pickupOutcome.
 * - `inFlight`: the background still lists the pickup as sent and unsettled.
 * - `lastPollAt`: when the newest successful poll ran.
 */
export function pickupOutcomeFromRecord(
  chat: Conversation & { pickedUpAt?: number },
  myOperatorId: string,
  { clickedAt, inFlight, lastPollAt }: { clickedAt: number; inFlight: boolean; lastPollAt?: number },
): PickupOutcome | undefined {
  if (chat.pickedUpAt !== undefined && chat.status !== 'waiting') return { kind: 'mine' };
  const outcome = pickupOutcome(chat, myOperatorId, 'read');
  if (outcome.kind !== 'waiting') return outcome;
  // Still waiting: only a poll well after the click, with nothing left unsettled, says it was not done.
  const settled = !inFlight && lastPollAt !== undefined && lastPollAt >= clickedAt + PICKUP_SETTLES_WITHIN_MS;
  return settled ? outcome : undefined;
}

import { SalesIQError, describeError } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';

/**
 * What a chat, as SalesIQ shows it after End chat or Transfer, says about that action. Pure: the
 * action reads the chat, this decides, the action tells the operator (like pickup-outcome.ts).
 */
export type ChatActionOutcome =
  /** The action happened (this attempt, or an earlier one whose answer was lost). */
  | { kind: 'done' }
  /** The chat ended before the action could matter (the visitor left, or it was ended elsewhere). */
  | { kind: 'ended' }
  /** A colleague has it now (not through this action). */
  | { kind: 'not-mine'; by: string }
  /** Still open and still mine: the action did not happen, another one is safe. */
  | { kind: 'unchanged' };

export interface TransferTarget {
  departmentId: string;
  operatorId?: string;
}

const ENDED: ReadonlySet<string> = new Set(['ended', 'closed', 'missed']);

export function closeOutcome(chat: Conversation, myOperatorId: string): ChatActionOutcome {
  if (ENDED.has(chat.status)) return { kind: 'done' };
  const attender = chat.attender ?? chat.owner;
  if (attender && attender.id !== myOperatorId) return { kind: 'not-mine', by: attender.name };
  return { kind: 'unchanged' };
}

/**
 * Transferred: the chat sits in the target department, with the chosen colleague, or (no colleague
 * chosen) with anyone but me. Ended is its own outcome: a transfer cannot have done that.
 */
export function transferOutcome(chat: Conversation, target: TransferTarget, myOperatorId: string): ChatActionOutcome {
  if (ENDED.has(chat.status)) return { kind: 'ended' };
  const attender = chat.attender ?? chat.owner;
  const inDepartment = chat.department?.id === target.departmentId;
  if (inDepartment && (target.operatorId ? attender?.id === target.operatorId : attender?.id !== myOperatorId))
    return { kind: 'done' };
  if (attender && attender.id !== myOperatorId) return { kind: 'not-mine', by: attender.name };
  return { kind: 'unchanged' };
}

export type ChatAction = 'close' | 'transfer';

const VERB: Record<ChatAction, { did: string; press: string }> = {
  close: { did: 'ended', press: 'End chat' },
  transfer: { did: 'transferred', press: 'Transfer' },
};

/**
 * The words for an action that did not happen. `unanswered`: SalesIQ never answered the action
 * itself (timeout, reset, 5xx), and the read-back shows it did nothing.
 */
export function actionRefusal(
  action: ChatAction,
  outcome: Exclude<ChatActionOutcome, { kind: 'done' }>,
  { unanswered = false } = {},
): SalesIQError {
  const { did } = VERB[action];
  switch (outcome.kind) {
    case 'ended':
      return new SalesIQError('taken', 'This chat has already ended.');
    case 'not-mine':
      return new SalesIQError('taken', `${outcome.by} has this chat now, so it was not ${did}.`);
    case 'unchanged':
      return new SalesIQError(
        'unknown',
        unanswered
          ? `SalesIQ did not answer, and the chat is still yours: it was not ${did}. Try again.`
          : `SalesIQ did not accept this: the chat was not ${did}. Try again.`,
      );
  }
}

/** A read-back that failed too: whether the action happened is not known yet. */
export function actionUnsure(action: ChatAction): string {
  const { did, press } = VERB[action];
  return `SalesIQ did not answer, so it is not clear whether the chat was ${did}. Press ${press} again: it checks first and never does it twice.`;
}

/**
 * A refusal SalesIQ did answer (or that never left: offline, rate limit), in the operator's words:
 * the wire's own text ("HTTP 403", an envelope message) is not for them.
 */
export function refusalWords(action: ChatAction, error: SalesIQError): SalesIQError {
  const { did } = VERB[action];
  const words =
    error.kind === 'offline'
      ? `You are offline: the chat was not ${did}. Try again when the connection is back.`
      : error.kind === 'rate-limited'
        ? `SalesIQ asked us to slow down: the chat was not ${did}. Try again in a few seconds.`
        : error.kind === 'auth'
          ? error.message
          : `${describeError(error.kind)} The chat was not ${did}.`;
  return new SalesIQError(error.kind, words, { status: error.status, code: error.code });
}

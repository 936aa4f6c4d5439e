import type { Conversation } from '../salesiq/types';

/**
 * The side panel's composer: only the operator in a connected chat may write in it. The panel
 * says why not before anyone types; this is the same rule at the boundary, on what the
 * extension last saw of the chat (SalesIQ has the final word and refuses otherwise).
 */
export type ComposeBlock = { kind: 'ended' } | { kind: 'not-mine'; by?: string } | { kind: 'waiting' };

export function composeBlock(
  chat: Pick<Conversation, 'status' | 'attender' | 'owner'>,
  myOperatorId: string,
): ComposeBlock | undefined {
  if (chat.status === 'waiting') return { kind: 'waiting' };
  if (chat.status !== 'connected' && chat.status !== 'open' && chat.status !== 'unknown') return { kind: 'ended' };
  const attender = chat.attender ?? chat.owner;
  if (attender && attender.id !== myOperatorId) return { kind: 'not-mine', by: attender.name };
  return undefined;
}

/** Why the composer is closed, in words with a way forward. */
export function composeBlockText(block: ComposeBlock): string {
  switch (block.kind) {
    case 'ended':
      return 'This chat has ended, so no more messages can be sent to it.';
    case 'not-mine':
      return `${block.by ?? 'Another operator'} is in this chat: only they can reply. Open it in SalesIQ to ask to join.`;
    case 'waiting':
      return 'This chat is waiting for an operator: only the operator who picks it up can reply.';
  }
}

import type { SessionInfo } from '../records';
import { readRecord } from '../db-read';
import type { Conversation } from '../salesiq/types';
import type { PlaceholderContext } from './placeholders';

type ChatFacts = Pick<Conversation, 'visitor' | 'department'>;

/** Placeholder values from what the extension already knows about a chat and the operator. */
export function placeholderContext(
  session: Pick<SessionInfo, 'operatorName'> | undefined,
  chat: ChatFacts | undefined,
): PlaceholderContext {
  return {
    visitor: chat ? { name: chat.visitor.name, email: chat.visitor.email, phone: chat.visitor.phone } : undefined,
    operator: { name: session?.operatorName },
    department: chat?.department?.name,
  };
}

/** The chat as cached by the queue, or by the side panel's visitor card. */
export async function cachedChat(conversationId: string): Promise<ChatFacts | undefined> {
  return (await readRecord('chats', conversationId)) ?? (await readRecord('visitors', conversationId))?.conversation;
}

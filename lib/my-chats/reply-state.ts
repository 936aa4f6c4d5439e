import type { Conversation, Message, Speaker } from '../salesiq/types';
import type { MyChatRecord } from './records';

/**
 * "Who spoke last, and since when is the visitor waiting", from what SalesIQ's list says about a
 * chat (`unread_chats`, `last_message_info`) and what was known before. Pure: the poll decides
 * whether the chat's messages must be read (`needsMessages`) and passes them in.
 */
export type ReplyState = Pick<
  MyChatRecord,
  'lastSpeaker' | 'lastMessageId' | 'lastMessageTime' | 'lastVisitorLine' | 'unread' | 'visitorWaitingSince'
>;

const NOBODY_SPOKE: ReplyState = { unread: 0 };

function stateOf(known: MyChatRecord | undefined): ReplyState {
  if (!known) return NOBODY_SPOKE;
  const { lastSpeaker, lastMessageId, lastMessageTime, lastVisitorLine, unread, visitorWaitingSince } = known;
  return { lastSpeaker, lastMessageId, lastMessageTime, lastVisitorLine, unread, visitorWaitingSince };
}

/**
 * The list alone cannot say who is waiting when: the last line's sender is unknown while SalesIQ
 * says there is something unread (or says nothing), or the visitor wrote several lines we have not
 * seen and the first one's time is what the timer needs.
 */
export function needsMessages(chat: Conversation, known: MyChatRecord | undefined): boolean {
  const { unread, lastMessage } = chat;
  if (!lastMessage?.from) {
    // No usable last line: "nothing unread" settles it (nobody spoke, or the operator did), and so
    // does a chat unchanged since its state was last settled.
    if (unread && !unread.any) return false;
    return !(known && chat.lastModifiedTime !== undefined && known.seenModifiedTime === chat.lastModifiedTime);
  }
  if (lastMessage.from === 'operator') return false;
  if (lastMessage.id !== undefined && lastMessage.id === known?.lastMessageId) return false; // nothing new
  // The visitor was already waiting when we last looked: the stretch started then.
  if (known?.lastSpeaker === 'visitor' && known.visitorWaitingSince !== undefined) return false;
  // A single unread line is the start of the wait.
  return !(unread?.count === 1 && lastMessage.time !== undefined);
}

/** The reply state from the list answer; call only when `needsMessages` is false. */
export function stateFromList(chat: Conversation, known: MyChatRecord | undefined): ReplyState {
  const before = stateOf(known);
  const { unread, lastMessage } = chat;
  if (!lastMessage?.from && !(unread && !unread.any)) return before; // unchanged since it was settled
  if (!lastMessage?.from) {
    // Nothing unread and no line named: answered (or nobody spoke yet). The visitor is not waiting.
    return {
      ...before,
      lastSpeaker: before.lastSpeaker === 'visitor' ? 'operator' : before.lastSpeaker,
      unread: 0,
      visitorWaitingSince: undefined,
    };
  }
  const line = { lastMessageId: lastMessage.id, lastMessageTime: lastMessage.time ?? before.lastMessageTime };
  if (lastMessage.from === 'operator')
    return { ...before, ...line, lastSpeaker: 'operator', unread: 0, visitorWaitingSince: undefined };
  const sameLine = lastMessage.id !== undefined && lastMessage.id === before.lastMessageId;
  const stillWaiting = before.lastSpeaker === 'visitor' && before.visitorWaitingSince !== undefined;
  const count = unread?.count ?? (sameLine ? before.unread : before.unread + 1);
  return {
    ...line,
    lastSpeaker: 'visitor',
    lastVisitorLine: lastMessage.text ?? before.lastVisitorLine,
    unread: Math.max(1, count),
    visitorWaitingSince: stillWaiting ? before.visitorWaitingSince : lastMessage.time,
  };
}

/**
 * The reply state from the chat's messages since `known`'s last line (or since the pickup), oldest
 * first. A line from anyone but the visitor (the operator here or in the console, a colleague, a
 * bot) answers the visitor.
 */
export function stateFromMessages(
  messages: readonly Message[],
  known: MyChatRecord | undefined,
  visitorId: string | undefined,
  operatorId: string,
): ReplyState {
  let state = stateOf(known);
  const sorted = [...messages].sort((a, b) => a.time - b.time || (a.sequence ?? 0) - (b.sequence ?? 0));
  for (const message of sorted) {
    if (message.id === state.lastMessageId) continue; // from_time is inclusive: the known line again
    if (state.lastMessageTime !== undefined && message.time < state.lastMessageTime) continue;
    const from = speakerOf(message, visitorId, operatorId);
    if (from === 'operator') {
      state = {
        ...state,
        lastSpeaker: 'operator',
        lastMessageId: message.id,
        lastMessageTime: message.time,
        unread: 0,
        visitorWaitingSince: undefined,
      };
    } else {
      const waiting = state.lastSpeaker === 'visitor';
      state = {
        lastSpeaker: 'visitor',
        lastMessageId: message.id,
        lastMessageTime: message.time,
        lastVisitorLine: message.text || state.lastVisitorLine,
        unread: (waiting ? state.unread : 0) + 1,
        visitorWaitingSince: waiting ? (state.visitorWaitingSince ?? message.time) : message.time,
      };
    }
  }
  return state;
}

function speakerOf(message: Message, visitorId: string | undefined, operatorId: string): Speaker {
  if (visitorId) return message.senderId === visitorId ? 'visitor' : 'operator';
  // No visitor id to compare with: only a line from this operator is known to be an answer.
  return message.senderId === operatorId ? 'operator' : 'visitor';
}

/** Where to start reading a chat's messages: the last line known, else the pickup. */
export function messagesFrom(chat: Conversation, known: MyChatRecord | undefined): number {
  return known?.lastMessageTime ?? chat.attendedTime ?? chat.startTime;
}

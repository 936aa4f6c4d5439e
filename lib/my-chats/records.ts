import type { DepartmentRef, Speaker, Visitor } from '../salesiq/types';

/**
 * One of the operator's own open chats, as the background last saw it (table `myChats`). Times
 * are SalesIQ's clock (lib/salesiq/server-clock.ts): pages measure waits with the offset stored in
 * the poll state, like the waiting queue.
 */
export interface MyChatRecord {
  id: string;
  portal: string;
  visitor: Visitor;
  department?: DepartmentRef;
  question: string;
  startTime: number;
  attendedTime?: number;
  /** Who spoke last since the pickup; undefined while nobody has. */
  lastSpeaker?: Speaker;
  lastMessageId?: string;
  lastMessageTime?: number;
  /** The visitor's latest line, as plain text (never HTML). */
  lastVisitorLine?: string;
  /** Visitor lines since the operator last spoke. */
  unread: number;
  /** The first visitor line the operator has not answered yet; undefined once answered. */
  visitorWaitingSince?: number;
  /**
   * SalesIQ's `last_modified_time` when the reply state was last settled: when SalesIQ sends no
   * usable `unread_chats`/`last_message_info`, an unchanged chat is not read again.
   */
  seenModifiedTime?: number;
  /** The visitor line a reply alert was decided for (shown, or skipped because the chat was on screen). */
  alertedLineKey?: string;
  firstSeenAt: number;
  updatedAt: number;
}

/** The line an alert is about: SalesIQ's message id, else its time. */
export function lineKey(chat: Pick<MyChatRecord, 'lastMessageId' | 'lastMessageTime'>): string | undefined {
  return chat.lastMessageId ?? (chat.lastMessageTime !== undefined ? `t${chat.lastMessageTime}` : undefined);
}

/** The visitor wrote last and nobody has answered. */
export function awaitingReply(chat: Pick<MyChatRecord, 'lastSpeaker'>): boolean {
  return chat.lastSpeaker === 'visitor';
}

/**
 * Internal records of the simulated world. They hold numbers and plain fields; the wire shapes
 * (string ids and times, Zoho's key order) are produced only by the view functions.
 */
import type { Locale } from './data';

export interface OperatorRecord {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  nickName: string;
  /** 1 Available, 3 Busy (Zoho's codes). */
  statusCode: 1 | 3;
  departmentIds: string[];
  maxConcurrentChats: number;
  chatEnabled: boolean;
}

export interface DepartmentRecord {
  id: string;
  name: string;
  displayName: string;
  enabled: boolean;
  isPublic: boolean;
}

export interface VisitorRecord {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  countryCode?: string;
  ip?: string;
  type: 'lead' | 'contact';
  userId?: string;
  uvid: string;
  locale: Locale;
  leadScore: number;
  visitCount: number;
  firstAccessTime: number;
  lastAccessTime: number;
  visitSource: string;
}

export interface MessageRecord {
  id: string;
  sequence: number;
  senderId: string;
  senderName: string;
  text: string;
  time: number;
}

export type ChatState = 'waiting' | 'connected' | 'missed' | 'ended';

interface FeedbackRecord {
  rating: string;
  label: string;
  text: string;
  time: number;
}

export interface ChatRecord {
  id: string;
  portal: string;
  referenceId: string;
  chatId: string;
  uvid: string;
  appId: string;
  question: string;
  departmentId: string;
  visitor: VisitorRecord;
  state: ChatState;
  startTime: number;
  /** When the missed-chat deadline started counting (start, or a transfer back to a queue). */
  waitingSince: number;
  attendedTime?: number;
  missedTime?: number;
  endTime?: number;
  lastModifiedTime: number;
  ownerId?: string;
  attenderId?: string;
  participantIds: string[];
  messages: MessageRecord[];
  feedback?: FeedbackRecord;
  /** Hostile chats: values layered over the serialized object (wrong types, unknown fields). */
  overrides?: Record<string, unknown>;
  /** Hostile chats: dotted keys removed from the serialized object. */
  omitKeys?: readonly string[];
  /** The seed chat answers pickup with the documented sample's fixed time. */
  pinnedPickupTime?: number;
}

/** The project's own shapes for SalesIQ data: plain, validated, camelCase. Raw JSON stays in ./schemas. */
export interface Person {
  id: string;
  name: string;
  email?: string;
  isBot: boolean;
}

export interface DepartmentRef {
  id: string;
  name: string;
}

export type ChatStatus = 'waiting' | 'connected' | 'missed' | 'ended' | 'closed' | 'open' | 'unknown';

export interface Visitor {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
  ip?: string;
  countryCode?: string;
  kind?: 'lead' | 'contact';
  channel?: string;
}

/** Who said a line: the visitor, or the operator's side (an operator or a bot). */
export type Speaker = 'visitor' | 'operator';

/**
 * `last_message_info`: Zoho names the field but not its shape, so every part may be missing.
 * `from` is undefined when the line's sender cannot be told (then the chat's messages are read).
 */
export interface LastMessageInfo {
  id?: string;
  from?: Speaker;
  text?: string;
  time?: number;
}

/** `unread_chats`: `false`, a count, or `true` (some, count unknown). */
export interface UnreadInfo {
  any: boolean;
  count?: number;
}

export interface Conversation {
  id: string;
  referenceId?: string;
  question: string;
  status: ChatStatus;
  startTime: number;
  attendedTime?: number;
  endTime?: number;
  lastModifiedTime?: number;
  department?: DepartmentRef;
  attender?: Person;
  owner?: Person;
  visitor: Visitor;
  /** Absent when SalesIQ sent no usable value. */
  unread?: UnreadInfo;
  lastMessage?: LastMessageInfo;
}

/**
 * The operator handling a chat. SalesIQ names them `attender`, and in some responses only
 * `owner`: read both, in this order, everywhere.
 */
export function attenderOf(chat: Pick<Conversation, 'attender' | 'owner'>): Person | undefined {
  return chat.attender ?? chat.owner;
}

export interface Portal {
  screen: string;
  name: string;
  operatorId: string;
}

export type OperatorStatus = 'available' | 'busy' | 'other';

export interface Operator {
  id: string;
  name: string;
  email?: string;
  status: OperatorStatus;
  departments: DepartmentRef[];
}

export interface Message {
  id: string;
  sequence?: number;
  senderId?: string;
  senderName: string;
  kind: string;
  text: string;
  time: number;
}

export interface CannedResponse {
  id: string;
  content: string;
  enabled: boolean;
  isPublic: boolean;
  usageCount: number;
  lastUsedTime?: number;
  modifiedTime?: number;
  allDepartments: boolean;
  categories: DepartmentRef[];
}

export interface CannedCategory {
  id: string;
  name: string;
}

export interface Feedback {
  rating?: string;
  /** SalesIQ's word for the rating, e.g. "Happy". */
  ratingLabel?: string;
  comment?: string;
}

export interface VisitorProfile {
  id: string;
  name?: string;
  country?: string;
  leadScore?: number;
  visitCount?: number;
  firstVisit?: number;
  lastVisit?: number;
  source?: string;
}

/**
 * Records → Zoho wire shapes. Key order follows the documented pickup sample, so the seed chat
 * serializes to exactly that sample; every id and time becomes a string here and nowhere else.
 */
import type { ChatMessage, ChatStatus, Conversation, ConversationStatus, OperatorRef } from './types';
import { SEED_PICKUP_RESPONSE } from './seed-sample';
import { toWireTime } from './wire-clock';
import type {
  ChatRecord,
  ChatState,
  DepartmentRecord,
  MessageRecord,
  OperatorRecord,
  VisitorRecord,
} from './world-model';

export interface Directory {
  operator(id: string): OperatorRecord | undefined;
  department(id: string): DepartmentRecord | undefined;
}

/** The documented sample's list: every generated visitor supports the same operations. */
const SUPPORTED_OPERATIONS: readonly string[] = SEED_PICKUP_RESPONSE.data.visitor.supported_operations;

const STATUS: Record<ChatState, { status: ConversationStatus; chat: ChatStatus }> = {
  waiting: { status: 'Waiting', chat: { status_code: 0, state: 1, label: 'Waiting' } },
  connected: { status: 'Connected', chat: { status_code: 0, state: 2, label: 'Connected' } },
  ended: { status: 'Ended', chat: { status_code: 0, state: 3, label: 'Ended' } },
  missed: { status: 'Missed', chat: { status_code: 0, state: 4, label: 'Missed' } },
};

export function operatorRef(op: OperatorRecord): OperatorRef {
  return { image_key: `0_${op.id}`, email: op.email, name: op.nickName, is_bot: false, id: op.id };
}

function visitorView(visitor: VisitorRecord): Conversation['visitor'] {
  const view: Record<string, unknown> = { name: visitor.name, id: visitor.id };
  if (visitor.countryCode !== undefined) view.country_code = visitor.countryCode;
  view.supported_operations = [...SUPPORTED_OPERATIONS];
  if (visitor.ip !== undefined) view.ip = visitor.ip;
  if (visitor.phone !== undefined) view.phone = visitor.phone;
  if (visitor.email !== undefined) view.email = visitor.email;
  view.type = visitor.type;
  view.channel_name = 'website';
  if (visitor.userId !== undefined) view.user_id = visitor.userId;
  return view as unknown as Conversation['visitor'];
}

export function conversationView(chat: ChatRecord, directory: Directory): Conversation {
  const ref = (id: string | undefined) => {
    const op = id ? directory.operator(id) : undefined;
    return op ? operatorRef(op) : undefined;
  };
  const department = directory.department(chat.departmentId);
  const { status, chat: chatStatus } = STATUS[chat.state];
  const view: Record<string, unknown> = { reference_id: chat.referenceId };
  const owner = ref(chat.ownerId);
  if (owner) view.owner = owner;
  view.chat_id = chat.chatId;
  const attender = ref(chat.attenderId);
  if (attender) view.attender = attender;
  view.type = 'chat';
  view.participants = chat.participantIds.map(ref).filter((p) => p !== undefined);
  const unread = unreadSincePickup(chat);
  view.unread_chats = unread > 0 ? unread : false;
  view.chat_status = { ...chatStatus };
  view.uvid = chat.uvid;
  view.question = chat.question;
  view.notes = false;
  if (chat.attendedTime !== undefined) view.attended_time = toWireTime(chat.attendedTime);
  view.start_time = toWireTime(chat.startTime);
  view.id = chat.id;
  view.last_modified_time = toWireTime(chat.lastModifiedTime);
  view.status = status;
  view.app_id = chat.appId;
  view.department = { name: department?.name ?? '', id: chat.departmentId };
  const last = lastMessageInfo(chat);
  if (last) view.last_message_info = last;
  view.visitor = visitorView(chat.visitor);
  if (chat.missedTime !== undefined) view.missed_time = toWireTime(chat.missedTime);
  if (chat.endTime !== undefined) view.end_time = toWireTime(chat.endTime);
  if (chat.overrides) mergeInto(view, chat.overrides);
  for (const key of chat.omitKeys ?? []) omitPath(view, key);
  return view as unknown as Conversation;
}

/**
 * `unread_chats` and `last_message_info` ride on Zoho's conversation object, but their shapes are
 * not documented (only `unread_chats: false` appears, in the pickup sample). The simulator's choice,
 * kept here: `unread_chats` is the number of visitor lines since the operator last spoke in a
 * connected chat (`false` when none), and `last_message_info` is the last line said after the
 * pickup (absent before anyone spoke), so the seed chat still answers pickup with the sample verbatim.
 */
export function unreadSincePickup(chat: ChatRecord): number {
  if (chat.state !== 'connected' || chat.attendedTime === undefined) return 0;
  let unread = 0;
  for (const message of chat.messages) {
    if (message.time < chat.attendedTime) continue;
    unread = message.senderId === chat.visitor.id ? unread + 1 : 0;
  }
  return unread;
}

function lastMessageInfo(chat: ChatRecord) {
  if (chat.state !== 'connected' || chat.attendedTime === undefined) return undefined;
  const last = chat.messages.at(-1);
  if (!last || last.time < chat.attendedTime) return undefined;
  const fromVisitor = last.senderId === chat.visitor.id;
  return {
    id: last.id,
    sender: { id: last.senderId, name: last.senderName, type: fromVisitor ? 'visitor' : 'operator' },
    message: { text: last.text },
    time: toWireTime(last.time),
  };
}

export function messageView(message: MessageRecord): ChatMessage {
  return {
    id: message.id,
    sequence_id: String(message.sequence),
    sender: { id: message.senderId, name: message.senderName },
    type: 'text',
    message: { text: message.text },
    time: toWireTime(message.time),
  };
}

export function operatorView(op: OperatorRecord, directory: Directory) {
  return {
    id: op.id,
    email_id: op.email,
    first_name: op.firstName,
    last_name: op.lastName,
    nick_name: op.nickName,
    status_code: op.statusCode,
    departments: op.departmentIds.map((id) => ({ id, name: directory.department(id)?.name ?? '' })),
    maximum_concurrent_chat: op.maxConcurrentChats,
    is_chat_enabled: op.chatEnabled,
    image_key: `0_${op.id}`,
  };
}

export function departmentView(department: DepartmentRecord) {
  return {
    id: department.id,
    name: department.name,
    display_name: department.displayName,
    is_enabled: department.enabled,
    is_public: department.isPublic,
  };
}

/** Shape of the v3 visitor list (`GET /api/v3/{screen}/visitors`). */
export function visitorListView(visitor: VisitorRecord) {
  return {
    name: visitor.name,
    id: visitor.id,
    country: visitor.countryCode ?? '',
    lead_score: visitor.leadScore,
    visit_count: visitor.visitCount,
    first_accessed_time: toWireTime(visitor.firstAccessTime),
    last_accessed_time: toWireTime(visitor.lastAccessTime),
    visit_source: visitor.visitSource,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain objects merge key by key; anything else (including arrays and null) replaces. */
function mergeInto(target: Record<string, unknown>, overrides: Record<string, unknown>): void {
  for (const key of Object.keys(overrides)) {
    const value = overrides[key];
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (value === undefined) delete target[key];
    else if (isPlainObject(value) && isPlainObject(current)) mergeInto(current, value);
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

function omitPath(target: Record<string, unknown>, dotted: string): void {
  const parts = dotted.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    node = isPlainObject(node) ? node[part] : undefined;
  }
  if (isPlainObject(node)) delete node[parts[parts.length - 1]!];
}

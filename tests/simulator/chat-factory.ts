/**
 * Builds visitors, chats and messages from the generator. Shared by the initial world, the
 * lively scenario and the control API so every chat has the same complete shape.
 */
import {
  anonymousVisitor,
  personaVisitor,
  question as randomQuestion,
  randomPersona,
  visitSource,
  type GeneratedVisitor,
} from './data';
import { FIXED_IDS, type IdSequences } from './ids';
import type { Prng } from './prng';
import type { ChatRecord, ChatState, MessageRecord, VisitorRecord } from './world-model';

const DAY = 24 * 3600 * 1000;

function hex(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += prng.int(0, 15).toString(16);
  return out;
}

function digits(prng: Prng, length: number): string {
  let out = String(prng.int(1, 9));
  for (let i = 1; i < length; i += 1) out += String(prng.int(0, 9));
  return out;
}

/** Zoho's uvid looks like a UUID with a "-<n>" suffix. */
function uvid(prng: Prng): string {
  return `${hex(prng, 8)}-${hex(prng, 4)}-4${hex(prng, 3)}-${hex(prng, 4)}-${hex(prng, 12)}-1`;
}

export function visitorRecord(prng: Prng, ids: IdSequences, generated: GeneratedVisitor, now: number): VisitorRecord {
  const firstAccess = now - prng.int(1, 400) * DAY;
  return {
    id: ids.visitor.take(),
    name: generated.name,
    email: generated.email,
    phone: generated.phone,
    countryCode: generated.countryCode,
    ip: generated.ip,
    type: generated.type,
    userId: generated.email ? `$${digits(prng, 19)}` : undefined,
    uvid: uvid(prng),
    locale: generated.locale,
    leadScore: prng.int(0, 120),
    visitCount: prng.int(1, 40),
    firstAccessTime: firstAccess,
    lastAccessTime: now - prng.int(0, 3600) * 1000,
    visitSource: visitSource(prng),
  };
}

/** A visitor seen for the first time. `serial` keeps generated emails unique. */
export function newVisitor(prng: Prng, ids: IdSequences, now: number, serial: number): VisitorRecord {
  const generated = personaVisitor(prng, randomPersona(prng));
  if (generated.email) generated.email = generated.email.replace('@', `.${serial}@`);
  return visitorRecord(prng, ids, generated, now);
}

export function anonymous(prng: Prng, ids: IdSequences, now: number): VisitorRecord {
  return visitorRecord(prng, ids, anonymousVisitor(prng), now);
}

export interface ChatParams {
  portal: string;
  visitor: VisitorRecord;
  departmentId: string;
  startTime: number;
  question?: string;
}

export function chatRecord(prng: Prng, ids: IdSequences, params: ChatParams): ChatRecord {
  const question = params.question ?? randomQuestion(prng, params.visitor.locale);
  const chat: ChatRecord = {
    id: ids.conversation.take(),
    portal: params.portal,
    referenceId: ids.reference.take(),
    chatId: `LD_${digits(prng, 19)}_${Math.floor(params.startTime / 1000)}`,
    uvid: params.visitor.uvid,
    appId: FIXED_IDS.appId,
    question,
    departmentId: params.departmentId,
    visitor: params.visitor,
    state: 'waiting',
    startTime: params.startTime,
    waitingSince: params.startTime,
    lastModifiedTime: params.startTime,
    participantIds: [],
    messages: [],
  };
  appendMessage(chat, ids, params.visitor.id, params.visitor.name, question, params.startTime);
  return chat;
}

export function appendMessage(
  chat: ChatRecord,
  ids: IdSequences,
  senderId: string,
  senderName: string,
  text: string,
  time: number,
): MessageRecord {
  const message: MessageRecord = {
    id: ids.message.take(),
    sequence: chat.messages.length + 1,
    senderId,
    senderName,
    text,
    time,
  };
  chat.messages.push(message);
  chat.lastModifiedTime = Math.max(chat.lastModifiedTime, time);
  return message;
}

/** Moves a chat to a new state with the matching timestamps and people. */
export function setChatState(chat: ChatRecord, state: ChatState, time: number, attenderId?: string): void {
  chat.state = state;
  chat.lastModifiedTime = time;
  if (state === 'connected' && attenderId) {
    chat.attendedTime = time;
    chat.ownerId = attenderId;
    chat.attenderId = attenderId;
    if (!chat.participantIds.includes(attenderId)) chat.participantIds = [attenderId];
  } else if (state === 'missed') {
    chat.missedTime = time;
  } else if (state === 'ended') {
    chat.endTime = time;
  } else if (state === 'waiting') {
    chat.waitingSince = time;
    chat.ownerId = undefined;
    chat.attenderId = undefined;
    chat.attendedTime = undefined;
    chat.participantIds = [];
  }
}

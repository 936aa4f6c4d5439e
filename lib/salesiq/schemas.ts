import { SalesIQError } from './errors';
import { salesiqNow } from './server-clock';
import type {
  CannedCategory,
  CannedResponse,
  ChatStatus,
  Conversation,
  DepartmentRef,
  Feedback,
  LastMessageInfo,
  Message,
  Operator,
  Person,
  Portal,
  Speaker,
  UnreadInfo,
  Visitor,
  VisitorProfile,
} from './types';

/**
 * Zoho's JSON → the project's types, once, at the boundary. Visitor-supplied and server text is
 * untrusted: wrong types become "absent", control characters are dropped, lengths are capped.
 * Ids must be strings (they exceed 2^53); an item without a usable id is skipped, not guessed.
 */
type Raw = Record<string, unknown>;

const MAX_TEXT = 5_000;
const MAX_SHORT = 300;
// C0/C1 controls except tab and newline, and bidi overrides that can disguise text.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function asRecord(value: unknown): Raw | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

export function text(value: unknown, max = MAX_SHORT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(UNSAFE_CHARS, '').trim();
  if (!clean) return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function id(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[\w$.:-]{1,80}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** Zoho times are epoch milliseconds as strings. */
function time(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

function count(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SalesIQError('malformed', `Missing or invalid ${what}.`);
  return value;
}

function person(value: unknown): Person | undefined {
  const raw = asRecord(value);
  const personId = raw && id(raw.id);
  if (!raw || !personId) return undefined;
  return { id: personId, name: text(raw.name) ?? 'Operator', email: text(raw.email), isBot: bool(raw.is_bot) ?? false };
}

function departmentRef(value: unknown): DepartmentRef | undefined {
  const raw = asRecord(value);
  const deptId = raw && id(raw.id);
  if (!raw || !deptId) return undefined;
  return { id: deptId, name: text(raw.name) ?? text(raw.display_name) ?? 'Department' };
}

const STATUSES: ChatStatus[] = ['waiting', 'connected', 'missed', 'ended', 'closed', 'open'];

function chatStatus(raw: Raw): ChatStatus {
  const candidates = [raw.status, asRecord(raw.chat_status)?.label];
  for (const candidate of candidates) {
    const lower = typeof candidate === 'string' ? candidate.toLowerCase() : '';
    const match = STATUSES.find((s) => lower === s || lower.startsWith(s));
    if (match) return match;
    if (lower === 'end' || lower === 'ended') return 'ended';
  }
  return 'unknown';
}

function visitor(value: unknown): Visitor {
  const raw = asRecord(value) ?? {};
  const type = text(raw.type)?.toLowerCase();
  const country = text(raw.country_code, 8)?.toUpperCase();
  return {
    id: id(raw.id),
    name: text(raw.name, 120),
    email: text(raw.email, 254),
    phone: text(raw.phone, 40),
    ip: text(raw.ip, 64),
    countryCode: country && /^[A-Z]{2,3}$/.test(country) ? country : undefined,
    kind: type === 'lead' || type === 'contact' ? type : undefined,
    channel: text(raw.channel_name, 40),
  };
}

/** `unread_chats` as `false`, `true` or a count (also as a digit string); anything else is unusable. */
function unreadInfo(value: unknown): UnreadInfo | undefined {
  const flag = bool(value);
  if (flag !== undefined) return flag ? { any: true } : { any: false, count: 0 };
  const n =
    typeof value === 'number' || (typeof value === 'string' && /^\d{1,6}$/.test(value)) ? count(value) : undefined;
  return n === undefined || !Number.isInteger(n) ? undefined : { any: n > 0, count: n };
}

const VISITOR_TYPES = new Set(['visitor', 'user', 'guest']);
const OPERATOR_TYPES = new Set(['operator', 'agent', 'bot', 'admin', 'supervisor']);

/**
 * Who wrote `last_message_info`: its sender's type when it has one, else its sender id compared
 * with the visitor's and the attender's. Neither: undefined (the caller reads the messages).
 */
function speaker(sender: Raw, visitorId: string | undefined, attenderId: string | undefined): Speaker | undefined {
  const type = text(sender.type, 40)?.toLowerCase();
  if (type && VISITOR_TYPES.has(type)) return 'visitor';
  if (type && OPERATOR_TYPES.has(type)) return 'operator';
  const senderId = id(sender.id);
  if (senderId && senderId === visitorId) return 'visitor';
  if (senderId && senderId === attenderId) return 'operator';
  return undefined;
}

function lastMessageInfo(
  value: unknown,
  visitorId: string | undefined,
  attenderId: string | undefined,
): LastMessageInfo | undefined {
  const raw = asRecord(value);
  if (!raw) return undefined;
  const body = raw.message;
  return {
    id: id(raw.id),
    from: speaker(asRecord(raw.sender) ?? {}, visitorId, attenderId),
    text: text(asRecord(body)?.text, MAX_TEXT) ?? text(body, MAX_TEXT) ?? text(raw.text, MAX_TEXT),
    time: time(raw.time),
  };
}

export function parseConversation(value: unknown): Conversation {
  const raw = need(asRecord(value), 'conversation');
  const chatVisitor = visitor(raw.visitor);
  const attender = person(raw.attender);
  return {
    id: need(id(raw.id), 'conversation id'),
    referenceId: id(raw.reference_id),
    question: text(raw.question, MAX_TEXT) ?? '',
    status: chatStatus(raw),
    // No time given: "now" on SalesIQ's clock, like every other chat time.
    startTime: time(raw.start_time) ?? time(raw.created_time) ?? salesiqNow(),
    attendedTime: time(raw.attended_time),
    endTime: time(raw.end_time),
    lastModifiedTime: time(raw.last_modified_time),
    department: departmentRef(raw.department),
    attender,
    owner: person(raw.owner),
    visitor: chatVisitor,
    unread: unreadInfo(raw.unread_chats),
    lastMessage: lastMessageInfo(raw.last_message_info, chatVisitor.id, attender?.id),
  };
}

export interface ParsedList<T> {
  items: T[];
  /** Items that failed validation and were left out. */
  skipped: number;
}

/** A list answer must be an array; bad items are skipped so one hostile record cannot hide the rest. */
export function parseList<T>(value: unknown, parseItem: (item: unknown) => T): ParsedList<T> {
  if (!Array.isArray(value)) throw new SalesIQError('malformed', 'Expected a list.');
  const items: T[] = [];
  let skipped = 0;
  for (const item of value) {
    try {
      items.push(parseItem(item));
    } catch {
      skipped += 1;
    }
  }
  return { items, skipped };
}

export function parsePortal(value: unknown): Portal {
  const raw = need(asRecord(value), 'portal');
  const screen = need(text(raw.screenname, 100), 'portal screen name');
  if (!/^[\w.-]+$/.test(screen)) throw new SalesIQError('malformed', 'Invalid portal screen name.');
  return { screen, name: text(raw.name, 120) ?? screen, operatorId: need(id(raw.operator_id), 'operator id') };
}

export function parseOperator(value: unknown): Operator {
  const raw = need(asRecord(value), 'operator');
  const statusCode = count(raw.status_code);
  const name =
    [text(raw.first_name), text(raw.last_name)].filter(Boolean).join(' ') || text(raw.nick_name) || 'Operator';
  const departments = Array.isArray(raw.departments)
    ? raw.departments.map(departmentRef).filter((d) => d !== undefined)
    : [];
  return {
    id: need(id(raw.id), 'operator id'),
    name,
    email: text(raw.email_id, 254) ?? text(raw.email, 254),
    status: statusCode === 1 ? 'available' : statusCode === 3 ? 'busy' : 'other',
    departments,
  };
}

/** A department a chat may be transferred to; a disabled one is refused (the list skips it). */
export function parseDepartment(value: unknown): DepartmentRef {
  const raw = need(asRecord(value), 'department');
  if (bool(raw.is_enabled) === false) throw new SalesIQError('malformed', 'Department is disabled.');
  return need(departmentRef(raw), 'department id');
}

export function parseMessage(value: unknown): Message {
  const raw = need(asRecord(value), 'message');
  const sender = asRecord(raw.sender) ?? {};
  const body = raw.message;
  const messageText = text(asRecord(body)?.text, MAX_TEXT) ?? text(body, MAX_TEXT) ?? '';
  return {
    id: need(id(raw.id), 'message id'),
    sequence: count(raw.sequence_id),
    senderId: id(sender.id),
    senderName: text(sender.name, 120) ?? 'Visitor',
    kind: text(raw.type, 40) ?? 'text',
    text: messageText,
    time: time(raw.time) ?? 0,
  };
}

export function parseCannedResponse(value: unknown): CannedResponse {
  const raw = need(asRecord(value), 'canned response');
  const categories = Array.isArray(raw.categories)
    ? raw.categories.map(departmentRef).filter((c) => c !== undefined)
    : [];
  return {
    id: need(id(raw.id), 'canned response id'),
    content: need(text(raw.content, MAX_TEXT), 'canned response content'),
    enabled: bool(raw.enabled) ?? true,
    isPublic: bool(raw.public) ?? false,
    usageCount: count(raw.usage_count) ?? 0,
    lastUsedTime: time(raw.last_used_time),
    modifiedTime: time(raw.modified_time),
    allDepartments: bool(raw.associate_with_all_departments) ?? false,
    categories,
  };
}

export function parseCannedCategory(value: unknown): CannedCategory {
  const raw = need(asRecord(value), 'canned response category');
  return { id: need(id(raw.id), 'category id'), name: text(raw.name, 120) ?? 'Category' };
}

export function parseFeedback(value: unknown): Feedback {
  const raw = asRecord(Array.isArray(value) ? value[0] : value) ?? {};
  const rating = raw.rating;
  return {
    rating: typeof rating === 'number' ? String(rating) : text(rating, 40),
    ratingLabel: text(raw.rating_label, 40),
    comment: text(raw.feedback, 2_000) ?? text(raw.comment, 2_000),
  };
}

function parseVisitorProfile(value: unknown): VisitorProfile {
  const raw = need(asRecord(value), 'visitor');
  return {
    id: need(id(raw.id), 'visitor id'),
    name: text(raw.name, 120),
    country: text(raw.country, 80),
    leadScore: count(raw.lead_score),
    visitCount: count(raw.visit_count),
    firstVisit: time(raw.first_accessed_time),
    lastVisit: time(raw.last_accessed_time),
    source: text(raw.visit_source, 120),
  };
}

/** The whole v3 visitors envelope: the list plus its `next_key` cursor (absent on the last page). */
export function parseVisitorPage(value: unknown): ParsedList<VisitorProfile> & { nextKey?: string } {
  const raw = need(asRecord(value), 'visitor list');
  const nextKey = typeof raw.next_key === 'string' && /^[\w=.-]{1,200}$/.test(raw.next_key) ? raw.next_key : undefined;
  return { ...parseList(raw.data, parseVisitorProfile), nextKey };
}

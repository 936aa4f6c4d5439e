/**
 * Reading conversations and their transcripts, and sending a message. The list defaults to the
 * operator's current department when department_id is absent, exactly as Zoho documents: a client
 * that wants every waiting chat must ask once per department.
 */
import { conversationView, messageView } from '../views';
import type { ChatRecord, ChatState } from '../world-model';
import { fail, list, ok, SCOPES, type ApiContext, type ApiResult, type Route } from './api';
import { API_ERRORS } from './errors';
import { ApiFailure, pageOf, parseChoice, parseLimit, parsePage, parseTime } from './params';

const STATUS_FILTERS: Record<string, readonly ChatState[]> = {
  waiting: ['waiting'],
  connected: ['connected'],
  missed: ['missed'],
  end: ['ended'],
  open: ['waiting', 'connected'],
  closed: ['ended', 'missed'],
};

const SORTS = ['in_time', 'end_time', 'updated_time'] as const;

/** The chat with this id in this portal, with the missed deadline applied. */
export function findChat(ctx: ApiContext): ChatRecord | undefined {
  ctx.world.advance(ctx.now);
  const chat = ctx.world.chats.get(ctx.params.id!);
  return chat && chat.portal === ctx.portal ? chat : undefined;
}

function statusFilter(raw: string | null): Set<ChatState> | undefined {
  if (raw === null || raw === '') return undefined;
  const states = new Set<ChatState>();
  for (const part of raw.split(',')) {
    const mapped = STATUS_FILTERS[part.trim().toLowerCase()];
    if (!mapped) throw new ApiFailure(API_ERRORS.invalidParam('status'));
    mapped.forEach((s) => states.add(s));
  }
  return states;
}

function listConversations(ctx: ApiContext): ApiResult {
  const q = ctx.query;
  const limit = parseLimit(q, 20, 99);
  const page = parsePage(q);
  const states = statusFilter(q.get('status'));
  const sortBy = parseChoice(q, 'sort_by', SORTS) ?? 'in_time';
  const from = parseTime(q, 'from_time');
  const to = parseTime(q, 'to_time');
  const updatedFrom = parseTime(q, 'updated_from_time');
  const updatedTill = parseTime(q, 'updated_till_time');
  const departmentId = q.get('department_id') || ctx.world.currentDepartmentId;
  if (!ctx.world.department(departmentId)) return fail(API_ERRORS.invalidParam('department_id'));
  const attenderId = q.get('attender_id');
  const email = q.get('email')?.toLowerCase();
  const visitorType = q.get('visitor_type');

  const matches = ctx.world
    .chatsOf(ctx.portal, ctx.now)
    .filter(
      (chat) =>
        chat.departmentId === departmentId &&
        (!states || states.has(chat.state)) &&
        (!attenderId || chat.attenderId === attenderId) &&
        (!email || chat.visitor.email?.toLowerCase() === email) &&
        (!visitorType || chat.visitor.type === visitorType) &&
        (from === undefined || chat.startTime >= from) &&
        (to === undefined || chat.startTime <= to) &&
        (updatedFrom === undefined || chat.lastModifiedTime >= updatedFrom) &&
        (updatedTill === undefined || chat.lastModifiedTime <= updatedTill),
    );
  const key = sortKey(sortBy);
  // Newest first; ties by id so pages are stable.
  matches.sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : -1));
  const items = pageOf(matches, page, limit).map((chat) => conversationView(chat, ctx.world));
  return list(items, { sync_time: String(ctx.now) });
}

function sortKey(sort: (typeof SORTS)[number]): (chat: ChatRecord) => number {
  if (sort === 'end_time') return (chat) => chat.endTime ?? chat.missedTime ?? 0;
  if (sort === 'updated_time') return (chat) => chat.lastModifiedTime;
  return (chat) => chat.startTime;
}

function listMessages(ctx: ApiContext): ApiResult {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  const limit = parseLimit(ctx.query, 20, 99);
  const from = parseTime(ctx.query, 'from_time');
  const to = parseTime(ctx.query, 'to_time');
  const messages = chat.messages
    .filter((m) => (from === undefined || m.time >= from) && (to === undefined || m.time <= to))
    .slice(0, limit)
    .map(messageView);
  return list(messages);
}

async function sendMessage(ctx: ApiContext): Promise<ApiResult> {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  const body = await ctx.body();
  if (!body) return fail(API_ERRORS.invalidBody());
  if (typeof body.text !== 'string' || body.text.trim() === '') return fail(API_ERRORS.invalidJsonKey('text'));
  if (chat.state !== 'connected' || chat.attenderId !== ctx.world.myId) {
    return fail(API_ERRORS.wrongState('Conversation is not connected to you'));
  }
  const message = ctx.world.operatorMessage(chat, ctx.world.me, body.text, ctx.now);
  return ok('messages', messageView(message));
}

export const CONVERSATION_ROUTES: Route[] = [
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations',
    methods: { GET: { scope: SCOPES.conversationsRead, handle: listConversations } },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id',
    methods: {
      GET: {
        scope: SCOPES.conversationsRead,
        handle(ctx) {
          const chat = findChat(ctx);
          return chat
            ? ok('conversations', conversationView(chat, ctx.world))
            : fail(API_ERRORS.notFound('conversation id'));
        },
      },
    },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id/messages',
    methods: {
      GET: { scope: SCOPES.conversationsRead, handle: listMessages },
      POST: { scope: SCOPES.conversationsCreate, handle: sendMessage },
    },
  },
];

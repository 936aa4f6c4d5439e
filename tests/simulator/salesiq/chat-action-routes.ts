/**
 * Changing a chat: pickup (the race against other operators and the missed deadline), transfer,
 * close, and reading its feedback. Pickup's HTTP method is undocumented, so which methods it
 * accepts is a switch (`pickupMethod`).
 */
import type { HttpMethod } from './api';
import { conversationView } from '../views';
import { fail, ok, SCOPES, type ApiContext, type ApiResult, type Endpoint, type Route } from './api';
import { findChat } from './conversation-routes';
import { API_ERRORS } from './errors';

function pickUp(ctx: ApiContext): ApiResult {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  const { world } = ctx;
  switch (chat.state) {
    case 'waiting':
      world.pickUp(chat, world.myId, ctx.now);
      return ok('conversations', conversationView(chat, world));
    case 'connected':
      if (chat.attenderId === world.myId) return ok('conversations', conversationView(chat, world));
      // Two plausible real answers to a lost race; clients must treat both as "taken".
      return ctx.config.takenAnswer === 'envelope'
        ? fail(API_ERRORS.alreadyTaken())
        : ok('conversations', conversationView(chat, world));
    case 'missed':
      return fail(API_ERRORS.wrongState('Chat has been missed'));
    case 'ended':
      return fail(API_ERRORS.wrongState('Chat has already ended'));
  }
}

async function transfer(ctx: ApiContext): Promise<ApiResult> {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  const body = await ctx.body();
  if (!body) return fail(API_ERRORS.invalidBody());
  const departmentId = body.department_id;
  if (typeof departmentId !== 'string' || departmentId === '') return fail(API_ERRORS.invalidJsonKey('department_id'));
  if (!ctx.world.department(departmentId)) return fail(API_ERRORS.notFound('department id'));
  const operatorId = body.operator_id;
  if (operatorId !== undefined && !isColleagueIn(ctx, operatorId, departmentId))
    return fail(API_ERRORS.invalidJsonKey('operator_id'));
  if (chat.state !== 'waiting' && chat.state !== 'connected') {
    return fail(API_ERRORS.wrongState(`Cannot transfer a ${chat.state} chat`));
  }
  ctx.world.transfer(chat, departmentId, typeof operatorId === 'string' ? operatorId : undefined, ctx.now);
  return ok('conversations', conversationView(chat, ctx.world));
}

/**
 * [?] A transfer's colleague must be an operator of the target department who takes chats; Zoho
 * documents the field but not its checks, so the simulator refuses the rest as an invalid key.
 */
function isColleagueIn(ctx: ApiContext, operatorId: unknown, departmentId: string): operatorId is string {
  if (typeof operatorId !== 'string') return false;
  const operator = ctx.world.operator(operatorId);
  return !!operator && operator.chatEnabled && operator.departmentIds.includes(departmentId);
}

function close(ctx: ApiContext): ApiResult {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  if (chat.state !== 'waiting' && chat.state !== 'connected') {
    return fail(API_ERRORS.wrongState(`Chat is already ${chat.state}`));
  }
  ctx.world.endChat(chat.id, ctx.now);
  return ok('conversations', conversationView(chat, ctx.world));
}

function feedback(ctx: ApiContext): ApiResult {
  const chat = findChat(ctx);
  if (!chat) return fail(API_ERRORS.notFound('conversation id'));
  if (!chat.feedback) return fail(API_ERRORS.noFeedback());
  return ok('feedback', {
    rating: chat.feedback.rating,
    rating_label: chat.feedback.label,
    feedback: chat.feedback.text,
    submitted_time: String(chat.feedback.time),
    conversation_id: chat.id,
    visitor: { id: chat.visitor.id, name: chat.visitor.name },
  });
}

const pickupEndpoint: Endpoint = { scope: SCOPES.conversationsUpdate, handle: pickUp };
const closeEndpoint: Endpoint = { scope: SCOPES.conversationsUpdate, handle: close };

const PICKUP_METHODS: Record<string, HttpMethod[]> = {
  both: ['PUT', 'POST'],
  'put-only': ['PUT'],
  'post-only': ['POST'],
};

export const CHAT_ACTION_ROUTES: Route[] = [
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id/pickup',
    methods: { PUT: pickupEndpoint, POST: pickupEndpoint },
    allowed: (config) => PICKUP_METHODS[config.pickupMethod] ?? ['PUT', 'POST'],
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id/transfer',
    methods: { PUT: { scope: SCOPES.conversationsUpdate, handle: transfer } },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id/close',
    methods: { POST: closeEndpoint, PUT: closeEndpoint },
  },
  {
    version: 'v2',
    screen: true,
    pattern: 'conversations/:id/feedback',
    methods: { GET: { scope: SCOPES.feedbacks, handle: feedback } },
  },
];

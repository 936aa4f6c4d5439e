import { SalesIQError } from './errors';
import { rememberMethod, rememberedMethod } from './method-memory';
import { zohoRequest } from './request';
import type { RequestLane } from './rate-limit';
import {
  parseCannedCategory,
  parseCannedResponse,
  parseConversation,
  parseDepartment,
  parseFeedback,
  parseList,
  parseMessage,
  parseOperator,
  parsePortal,
  parseVisitorPage,
  type ParsedList,
} from './schemas';
import type { CannedResponse, Conversation, OperatorStatus } from './types';

/** One function per SalesIQ endpoint. Each validates its answer; nothing outside reads raw JSON. */
export interface ApiTarget {
  /** e.g. salesiq.zoho.eu */
  host: string;
  /** The portal's screen name, e.g. zylker */
  screen: string;
  token: string;
  /** The token's data centre; the request function sends the token to that DC's hosts only. */
  location: string;
}

const MAX_LIMIT = 99;

function portalUrl(target: ApiTarget, path: string): string {
  return `https://${target.host}/api/v2/${encodeURIComponent(target.screen)}/${path}`;
}

const enc = encodeURIComponent;

export async function listPortals(target: Omit<ApiTarget, 'screen'>) {
  return parseList(await zohoRequest({ url: `https://${target.host}/api/v2/portals`, auth: target }), parsePortal);
}

export async function getOperator(target: ApiTarget, operatorId: string) {
  return parseOperator(await zohoRequest({ url: portalUrl(target, `operators/${enc(operatorId)}`), auth: target }));
}

/**
 * PUT first, POST when SalesIQ says the method is wrong; the working method is remembered. Only the
 * operator's own clicks change state, so these go in the operator's rate-limit lane.
 */
async function changeState(target: ApiTarget, endpoint: string, path: string, body?: unknown): Promise<unknown> {
  const first = await rememberedMethod(endpoint);
  try {
    return await zohoRequest({ method: first, url: portalUrl(target, path), auth: target, body, lane: 'operator' });
  } catch (error) {
    if (!(error instanceof SalesIQError) || error.kind !== 'method') throw error;
    const second = first === 'PUT' ? 'POST' : 'PUT';
    const result = await zohoRequest({
      method: second,
      url: portalUrl(target, path),
      auth: target,
      body,
      lane: 'operator',
    });
    await rememberMethod(endpoint, second);
    return result;
  }
}

export async function setOperatorStatus(
  target: ApiTarget,
  operatorId: string,
  status: Exclude<OperatorStatus, 'other'>,
) {
  const data = await changeState(target, 'operatorStatus', `operators/${enc(operatorId)}/status`, {
    status: status === 'available' ? 'Available' : 'Busy',
  });
  return parseOperator(data);
}

export interface ConversationQuery {
  status?: 'open' | 'closed' | 'waiting' | 'connected' | 'missed' | 'end';
  departmentId?: string;
  /** Only chats this operator attends (`attender_id`). */
  attenderId?: string;
  email?: string;
  limit?: number;
  page?: number;
  updatedFrom?: number;
  /** Shorter than the default for the queue's list calls, so a hung request ends its turn soon. */
  timeoutMs?: number;
}

export async function listConversations(
  target: ApiTarget,
  query: ConversationQuery,
): Promise<ParsedList<Conversation>> {
  const data = await zohoRequest({
    url: portalUrl(target, 'conversations'),
    auth: target,
    query: {
      status: query.status,
      department_id: query.departmentId,
      attender_id: query.attenderId,
      email: query.email,
      limit: Math.min(query.limit ?? 20, MAX_LIMIT),
      page: query.page,
      updated_from_time: query.updatedFrom,
    },
    timeoutMs: query.timeoutMs,
  });
  return parseList(data, parseConversation);
}

/**
 * The operator's own open chats in one department (the list covers the current department unless
 * told): `status=connected` and `attender_id` = the operator. Items another operator attends are
 * dropped, whatever the server sent.
 */
export async function listMyConnectedChats(
  target: ApiTarget,
  { operatorId, departmentId, timeoutMs }: { operatorId: string; departmentId?: string; timeoutMs?: number },
): Promise<ParsedList<Conversation>> {
  const result = await listConversations(target, {
    status: 'connected',
    attenderId: operatorId,
    departmentId,
    limit: MAX_LIMIT,
    timeoutMs,
  });
  const items = result.items.filter(
    (chat) =>
      (chat.attender ?? chat.owner)?.id === operatorId &&
      chat.status !== 'ended' &&
      chat.status !== 'closed' &&
      chat.status !== 'missed',
  );
  return { items, skipped: result.skipped };
}

/**
 * `lane: 'operator'` for a read the operator is waiting on (the read-back after a pickup whose answer
 * never came), so a 429 provoked by background work does not hold it back.
 */
export async function getConversation(
  target: ApiTarget,
  conversationId: string,
  { lane, timeoutMs }: { lane?: RequestLane; timeoutMs?: number } = {},
) {
  return parseConversation(
    await zohoRequest({
      url: portalUrl(target, `conversations/${enc(conversationId)}`),
      auth: target,
      lane,
      timeoutMs,
    }),
  );
}

/** The answer is the conversation as SalesIQ now sees it; the caller decides whether it is ours. */
export async function pickUpConversation(target: ApiTarget, conversationId: string) {
  return parseConversation(await changeState(target, 'pickup', `conversations/${enc(conversationId)}/pickup`));
}

export async function sendMessage(target: ApiTarget, conversationId: string, messageText: string) {
  const data = await zohoRequest({
    method: 'POST',
    url: portalUrl(target, `conversations/${enc(conversationId)}/messages`),
    auth: target,
    body: { text: messageText },
    lane: 'operator',
  });
  return parseMessage(data);
}

/**
 * End the chat. The method is undocumented (POST in one third-party client): PUT first like every
 * state change, POST on "wrong method", remembered. The answer, where SalesIQ sends the chat back,
 * is validated; an empty success is fine (the caller reads the chat back).
 */
export async function closeConversation(target: ApiTarget, conversationId: string): Promise<Conversation | undefined> {
  const data = await changeState(target, 'close', `conversations/${enc(conversationId)}/close`);
  return data && typeof data === 'object' && 'id' in data ? parseConversation(data) : undefined;
}

export interface TransferRequest {
  departmentId: string;
  /** A colleague in that department; without one the chat waits in the department's queue. */
  operatorId?: string;
  note?: string;
}

/** `PUT /conversations/{id}/transfer` (documented), body `{department_id, operator_id?, note?}`. */
export async function transferConversation(
  target: ApiTarget,
  conversationId: string,
  request: TransferRequest,
): Promise<Conversation | undefined> {
  const data = await zohoRequest({
    method: 'PUT',
    url: portalUrl(target, `conversations/${enc(conversationId)}/transfer`),
    auth: target,
    body: { department_id: request.departmentId, operator_id: request.operatorId, note: request.note },
    lane: 'operator',
  });
  return data && typeof data === 'object' && 'id' in data ? parseConversation(data) : undefined;
}

/** The portal's departments (`GET /departments`), enabled ones only: where a chat can go. */
export async function listDepartments(target: ApiTarget) {
  return parseList(
    await zohoRequest({ url: portalUrl(target, 'departments'), auth: target, lane: 'operator' }),
    parseDepartment,
  );
}

/** The portal's operators (`GET /operators`), each with their departments. */
export async function listOperators(target: ApiTarget) {
  return parseList(
    await zohoRequest({ url: portalUrl(target, 'operators'), auth: target, lane: 'operator' }),
    parseOperator,
  );
}

export async function getFeedback(target: ApiTarget, conversationId: string) {
  return parseFeedback(
    await zohoRequest({ url: portalUrl(target, `conversations/${enc(conversationId)}/feedback`), auth: target }),
  );
}

export interface CannedPage extends ParsedList<CannedResponse> {
  hasMore: boolean;
  /** Raw ids of this page's first item and of the extra (limit+1) item: a paged walk compares
   * them to notice the list shifting between requests. */
  firstId?: string;
  nextId?: string;
}

function rawId(item: unknown): string | undefined {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Zoho signals "more pages" by returning limit+1 items: the extra one belongs to the next page. */
export async function listCannedResponsesPage(
  target: ApiTarget,
  { page, limit = MAX_LIMIT, departmentId }: { page: number; limit?: number; departmentId?: string },
): Promise<CannedPage> {
  const data = await zohoRequest({
    url: portalUrl(target, 'cannedresponses'),
    auth: target,
    query: { page, limit, department_id: departmentId, sort_by: 'last_used_time', order: 'descending' },
  });
  const hasMore = Array.isArray(data) && data.length > limit;
  const parsed = parseList(hasMore ? (data as unknown[]).slice(0, limit) : data, parseCannedResponse);
  const raw = Array.isArray(data) ? (data as unknown[]) : [];
  return { ...parsed, hasMore, firstId: rawId(raw[0]), nextId: hasMore ? rawId(raw[limit]) : undefined };
}

export async function listCannedCategories(target: ApiTarget, page = 1) {
  const data = await zohoRequest({
    url: portalUrl(target, 'cannedresponsecategories'),
    auth: target,
    query: { page, limit: MAX_LIMIT, sort_by: 'name' },
  });
  return parseList(data, parseCannedCategory);
}

/**
 * A transcript, or with `fromTime` only the messages from then on (inclusive), oldest first. `lane`
 * as for getConversation: 'operator' for the read-back after a Send whose answer never came.
 */
export async function listMessages(
  target: ApiTarget,
  conversationId: string,
  {
    fromTime,
    limit = MAX_LIMIT,
    lane,
    timeoutMs,
  }: { fromTime?: number; limit?: number; lane?: RequestLane; timeoutMs?: number } = {},
) {
  const data = await zohoRequest({
    url: portalUrl(target, `conversations/${enc(conversationId)}/messages`),
    auth: target,
    query: { limit: Math.min(limit, MAX_LIMIT), from_time: fromTime },
    lane,
    timeoutMs,
  });
  return parseList(data, parseMessage);
}

/** One page of the v3 visitor list with its `next_key` cursor, for finding one visitor by id. */
export async function listVisitorsV3Page(
  target: ApiTarget,
  { limit = 200, nextKey }: { limit?: number; nextKey?: string } = {},
) {
  const json = await zohoRequest({
    url: `https://${target.host}/api/v3/${enc(target.screen)}/visitors`,
    auth: target,
    query: { limit, next_key: nextKey },
    envelope: false,
  });
  return parseVisitorPage(json);
}

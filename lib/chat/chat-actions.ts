import { readSession, withAuth } from '../auth/session';
import { db, writeForPortal } from '../db';
import { inFlightStore } from '../browser/in-flight-store';
import {
  closeConversation,
  getConversation,
  listDepartments,
  listOperators,
  transferConversation,
} from '../salesiq/api';
import { SalesIQError, asSalesIQError, outcomeUnknown, reworded } from '../salesiq/errors';
import type { Conversation } from '../salesiq/types';
import type { TransferChoices } from './transfer-choices';
import {
  actionRefusal,
  actionUnsure,
  refusalWords,
  closeOutcome,
  transferOutcome,
  type ChatAction,
  type ChatActionOutcome,
  type TransferTarget,
} from './action-outcome';

/**
 * End chat and Transfer from the side panel. Like a pickup, an answer that never came is not a
 * failure: the chat is read back before the operator is told anything, and pressing again while
 * the outcome is open reads first, so one click never ends or transfers twice.
 */
const ID = /^[\w$.:-]{1,80}$/;
/** An action whose outcome stayed unknown is read back before it is sent again, for this long. */
const UNSURE_FOR_MS = 10 * 60_000;

const unsure = inFlightStore<{ sentAt: number }>('chatActionsInFlight');
const running = new Map<string, Promise<Conversation>>();

function once(key: string, run: () => Promise<Conversation>): Promise<Conversation> {
  let attempt = running.get(key);
  if (!attempt) {
    attempt = run().finally(() => running.delete(key));
    running.set(key, attempt);
  }
  return attempt;
}

async function me(): Promise<{ operatorId: string; portal: string }> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) throw new SalesIQError('auth', 'Sign in to change chats.');
  return { operatorId: session.portal.operatorId, portal: session.portal.screen };
}

function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new SalesIQError('unknown', `That ${what} is not valid.`);
  return value;
}

export async function endChat(conversationId: string): Promise<Conversation> {
  const id = checkId(conversationId, 'chat');
  return once(`close\n${id}`, () =>
    act(
      'close',
      id,
      (t) => closeConversation(t, id),
      (chat, mine) => closeOutcome(chat, mine),
    ),
  );
}

export async function transferChat(
  conversationId: string,
  target: { departmentId: unknown; operatorId?: unknown; note?: unknown },
): Promise<Conversation> {
  const id = checkId(conversationId, 'chat');
  const departmentId = checkId(target.departmentId, 'department');
  const operatorId =
    target.operatorId === undefined || target.operatorId === '' ? undefined : checkId(target.operatorId, 'colleague');
  const note = typeof target.note === 'string' && target.note.trim() ? target.note.trim().slice(0, 500) : undefined;
  const goal: TransferTarget = { departmentId, operatorId };
  return once(`transfer\n${id}`, () =>
    act(
      'transfer',
      id,
      (t) => transferConversation(t, id, { ...goal, note }),
      (chat, mine) => transferOutcome(chat, goal, mine),
    ),
  );
}

async function act(
  action: ChatAction,
  conversationId: string,
  send: Parameters<typeof withAuth<Conversation | undefined>>[0],
  judge: (chat: Conversation, myOperatorId: string) => ChatActionOutcome,
): Promise<Conversation> {
  const { operatorId, portal } = await me();
  const key = `${action}\n${conversationId}`;
  await unsure.prune((entry) => Date.now() - entry.sentAt < UNSURE_FOR_MS);
  if (await unsure.get(key)) {
    // An earlier press may have reached SalesIQ: see what became of the chat first.
    const chat = await readBack(action, conversationId);
    const outcome = judge(chat, operatorId);
    if (outcome.kind === 'done') return finish(key, chat, portal);
    await unsure.remove(key);
    if (outcome.kind !== 'unchanged') {
      await save(chat, portal);
      throw actionRefusal(action, outcome);
    }
  }
  await unsure.put(key, { sentAt: Date.now() });
  let answer: Conversation | undefined;
  try {
    answer = await withAuth(send);
  } catch (caught) {
    const error = asSalesIQError(caught);
    if (!outcomeUnknown(error.kind) && error.kind !== 'not-found') {
      await unsure.remove(key);
      throw refusalWords(action, error);
    }
    // No answer, or a refusal without a documented reason: the chat itself says what happened.
    const chat = await readBack(action, conversationId);
    const outcome = judge(chat, operatorId);
    if (outcome.kind === 'done') return finish(key, chat, portal);
    await unsure.remove(key);
    await save(chat, portal);
    throw actionRefusal(action, outcome, { unanswered: error.kind !== 'unknown' && error.kind !== 'not-found' });
  }
  // A success without the chat in it, or with one that does not show the change yet: read once.
  const chat = answer && judge(answer, operatorId).kind === 'done' ? answer : await readBack(action, conversationId);
  const outcome = judge(chat, operatorId);
  if (outcome.kind === 'done') return finish(key, chat, portal);
  await unsure.remove(key);
  await save(chat, portal);
  throw actionRefusal(action, outcome);
}

async function finish(key: string, chat: Conversation, portal: string): Promise<Conversation> {
  await unsure.remove(key);
  await save(chat, portal);
  return chat;
}

async function readBack(action: ChatAction, conversationId: string): Promise<Conversation> {
  try {
    return await withAuth((t) => getConversation(t, conversationId, { lane: 'operator' }));
  } catch (caught) {
    throw reworded(caught, actionUnsure(action));
  }
}

/** The chat as SalesIQ now shows it, into the panel's card and the queue's record (the chooser reads both). */
async function save(chat: Conversation, portal: string): Promise<void> {
  const now = Date.now();
  await writeForPortal(portal, [db.visitors, db.chats], async () => {
    const card = await db.visitors.get(chat.id);
    if (card)
      await db.visitors.put({
        ...card,
        conversation: { ...card.conversation, ...chat, visitor: { ...card.conversation.visitor, ...chat.visitor } },
        savedAt: now,
      });
    const known = await db.chats.get(chat.id);
    if (known)
      await db.chats.put({
        ...known,
        status: chat.status,
        attender: chat.attender,
        owner: chat.owner,
        department: chat.department ?? known.department,
        updatedAt: now,
      });
  });
}

/** Where a chat can go: the portal's enabled departments and the other operators. Read when the form opens. */
export async function transferChoices(): Promise<TransferChoices> {
  const { operatorId } = await me();
  const [departments, operators] = await Promise.all([
    withAuth((t) => listDepartments(t)),
    withAuth((t) => listOperators(t)).catch(() => ({ items: [] })), // without colleagues a department transfer still works
  ]);
  return {
    departments: departments.items,
    colleagues: operators.items
      .filter((op) => op.id !== operatorId)
      .map((op) => ({ id: op.id, name: op.name, departmentIds: op.departments.map((d) => d.id) })),
  };
}

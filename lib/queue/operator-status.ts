import { readSession, withAuth } from '../auth/session';
import { updateMeta, writeForPortal, writeMeta } from '../db';
import { getOperator, setOperatorStatus } from '../salesiq/api';
import { SalesIQError } from '../salesiq/errors';
import type { OperatorStatus } from '../salesiq/types';

/** How often a turn re-reads the operator's status and departments, which may change elsewhere. */
const STATUS_CHECK_EVERY_MS = 120_000;

/**
 * Whether this turn re-reads the operator. Not while the screen is locked: the poll is already at
 * the slow cadence whatever the status says, and nobody is there to act on a change; unlocking runs
 * a turn that reads it at once (a status or department changed meanwhile is then caught up).
 */
export function statusCheckDue(input: {
  reason: 'unlock' | 'other';
  screenLocked: boolean;
  lastCheckAt: number | undefined;
  now: number;
}): boolean {
  if (input.reason === 'unlock') return true;
  if (input.screenLocked) return false;
  return !input.lastCheckAt || input.now - input.lastCheckAt >= STATUS_CHECK_EVERY_MS;
}

/**
 * Read the operator's SalesIQ status; note when it changed without us (e.g. in the console).
 * A status the operator chose here while this read was under way wins: the read may predate it.
 */
export async function refreshOperatorStatus(now = Date.now()): Promise<OperatorStatus> {
  const session = await readSession();
  if (!session.portal) throw new SalesIQError('auth', 'Not signed in.');
  const operatorId = session.portal.operatorId;
  const askedAt = Date.now();
  const operator = await withAuth((t) => getOperator(t, operatorId));
  // Departments change when an admin edits the operator: the poll must follow. A record that
  // names none (SalesIQ left the field out) keeps the last known list: polling only the current
  // department would silently hide the others' chats.
  await writeForPortal(session.portal.screen, [], async () => {
    const current = await readSession();
    const departments = operator.departments.length ? operator.departments : current.departments;
    await writeMeta('session', { ...current, departments, updatedAt: now });
  });
  const written = await updateMeta('operator', (before) => {
    if (before && before.updatedAt >= askedAt) return before;
    const changedElsewhere = before && before.status !== operator.status;
    return {
      status: operator.status,
      changedElsewhereAt: changedElsewhere ? now : before?.changedElsewhereAt,
      updatedAt: now,
    };
  });
  return written.status;
}

export async function changeOperatorStatus(status: Exclude<OperatorStatus, 'other'>): Promise<OperatorStatus> {
  const session = await readSession();
  if (!session.portal) throw new SalesIQError('auth', 'Sign in to change your status.');
  const operatorId = session.portal.operatorId;
  const operator = await withAuth((t) => setOperatorStatus(t, operatorId, status));
  // SalesIQ may answer with the operator object; trust what we asked for if it does not say.
  const confirmed = operator.status === 'other' ? status : operator.status;
  await writeMeta('operator', { status: confirmed, updatedAt: Date.now() });
  return confirmed;
}

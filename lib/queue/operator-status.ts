import { readSession, withAuth } from '../auth/session';
import { readMeta, writeForPortal, writeMeta } from '../db';
import { getOperator, setOperatorStatus } from '../salesiq/api';
import { SalesIQError } from '../salesiq/errors';
import type { OperatorStatus } from '../salesiq/types';

/** Read the operator's SalesIQ status; note when it changed without us (e.g. in the console). */
export async function refreshOperatorStatus(now = Date.now()): Promise<OperatorStatus> {
  const session = await readSession();
  if (!session.portal) throw new SalesIQError('auth', 'Not signed in.');
  const operatorId = session.portal.operatorId;
  const operator = await withAuth((t) => getOperator(t, operatorId));
  // Departments change when an admin edits the operator: the poll must follow.
  await writeForPortal(session.portal.screen, [], async () => {
    const current = await readSession();
    await writeMeta('session', { ...current, departments: operator.departments, updatedAt: now });
  });
  const before = await readMeta('operator');
  const changedElsewhere = before && before.status !== operator.status;
  await writeMeta('operator', {
    status: operator.status,
    changedElsewhereAt: changedElsewhere ? now : before?.changedElsewhereAt,
    updatedAt: now,
  });
  return operator.status;
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

import { readMyChats, type SessionInfo } from '../db';
import { AVAILABLE_INTERVAL_MS } from '../queue/cadence';
import { listCallsPerTurn } from './cadence';

/** The list calls a queue turn makes for this session, waiting list and My chats together. */
export async function myChatsListCalls(session: SessionInfo): Promise<number> {
  const departments = Math.max(1, session.departments?.length ?? 1);
  if (!session.portal) return departments;
  const mine = new Set((await readMyChats(session.portal.screen)).map((c) => c.department?.id ?? ''));
  return listCallsPerTurn(departments, mine.size, AVAILABLE_INTERVAL_MS);
}

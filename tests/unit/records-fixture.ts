import type { ChatRecord } from '../../lib/db';

/** A chat as the background stores it: waiting on portal zylker, every other field at its least. */
export function storedChat(id: string, extra: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id,
    status: 'waiting',
    portal: 'zylker',
    question: '',
    startTime: 1,
    firstSeenAt: 1,
    updatedAt: 1,
    visitor: {},
    ...extra,
  };
}

/**
 * A conversation as SalesIQ's REST API sends it (the fields lib/salesiq parses): waiting for
 * five seconds in department Sales; `extra` replaces or adds fields.
 */
export function wireConversation(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    status: 'Waiting',
    question: `Question ${id}`,
    start_time: String(Date.now() - 5_000),
    visitor: { name: `Visitor ${id}` },
    department: { id: 'd1', name: 'Sales' },
    ...extra,
  };
}

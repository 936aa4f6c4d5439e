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

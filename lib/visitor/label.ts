import type { ChatRecord } from '../records';

/**
 * The one name for a visitor, in the pages and in notifications alike: the name they gave, or
 * "Visitor" and the last four characters of their id.
 */
export function visitorLabel(chat: Pick<ChatRecord, 'id' | 'visitor'>): string {
  const name = chat.visitor.name?.trim();
  if (name) return name;
  const id = (chat.visitor.id || chat.id).replace(/\s+/g, '');
  return `Visitor ${id.slice(-4)}`;
}

import { useEffect, useRef } from 'preact/hooks';
import { visitorLabel } from '../../lib/ui/format';
import type { ChatRecord } from '../../lib/records';

/** "New chat from Ana, Sales." — at most three names, then a count. */
export function arrivalMessage(chats: readonly ChatRecord[]): string {
  const parts = chats
    .slice(0, 3)
    .map((c) => `New chat from ${visitorLabel(c)}${c.department?.name ? `, ${c.department.name}` : ''}`);
  if (chats.length > 3) parts.push(`${chats.length - 3} more new chats`);
  return `${parts.join('. ')}.`;
}

/**
 * Announces chats that start waiting while the popup is open. What was already waiting when it
 * opened is on screen, not news; a chat hidden by the department filter is not announced.
 */
export function useArrivalAnnouncements(
  waiting: readonly ChatRecord[] | null,
  isShown: (chat: ChatRecord) => boolean,
  announce: (message: string) => void,
): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!waiting) return;
    if (!seen.current) {
      seen.current = new Set(waiting.map((c) => c.id));
      return;
    }
    const fresh = waiting.filter((c) => !seen.current!.has(c.id));
    for (const chat of fresh) seen.current.add(chat.id);
    const shown = fresh.filter(isShown);
    if (shown.length) announce(arrivalMessage(shown));
    // Only a new list is news; the filter function changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);
}

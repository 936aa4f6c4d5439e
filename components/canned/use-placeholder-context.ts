import { cachedChat, placeholderContext } from '../../lib/canned/context';
import type { PlaceholderContext } from '../../lib/canned/placeholders';
import type { SessionInfo } from '../../lib/records';
import { useLiveRead } from '../use-live-read';

/** Placeholder values for a chat, from the cache, kept ready so a click can copy at once. */
export function usePlaceholderContext(
  session: SessionInfo | undefined,
  conversationId: string | undefined,
): PlaceholderContext {
  const chat = useLiveRead(
    ['chats', 'visitors'],
    () => (conversationId ? cachedChat(conversationId) : undefined),
    [conversationId],
    undefined,
  );
  return placeholderContext(session, chat);
}

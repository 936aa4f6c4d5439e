import { readSession, withAuth } from '../auth/session';
import { db } from '../db';
import { isSignedInConsole, parseConsoleUrl } from '../salesiq/console-url';
import { getConversation } from '../salesiq/api';
import { cachedChat, placeholderContext } from './context';
import { fillPlaceholders } from './placeholders';
import { invertShortcuts, normalizeShortcut, readShortcuts } from './shortcuts';
import { recordCannedUse } from './usage';
import {
  isExpandShortcutRequest,
  isSalesIQContentSender,
  type ExpandShortcutReply,
  type ExpandShortcutRequest,
} from '../messages';

async function chatFor(conversationId: string | undefined) {
  if (!conversationId) return undefined;
  const cached = await cachedChat(conversationId);
  if (cached) return cached;
  // A chat the queue never saw (opened from SalesIQ's own list): ask once; fallbacks cover failure.
  return withAuth((target) => getConversation(target, conversationId)).catch(() => undefined);
}

/** `tabUrl` is the sender's URL as the browser reports it, never a value from the message. */
export async function expandShortcut(request: ExpandShortcutRequest, tabUrl: string): Promise<ExpandShortcutReply> {
  const session = await readSession();
  const tab = parseConsoleUrl(tabUrl);
  if (!isSignedInConsole(tab, session) || !session.portal) return { text: null };
  const shortcut = normalizeShortcut(request.shortcut);
  const responseId = shortcut ? invertShortcuts(await readShortcuts(session.portal.screen)).get(shortcut) : undefined;
  const response = responseId ? await db.canned.get(responseId) : undefined;
  if (!response) return { text: null };
  const chat = await chatFor(tab.conversationId);
  const filled = fillPlaceholders(response.content, placeholderContext(session, chat));
  await recordCannedUse(response.id);
  return { text: filled.text };
}

/** A runtime.onMessage listener; answers only the validated request from a SalesIQ tab. */
export function onContentMessage(
  message: unknown,
  sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number },
  sendResponse: (reply: ExpandShortcutReply) => void,
  extensionId: string,
): true | undefined {
  if (!isExpandShortcutRequest(message) || !isSalesIQContentSender(sender, extensionId)) return undefined;
  void expandShortcut(message, sender.url!)
    .catch(() => ({ text: null }))
    .then(sendResponse);
  return true;
}

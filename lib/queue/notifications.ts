import { browser } from 'wxt/browser';
import type { ChatRecord } from '../db';

/**
 * The one notification helper. One fixed id per conversation, so a repeat replaces instead of
 * stacking, across worker and browser restarts too (the alert log remembers what was shown).
 */
const PREFIX = 'chat:';
const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';

export function notificationId(conversationId: string): string {
  return PREFIX + conversationId;
}

export function conversationIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;
}

export function visitorLabel(chat: Pick<ChatRecord, 'visitor' | 'id'>): string {
  const name = chat.visitor.name?.trim();
  return name || `Visitor ${(chat.visitor.id ?? chat.id).slice(-4)}`;
}

export interface ChatAlert {
  chat: ChatRecord;
  hideVisitorText: boolean;
  /** The last call before the chat is missed: stays on screen. */
  escalated: boolean;
  /** No system sound: sound is off, or quiet hours. The escalation's chime is ours, played apart. */
  silent: boolean;
  waitedSec: number;
}

export function notificationContent({ chat, hideVisitorText, escalated, waitedSec }: ChatAlert) {
  const department = chat.department?.name ?? 'SalesIQ';
  const who = hideVisitorText ? 'A visitor' : visitorLabel(chat);
  const title = escalated ? `Still waiting ${waitedSec} s: ${who} · ${department}` : `${who} · ${department}`;
  const message = hideVisitorText ? 'New chat waiting. Open the extension to see it.' : chat.question || 'New chat waiting.';
  return { title, message };
}

export async function showChatNotification(alert: ChatAlert): Promise<void> {
  const id = notificationId(alert.chat.id);
  const { title, message } = notificationContent(alert);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: message.slice(0, 300),
    ...(IS_FIREFOX
      ? {}
      : {
          buttons: [{ title: 'Pick up' }, { title: 'Open in SalesIQ' }],
          requireInteraction: alert.escalated,
          priority: 2,
          silent: alert.silent || alert.escalated, // the escalation has our own chime instead
        }),
  };
  // Clearing first makes the escalation pop up again instead of silently replacing.
  if (alert.escalated) await browser.notifications.clear(id);
  await browser.notifications.create(id, options);
}

/** A plain message about a chat under the chat's own id, so it replaces that chat's alert. */
export async function showChatNotice(conversationId: string, title: string, message: string): Promise<void> {
  const id = notificationId(conversationId);
  await browser.notifications.clear(id);
  await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message: message.slice(0, 300) });
}

/** The welcome page's and "Can I be reached?"'s try-out: the same look as a chat alert, its own id. */
export const TEST_NOTIFICATION_ID = 'test';

export async function showTestNotification(): Promise<void> {
  await browser.notifications.clear(TEST_NOTIFICATION_ID);
  await browser.notifications.create(TEST_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Operator Companion can reach you',
    message: 'This is how a waiting chat will look. You can close this test.',
  });
}

export async function withdrawNotification(conversationId: string): Promise<boolean> {
  return browser.notifications.clear(notificationId(conversationId));
}

export async function withdrawAllNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(Object.keys(all).filter((id) => id.startsWith(PREFIX)).map((id) => browser.notifications.clear(id)));
}

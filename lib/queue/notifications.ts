import { browser } from 'wxt/browser';
import type { ChatRecord } from '../records';
import { visitorLabel } from '../visitor/label';
import { shortLived } from '../browser/short-lived';

/**
 * The one notification helper. One fixed id per conversation, so a repeat replaces instead of
 * stacking, across worker and browser restarts too (the alert log remembers what was shown).
 */
const PREFIX = 'chat:';
const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';

function notificationId(conversationId: string): string {
  return PREFIX + conversationId;
}

/**
 * The ids on screen, asked once for a turn's several questions (the poll, the alerts, the reply
 * alerts and the withdrawal each ask): every notifications.getAll is a round trip through the
 * browser process, four a turn. An answer is used for at most a second, and is forgotten when
 * this helper creates or clears a notification and when one is closed: a turn never acts on what
 * it changed itself.
 */
const ON_SCREEN_FRESH_MS = 1_000;
const onScreen = shortLived(ON_SCREEN_FRESH_MS, () => browser.notifications.getAll().then((all) => Object.keys(all)));

export function forgetNotificationsOnScreen(): void {
  onScreen.forget();
}

let watchingClosed = false;

function notificationIdsOnScreen(): Promise<string[]> {
  if (!watchingClosed) {
    watchingClosed = true;
    browser.notifications.onClosed.addListener(forgetNotificationsOnScreen);
  }
  return onScreen.get();
}

/** A create or clear: what is on screen is asked again afterwards. */
async function changeOnScreen<T>(change: () => Promise<T>): Promise<T> {
  forgetNotificationsOnScreen();
  try {
    return await change();
  } finally {
    forgetNotificationsOnScreen();
  }
}

export function conversationIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;
}

/**
 * Visitor text is shown by the operating system, not by our pages: control characters, bidi
 * overrides and isolates (which can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf"),
 * invisible format characters and lone surrogates are removed; line breaks become spaces; long
 * text is cut on a character boundary. Joiners (U+200C/U+200D) stay: emoji and scripts need them.
 */
const UNSAFE_IN_NOTIFICATIONS =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function notificationText(text: string, maxChars: number): string {
  const clean = text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(UNSAFE_IN_NOTIFICATIONS, '')
    .replace(LONE_SURROGATE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : clean;
}

const TITLE_CHARS = 120;
const MESSAGE_CHARS = 300;

export interface ChatAlert {
  chat: ChatRecord;
  hideVisitorText: boolean;
  /** The last call before the chat is missed: stays on screen. */
  escalated: boolean;
  /** No system sound: sound is off, or quiet hours. The escalation's chime is ours, played apart. */
  silent: boolean;
  waitedSec: number;
}

function notificationContent({ chat, hideVisitorText, escalated, waitedSec }: ChatAlert) {
  const department = chat.department?.name ?? 'SalesIQ';
  const who = hideVisitorText ? 'A visitor' : visitorLabel(chat);
  const title = escalated ? `Still waiting ${waitedSec} s: ${who} · ${department}` : `${who} · ${department}`;
  const message = hideVisitorText
    ? 'New chat waiting. Open the extension to see it.'
    : chat.question || 'New chat waiting.';
  return { title, message };
}

export async function showChatNotification(alert: ChatAlert): Promise<void> {
  const id = notificationId(alert.chat.id);
  const { title, message } = notificationContent(alert);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notificationText(title, TITLE_CHARS),
    // A question of only spaces or control characters says nothing: say what happened instead.
    message: notificationText(message, MESSAGE_CHARS) || 'New chat waiting.',
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
  await changeOnScreen(async () => {
    if (alert.escalated) await browser.notifications.clear(id);
    await browser.notifications.create(id, options);
  });
}

/** A plain message about a chat under the chat's own id, so it replaces that chat's alert. */
export async function showChatNotice(conversationId: string, title: string, message: string): Promise<void> {
  const id = notificationId(conversationId);
  await changeOnScreen(async () => {
    await browser.notifications.clear(id);
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notificationText(title, TITLE_CHARS),
      message: notificationText(message, MESSAGE_CHARS),
    });
  });
}

/** The welcome page's and "Can I be reached?"'s try-out: the same look as a chat alert, its own id. */
const TEST_NOTIFICATION_ID = 'test';

export async function showTestNotification(): Promise<void> {
  await changeOnScreen(async () => {
    await browser.notifications.clear(TEST_NOTIFICATION_ID);
    await browser.notifications.create(TEST_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Operator Companion can reach you',
      message: 'This is how a waiting chat will look. You can close this test.',
    });
  });
}

export async function withdrawNotification(conversationId: string): Promise<boolean> {
  return changeOnScreen(() => browser.notifications.clear(notificationId(conversationId)));
}

/** The conversations whose notification is on screen now. */
export async function chatNotificationIds(): Promise<string[]> {
  return (await notificationIdsOnScreen()).map(conversationIdOf).filter((id): id is string => id !== undefined);
}

export async function withdrawAllNotifications(): Promise<void> {
  await Promise.all((await chatNotificationIds()).map((id) => withdrawNotification(id)));
  await Promise.all((await replyNotificationIds()).map((id) => withdrawReplyNotification(id)));
}

/**
 * "A visitor wrote in one of my chats": its own fixed id per conversation (a chat can have had a
 * waiting-chat alert under `chat:`), so a new line replaces the last one instead of stacking.
 */
const REPLY_PREFIX = 'reply:';

export function replyNotificationId(conversationId: string): string {
  return REPLY_PREFIX + conversationId;
}

export function replyConversationIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(REPLY_PREFIX) ? notificationId.slice(REPLY_PREFIX.length) : undefined;
}

export interface ReplyAlert {
  chat: Pick<ChatRecord, 'id' | 'visitor' | 'department'> & { lastVisitorLine?: string };
  hideVisitorText: boolean;
  /** No system sound: sound is off, or quiet hours. */
  silent: boolean;
}

export function replyNotificationContent({ chat, hideVisitorText }: Pick<ReplyAlert, 'chat' | 'hideVisitorText'>) {
  const department = chat.department?.name ?? 'SalesIQ';
  if (hideVisitorText)
    return {
      title: `A visitor is waiting for your reply · ${department}`,
      message: 'New message in one of your chats. Open the extension to see it.',
    };
  return {
    title: `${visitorLabel(chat)} is waiting for your reply · ${department}`,
    message: chat.lastVisitorLine || 'New message in your chat.',
  };
}

export async function showReplyNotification(alert: ReplyAlert): Promise<void> {
  const { title, message } = replyNotificationContent(alert);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notificationText(title, TITLE_CHARS),
    // A line of only spaces or control characters says nothing: say what happened instead.
    message: notificationText(message, MESSAGE_CHARS) || 'New message in your chat.',
    ...(IS_FIREFOX
      ? {}
      : { buttons: [{ title: 'Open in SalesIQ' }, { title: 'Reply' }], priority: 2, silent: alert.silent }),
  };
  await changeOnScreen(() => browser.notifications.create(replyNotificationId(alert.chat.id), options));
}

export async function withdrawReplyNotification(conversationId: string): Promise<boolean> {
  return changeOnScreen(() => browser.notifications.clear(replyNotificationId(conversationId)));
}

/** The conversations whose reply alert is on screen now. */
export async function replyNotificationIds(): Promise<string[]> {
  return (await notificationIdsOnScreen()).map(replyConversationIdOf).filter((id): id is string => id !== undefined);
}

/**
 * The one notice about the extension itself (not a chat): chats cannot reach the operator. One
 * fixed id, so it is never stacked; it carries the action that fixes it, as a button in Chrome and
 * as the click on its body (all Firefox has).
 */
export const SERVICE_NOTICE_ID = 'companion:cannot-deliver';

export function isServiceNotice(notificationId: string): boolean {
  return notificationId === SERVICE_NOTICE_ID;
}

export async function showServiceNotice({
  title,
  message,
  action,
}: {
  title: string;
  message: string;
  action: string;
}): Promise<void> {
  await changeOnScreen(async () => {
    await browser.notifications.clear(SERVICE_NOTICE_ID);
    await browser.notifications.create(SERVICE_NOTICE_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message: message.slice(0, 300),
      ...(IS_FIREFOX ? {} : { buttons: [{ title: action }], requireInteraction: true, priority: 2 }),
    });
  });
}

export async function withdrawServiceNotice(): Promise<void> {
  await changeOnScreen(() => browser.notifications.clear(SERVICE_NOTICE_ID));
}

/**
 * Whether the browser lets this extension show notifications at all (Chrome only can tell). The
 * badge asks every turn; the answer changes when the operator changes a browser setting, which
 * Chrome announces (onPermissionLevelChanged), so it is asked again only then or after a minute.
 */
const PERMISSION_FRESH_MS = 60_000;
const permission = shortLived(PERMISSION_FRESH_MS, () =>
  Promise.resolve()
    .then(() => browser.notifications.getPermissionLevel?.())
    .then(
      (level) => level === 'denied',
      () => false, // the browser cannot tell: assume they are shown
    ),
);

export function forgetNotificationPermission(): void {
  permission.forget();
}

let listening = false;

/** Chrome's own event; other browsers (and the tests' fake) have none, and the minute suffices. */
function forgetPermissionWhenChanged(): void {
  if (listening) return;
  listening = true;
  try {
    (
      browser.notifications as { onPermissionLevelChanged?: { addListener(listener: () => void): void } }
    ).onPermissionLevelChanged?.addListener(forgetNotificationPermission);
  } catch {
    // not implemented here
  }
}

export function notificationsBlocked(): Promise<boolean> {
  forgetPermissionWhenChanged();
  return permission.get();
}

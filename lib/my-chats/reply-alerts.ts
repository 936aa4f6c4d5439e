import { db, writeForPortal } from '../db';
import { inQuietHours, type Settings } from '../settings';
import { replyNotificationIds, showReplyNotification, withdrawReplyNotification } from '../queue/notifications';
import { chatOnScreen } from './on-screen';
import { awaitingReply, lineKey, type MyChatRecord } from './records';
import type { MyChatsResult } from './poll';

/**
 * Reply alerts: one desktop notification per chat (fixed id, replaced by the next line), raised
 * when the visitor's newest line has not been alerted yet and the operator is not looking at that
 * chat in the SalesIQ console; withdrawn as soon as the visitor is answered (here, in the console,
 * by anyone) or the chat is no longer the operator's. "Alerted" is stored per line
 * (`alertedLineKey`), so a worker restart does not pop the same line up again.
 */
export type ReplyAlertStep = 'show' | 'skip' | 'withdraw' | undefined;

/** What one chat needs: pure, from its record, the setting and whether it is on screen. */
export function replyAlertStep(
  chat: MyChatRecord,
  { enabled, onScreen }: { enabled: boolean; onScreen: boolean },
): ReplyAlertStep {
  if (!awaitingReply(chat)) return 'withdraw';
  const key = lineKey(chat);
  if (key === undefined || key === chat.alertedLineKey) return undefined;
  return enabled && !onScreen ? 'show' : 'skip';
}

export async function alertReplies(
  result: MyChatsResult,
  settings: Settings,
  portal: string,
  localNow = Date.now(),
): Promise<void> {
  const quiet = inQuietHours(settings.quietHours, new Date(localNow));
  const shown = new Set(await replyNotificationIds());
  for (const id of result.ended) if (shown.has(id)) await withdrawReplyNotification(id);
  const mine = new Set(result.chats.map((c) => c.id));
  // An alert whose chat is not stored any more (ended in an earlier turn, a wipe) goes too.
  for (const id of shown) if (!mine.has(id)) await withdrawReplyNotification(id);

  for (const chat of result.chats) {
    const key = lineKey(chat);
    const pending = awaitingReply(chat) && key !== undefined && key !== chat.alertedLineKey;
    const step = replyAlertStep(chat, {
      enabled: settings.replyAlerts,
      onScreen: pending ? await chatOnScreen(chat.id) : false,
    });
    if (step === 'withdraw') {
      if (shown.has(chat.id)) await withdrawReplyNotification(chat.id);
      continue;
    }
    if (!step) continue;
    if (step === 'show') {
      await showReplyNotification({
        chat,
        hideVisitorText: settings.hideVisitorText,
        silent: !settings.sound || quiet,
      });
    }
    await writeForPortal(portal, [db.myChats], () => db.myChats.update(chat.id, { alertedLineKey: key }));
  }
}

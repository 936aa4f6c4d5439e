import { visitorLabel } from '../../lib/ui/format';
import type { AlertRecord, ChatRecord } from '../../lib/records';
import { readTogether, settle } from '../../lib/db-read';
// The one text shortener (pure; its module is page-safe): one line, unsafe characters out, cut on a character.
import { notificationText } from '../../lib/queue/notifications';

/**
 * "Was I notified?": the alert log as the operator reads it. The log keeps one record per chat the
 * extension saw waiting; the list shows those it notified about, and every missed one (notified or
 * not: a missed chat without a notification is exactly what the operator needs to see).
 */
export const ALERT_HISTORY_SIZE = 50;
const QUESTION_EXCERPT = 120;

export type AlertEnding =
  | { kind: 'mine'; at: number }
  | { kind: 'colleague'; at: number; by?: string }
  | { kind: 'missed'; at: number }
  | { kind: 'ended'; at: number }
  | { kind: 'waiting' };

export interface AlertHistoryRow {
  conversationId: string;
  visitor: string;
  question: string;
  seenAt: number;
  notifiedAt?: number;
  escalatedAt?: number;
  ending: AlertEnding;
}

export function shown(alert: AlertRecord): boolean {
  return alert.notifiedAt !== undefined || alert.missedAt !== undefined;
}

/** How the chat left the queue. Several stamps can exist (a pickup after a transfer): ours first. */
export function endingOf(alert: AlertRecord): AlertEnding {
  if (alert.pickedUpAt) return { kind: 'mine', at: alert.pickedUpAt };
  if (alert.takenByOtherAt) return { kind: 'colleague', at: alert.takenByOtherAt, by: alert.takenBy };
  if (alert.missedAt) return { kind: 'missed', at: alert.missedAt };
  if (alert.endedAt) return { kind: 'ended', at: alert.endedAt };
  return { kind: 'waiting' };
}

export function historyRow(alert: AlertRecord, chat: ChatRecord | undefined): AlertHistoryRow {
  return {
    conversationId: alert.conversationId,
    visitor: visitorLabel(chat ?? { id: alert.conversationId, visitor: {} }),
    question: notificationText(chat?.question ?? '', QUESTION_EXCERPT),
    seenAt: alert.firstSeenAt,
    notifiedAt: alert.notifiedAt,
    escalatedAt: alert.escalatedAt,
    ending: endingOf(alert),
  };
}

/** The latest alerts of this portal, newest first, with their chats, read in one transaction. */
export function readAlertHistory(portal: string, size = ALERT_HISTORY_SIZE): Promise<AlertHistoryRow[]> {
  return readTogether(['alerts', 'chats'], [], async (tx) => {
    const alerts = await new Promise<AlertRecord[]>((resolve, reject) => {
      const found: AlertRecord[] = [];
      const cursor = tx.objectStore('alerts').index('firstSeenAt').openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || found.length === size) return resolve(found);
        const alert = at.value as AlertRecord;
        if (alert.portal === portal && shown(alert)) found.push(alert);
        at.continue();
      };
    });
    const chats = tx.objectStore('chats');
    const records = await Promise.all(alerts.map((a) => settle<ChatRecord | undefined>(chats.get(a.conversationId))));
    return alerts.map((alert, i) => historyRow(alert, records[i]));
  });
}

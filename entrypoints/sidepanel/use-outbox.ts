import { useEffect, useRef, useState } from 'preact/hooks';
import { plainError } from '../../lib/ui/plain-error';
import type { SendResult } from '../../lib/canned/send-outcome';
import { ask } from '../../lib/messages';
import type { Message } from '../../lib/salesiq/types';
import {
  addLine,
  markFailed,
  markSending,
  markSent,
  removeLine,
  settledKeys,
  visibleLines,
  type OutboxLine,
} from './outbox';

type Lines = Record<string, OutboxLine[]>;

/**
 * The composer's sends for the chat on screen: a line shows at once as "Sending…", turns "Sent"
 * when SalesIQ answers with it, and leaves the list once the saved transcript has it. Kept per
 * chat, so switching chats and back keeps a failed line with its *Send again*.
 */
export function useOutbox(conversationId: string, transcript: readonly Message[], myOperatorId: string) {
  const [all, setAll] = useState<Lines>({});
  const [notice, setNotice] = useState({ conversationId: '', text: '' });
  const counter = useRef(0);
  const lines = all[conversationId] ?? [];
  const update = (chat: string, change: (lines: OutboxLine[]) => OutboxLine[]) =>
    setAll((current) => ({ ...current, [chat]: change(current[chat] ?? []) }));

  const settled = settledKeys(lines, transcript, myOperatorId).join('\n');
  useEffect(() => {
    if (!settled) return;
    const keys = new Set(settled.split('\n'));
    update(conversationId, (current) => current.filter((line) => !keys.has(line.key)));
  }, [conversationId, settled]);

  async function deliver(chat: string, key: string, text: string) {
    const reply = await ask<SendResult>({ type: 'sendChatMessage', conversationId: chat, text });
    if (reply.ok) {
      update(chat, (current) => markSent(current, key, reply.value.message));
      // The same words, pressed again within minutes of a send whose answer was lost: that one went out.
      if (reply.value.alreadySent)
        setNotice({
          conversationId: chat,
          text: 'Already in the chat: it went out on your earlier send, so it was not sent again.',
        });
    } else update(chat, (current) => markFailed(current, key, plainError(reply.error)));
  }

  /** False when this very text is already on its way to this chat (a double Enter). */
  function send(text: string): boolean {
    const body = text.trim();
    if (!body || lines.some((line) => line.state === 'sending' && line.text === body)) return false;
    counter.current += 1;
    setNotice({ conversationId: '', text: '' });
    const key = `${Date.now()}-${counter.current}`;
    const chat = conversationId;
    update(chat, (current) => addLine(current, key, body));
    void deliver(chat, key, body);
    return true;
  }

  /** The background reads the chat first when the earlier answer was lost: never sent twice. */
  function retry(key: string) {
    const line = lines.find((l) => l.key === key);
    if (!line || line.state !== 'failed') return;
    const chat = conversationId;
    update(chat, (current) => markSending(current, key));
    void deliver(chat, key, line.text);
  }

  /** A failed line back into the box, to change it. */
  function takeBack(key: string): string | undefined {
    const line = lines.find((l) => l.key === key);
    if (!line || line.state !== 'failed') return undefined;
    update(conversationId, (current) => removeLine(current, key));
    return line.text;
  }

  return {
    lines: visibleLines(lines, transcript, myOperatorId),
    notice: notice.conversationId === conversationId ? notice.text : '',
    send,
    retry,
    takeBack,
  };
}

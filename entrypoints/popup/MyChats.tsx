import { useMemo, useState } from 'preact/hooks';
import { ChatActions } from '../../components/ChatActions';
import { useNow } from '../../components/clock';
import { formatAgo, visitorLabel } from '../../lib/ui/format';
import { openVisitorHistory } from '../../lib/browser/open-history';
import { plainError } from '../../lib/ui/plain-error';
import { WaitTimer } from '../../components/WaitTimer';
import { useLiveRead } from '../../components/use-live-read';
import { readRecords } from '../../lib/db-read';
import { ask } from '../../lib/messages';
import { salesiqNow } from '../../lib/salesiq/server-clock';
import { awaitingReply, type MyChatRecord } from '../../lib/my-chats/records';
import type { Settings } from '../../lib/settings';

interface Props {
  screen: string | undefined;
  settings: Pick<Settings, 'escalateAfterSec' | 'missedAfterSec'>;
  /** SalesIQ's clock minus this machine's (the poll state): reply waits are SalesIQ times. */
  clockOffsetMs?: number;
}

const readMine = (screen: string) => readRecords('myChats', { index: 'portal', range: screen });

/** Visitors waiting for a reply first, the longest wait on top; then the rest, newest pickup first. */
export function myChatsOrder(chats: readonly MyChatRecord[]): MyChatRecord[] {
  const since = (c: MyChatRecord) => c.visitorWaitingSince ?? c.lastMessageTime ?? c.updatedAt;
  return [...chats].sort((a, b) => {
    const waitingA = awaitingReply(a);
    const waitingB = awaitingReply(b);
    if (waitingA !== waitingB) return waitingA ? -1 : 1;
    if (waitingA) return since(a) - since(b);
    return (b.attendedTime ?? b.startTime) - (a.attendedTime ?? a.startTime);
  });
}

/**
 * The popup's *My chats*: the operator's own open chats, each with how long its visitor has been
 * waiting for a reply. Data comes from the background's `myChats` table (lib/my-chats).
 */
export function MyChats({ screen, settings, clockOffsetMs }: Props) {
  const records = useLiveRead(['myChats'], () => (screen ? readMine(screen) : []), [screen], null);
  const chats = useMemo(() => (records ? myChatsOrder(records) : null), [records]);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const setError = (id: string, message: string) =>
    setErrors((current) => {
      const next = new Map(current);
      if (message) next.set(id, message);
      else next.delete(id);
      return next;
    });

  function open(chat: MyChatRecord) {
    setError(chat.id, '');
    void ask({ type: 'openInSalesIQ', conversationId: chat.id }).then((reply) => {
      if (!reply.ok) setError(chat.id, plainError(reply.error));
    });
  }
  function history(chat: MyChatRecord) {
    setError(chat.id, '');
    // Open first, synchronously, inside the click or key press (see Queue's showHistory).
    openVisitorHistory(chat.id).catch(() => setError(chat.id, 'Could not open the visitor history.'));
    void ask({ type: 'focusConversation', conversationId: chat.id, source: 'popup' });
  }

  // The section comes after the queue's first paint (after-paint.tsx) and reads its own rows: until
  // they are read it shows nothing, rather than a "Loading…" line that flashes under a queue
  // already on screen.
  if (!chats) return null;
  const waiting = chats.filter(awaitingReply).length;
  return (
    <section class="my-chats" aria-labelledby="my-chats-title">
      <h2 id="my-chats-title">
        My chats <span class="count">{chats.length}</span>
        {waiting > 0 && (
          <span class="my-chats__waiting">
            {waiting === 1 ? '1 waiting for your reply' : `${waiting} waiting for your reply`}
          </span>
        )}
      </h2>
      {chats.length === 0 ? (
        <p class="muted my-chats__empty">
          No open chats. Chats you pick up show here, with how long each visitor has waited for your reply.
        </p>
      ) : (
        <ul class="picked-list" aria-labelledby="my-chats-title">
          {chats.map((chat) => (
            <MyChatRow
              key={chat.id}
              chat={chat}
              settings={settings}
              clockOffsetMs={clockOffsetMs}
              error={errors.get(chat.id)}
              onOpen={open}
              onHistory={history}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface RowProps {
  chat: MyChatRecord;
  settings: Props['settings'];
  clockOffsetMs?: number;
  error?: string;
  onOpen(chat: MyChatRecord): void;
  onHistory(chat: MyChatRecord): void;
}

function MyChatRow({ chat, settings, clockOffsetMs, error, onOpen, onHistory }: RowProps) {
  const name = visitorLabel(chat);
  const waiting = awaitingReply(chat);
  const timerId = `my-chat-wait-${chat.id.replace(/[^\w-]/g, '_')}`;
  // O and H act on this chat while the keyboard is in its row (the queue's keys act on waiting chats).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'o' && key !== 'h') return;
    event.preventDefault();
    event.stopPropagation();
    if (key === 'o') onOpen(chat);
    else onHistory(chat);
  };
  return (
    <li
      class={`picked-row my-chat${waiting ? ' my-chat--waiting' : ''}`}
      data-my-chat-id={chat.id}
      onKeyDown={onKeyDown}
    >
      <div class="my-chat__head">
        <span class="picked-row__name">{name}</span>
        {chat.unread > 0 && (
          <span class="my-chat__unread" title={`${chat.unread} unread`}>
            <span aria-hidden="true">{chat.unread}</span>
            <span class="visually-hidden">
              {chat.unread === 1 ? '1 unread message' : `${chat.unread} unread messages`}
            </span>
          </span>
        )}
        {waiting && chat.visitorWaitingSince !== undefined && (
          <WaitTimer
            id={timerId}
            since={chat.visitorWaitingSince}
            escalateAfterSec={settings.escalateAfterSec}
            missedAfterSec={settings.missedAfterSec}
            clockOffsetMs={clockOffsetMs}
          />
        )}
      </div>
      <span class="picked-row__meta">
        {waiting ? 'Waiting for your reply' : <AnsweredNote chat={chat} clockOffsetMs={clockOffsetMs} />}
        {chat.department?.name ? ` · ${chat.department.name}` : ''}
      </span>
      {/* Visitor text is shown as text, never as HTML. */}
      {chat.lastVisitorLine && <p class="my-chat__line">{chat.lastVisitorLine}</p>}
      <ChatActions
        openLabel={`Open in SalesIQ: your open chat with ${name}`}
        historyLabel={`Visitor history for your open chat with ${name}`}
        error={error}
        onOpen={() => onOpen(chat)}
        onHistory={() => onHistory(chat)}
      />
    </li>
  );
}

/** "You replied 2 min ago", or "No new messages". Its own clock, like "Just picked up"; times are SalesIQ's. */
function AnsweredNote({ chat, clockOffsetMs = 0 }: { chat: MyChatRecord; clockOffsetMs?: number }) {
  const now = salesiqNow(clockOffsetMs, useNow());
  if (chat.lastSpeaker !== 'operator' || chat.lastMessageTime === undefined) return <>No new messages</>;
  return <>{`You replied ${formatAgo(Math.max(0, now - chat.lastMessageTime))}`}</>;
}

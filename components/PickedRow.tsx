import type { ChatRecord } from '../lib/records';
import { ChatActions } from './ChatActions';
import { formatAgo, visitorLabel } from '../lib/ui/format';

interface Props {
  chat: ChatRecord;
  now: number;
  error?: string;
  onOpen(chat: ChatRecord): void;
  onHistory(chat: ChatRecord): void;
}

/** A chat this operator just picked up: the way into SalesIQ and into the visitor's history. */
export function PickedRow({ chat, now, error, onOpen, onHistory }: Props) {
  const name = visitorLabel(chat);
  const details = [
    chat.department?.name,
    chat.pickedUpAt ? `picked up ${formatAgo(now - chat.pickedUpAt)}` : '',
  ].filter(Boolean);
  return (
    <li class="picked-row" data-chat-id={chat.id}>
      <div class="picked-row__text">
        <span class="picked-row__name">{name}</span>
        <span class="picked-row__meta">{details.join(' · ')}</span>
      </div>
      <ChatActions
        openLabel={`Open in SalesIQ: chat with ${name}`}
        historyLabel={`Visitor history: ${name}`}
        error={error}
        onOpen={() => onOpen(chat)}
        onHistory={() => onHistory(chat)}
      />
    </li>
  );
}

import type { ChatRecord } from '../lib/records';
import { WaitTimer } from './WaitTimer';
import { domId, visitorKindLabel, visitorLabel } from '../lib/ui/format';

/** `checking`: the pickup's answer was lost; the page follows the chat's record to learn the outcome. */
export type PickupState = 'idle' | 'pending' | 'checking' | 'done';

interface Props {
  chat: ChatRecord;
  /** 1-based place in the list; 1–9 are also keyboard shortcuts. */
  position: number;
  selected: boolean;
  pickup: PickupState;
  error?: string;
  /** The portal's name, shown only when the operator works in more than one. */
  brand?: string;
  escalateAfterSec: number;
  missedAfterSec: number;
  /** SalesIQ's clock minus this machine's, for the wait timer. */
  clockOffsetMs?: number;
  onPickUp(chat: ChatRecord): void;
  onSelect(id: string): void;
}

const PICKUP_TEXT: Record<PickupState, string> = {
  idle: 'Pick up',
  pending: 'Picking up…',
  checking: 'Checking with SalesIQ…',
  done: 'Picked up',
};

/**
 * One waiting chat. Every visitor-supplied string is a Preact text child, so markup in a name or
 * question is shown as typed, never parsed. The row's accessible name is built from its visible
 * parts (visitor, department, wait) by aria-labelledby, so it stays current as the timer ticks.
 */
export function ChatRow(props: Props) {
  const { chat, position, selected, pickup, error, brand } = props;
  const name = visitorLabel(chat);
  const ids = {
    name: domId('chat-name', chat.id),
    meta: domId('chat-meta', chat.id),
    wait: domId('chat-wait', chat.id),
    error: domId('chat-error', chat.id),
  };
  const meta = [
    chat.visitor.countryCode?.toUpperCase(),
    chat.department?.name,
    visitorKindLabel(chat.visitor.kind),
    brand,
  ].filter(Boolean);
  const question = chat.question.trim();

  return (
    <li
      class="chat-row"
      data-selected={selected ? '' : undefined}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? 0 : -1}
      aria-labelledby={`${ids.name} ${ids.meta} ${ids.wait}`}
      aria-describedby={error ? ids.error : undefined}
      data-chat-id={chat.id}
      onFocusIn={() => props.onSelect(chat.id)}
    >
      <div class="chat-row__top">
        <span class="chat-row__name" id={ids.name}>
          {name}
        </span>
        <WaitTimer
          id={ids.wait}
          since={chat.startTime}
          escalateAfterSec={props.escalateAfterSec}
          missedAfterSec={props.missedAfterSec}
          clockOffsetMs={props.clockOffsetMs}
        />
      </div>
      <div class="chat-row__meta" id={ids.meta}>
        {meta.length ? meta.join(' · ') : 'No department'}
      </div>
      <div class="chat-row__bottom">
        <p class={`chat-row__question${question ? '' : ' muted'}`}>{question || 'No question yet'}</p>
        <button
          type="button"
          class="primary chat-row__pickup"
          disabled={pickup !== 'idle'}
          aria-label={`${PICKUP_TEXT[pickup]} chat from ${name}`}
          aria-keyshortcuts={position <= 9 ? String(position) : undefined}
          onClick={() => props.onPickUp(chat)}
        >
          {PICKUP_TEXT[pickup]}
        </button>
      </div>
      {error && (
        <p class="row-error" id={ids.error} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

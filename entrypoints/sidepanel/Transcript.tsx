import type { ComponentChildren } from 'preact';
import type { Message } from '../../lib/salesiq/types';
import { formatTime } from './format';

interface Props {
  messages: readonly Message[];
  visitorId?: string;
  label: string;
  /** Lines after the saved ones (the composer's sends on their way). */
  children?: ComponentChildren;
}

/** A transcript as text only; whose line it is shows in words and in alignment, not colour alone. */
export function Transcript({ messages, visitorId, label, children }: Props) {
  if (!messages.length && !children) return <p class="note">No messages yet.</p>;
  return (
    <ol class="transcript" aria-label={label}>
      {messages.map((m) => {
        const fromVisitor = !!visitorId && m.senderId === visitorId;
        return (
          <li key={m.id} class={`msg ${fromVisitor ? 'msg--visitor' : 'msg--operator'}`}>
            <div class="msg__meta">
              <span class="msg__sender" dir="auto">
                {m.senderName}
              </span>{' '}
              <time class="muted">{formatTime(m.time)}</time>
            </div>
            <p class="msg__text" dir="auto">
              {m.text || (m.kind !== 'text' ? `(${m.kind})` : '')}
            </p>
          </li>
        );
      })}
      {children}
    </ol>
  );
}

import type { OutboxLine } from './outbox';

interface Props {
  lines: readonly OutboxLine[];
  onRetry(key: string): void;
  onEdit(key: string): void;
}

const STATE_TEXT: Record<OutboxLine['state'], string> = { sending: 'Sending…', sent: 'Sent', failed: 'Not sent' };

/** The operator's own lines not yet in the saved transcript, at its end, each saying where it is. */
export function OutboxItems({ lines, onRetry, onEdit }: Props) {
  return (
    <>
      {lines.map((line) => (
        <li key={line.key} class={`msg msg--operator msg--${line.state}`} aria-busy={line.state === 'sending'}>
          <div class="msg__meta">
            <span class="msg__sender">You</span>{' '}
            <span class={line.state === 'failed' ? 'msg__state msg__state--failed' : 'msg__state muted'}>
              {STATE_TEXT[line.state]}
            </span>
          </div>
          <p class="msg__text" dir="auto">
            {line.text}
          </p>
          {line.state === 'failed' && (
            <div class="msg__problem" role="alert">
              <p class="inline-error">{line.error}</p>
              <div class="msg__actions">
                <button type="button" onClick={() => onRetry(line.key)}>
                  Send again
                </button>
                <button type="button" onClick={() => onEdit(line.key)}>
                  Edit
                </button>
              </div>
            </div>
          )}
        </li>
      ))}
    </>
  );
}

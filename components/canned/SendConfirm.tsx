import { useEffect, useRef } from 'preact/hooks';
import type { FilledText } from '../../lib/canned/placeholders';

interface Props {
  filled: FilledText;
  visitorName?: string;
  busy: boolean;
  onSend(): void;
  onCancel(): void;
}

/** The last look before a message goes to the visitor: exactly the text that will be sent. */
export function SendConfirm({ filled, visitorName, busy, onSend, onCancel }: Props) {
  const send = useRef<HTMLButtonElement>(null);
  useEffect(() => send.current?.focus(), []);
  return (
    <div
      class="canned-confirm"
      role="group"
      aria-label="Confirm sending"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <p class="canned-confirm__title">Send to {visitorName || 'the visitor'}?</p>
      <p class="canned-confirm__text" dir="auto">
        {filled.text}
      </p>
      {filled.missing.length > 0 && (
        <p class="inline-error">
          Not filled in: {filled.missing.join(', ')}. Edit it in SalesIQ instead, or send as is.
        </p>
      )}
      <div class="canned-confirm__actions">
        <button type="button" class="primary" ref={send} disabled={busy} onClick={onSend}>
          {busy ? 'Sending…' : 'Send now'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

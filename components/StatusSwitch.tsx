import { useState } from 'preact/hooks';
import { ask } from '../lib/messages';
import type { OperatorStatus } from '../lib/salesiq/types';
import { plainError } from '../lib/ui/plain-error';

type Settable = Exclude<OperatorStatus, 'other'>;

const CHOICES: { value: Settable; label: string }[] = [
  { value: 'available', label: 'Available' },
  { value: 'busy', label: 'Busy' },
];

/**
 * Available / Busy as two toggle buttons. Not native radios on purpose: arrow keys on a radio
 * group change the checked value, and an operator arrowing through the queue must never flip
 * their SalesIQ status by accident.
 */
export function StatusSwitch({ status }: { status: OperatorStatus | undefined }) {
  const [pending, setPending] = useState<Settable | null>(null);
  const [error, setError] = useState('');

  async function choose(next: Settable) {
    if (pending || next === status) return;
    setPending(next);
    setError('');
    const reply = await ask({ type: 'setStatus', status: next });
    setPending(null);
    if (!reply.ok) setError(plainError(reply.error));
  }

  const label = CHOICES.find((c) => c.value === pending)?.label;
  return (
    <div class="status-switch">
      <div
        class="status-switch__group"
        role="group"
        aria-label="Your SalesIQ status"
        aria-busy={pending ? 'true' : undefined}
      >
        {CHOICES.map((choice) => (
          <button
            key={choice.value}
            type="button"
            class={`status-switch__option status-switch__option--${choice.value}`}
            aria-pressed={(pending ?? status) === choice.value}
            disabled={pending !== null}
            onClick={() => void choose(choice.value)}
          >
            <span class="status-dot" aria-hidden="true" />
            {choice.label}
          </button>
        ))}
      </div>
      <span class="status-switch__note" role="status">
        {pending ? `Switching to ${label}…` : status === 'other' ? 'Other status in SalesIQ' : ''}
      </span>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

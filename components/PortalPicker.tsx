import { useState } from 'preact/hooks';
import { ask } from '../lib/messages';
import type { Portal } from '../lib/salesiq/types';
import { plainError } from '../lib/ui/plain-error';

/** The first-run choice of SalesIQ portal when the account has several. */
export function PortalPicker({ portals }: { portals: readonly Portal[] }) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState('');

  async function choose(screen: string) {
    if (pending) return;
    setPending(screen);
    setError('');
    const reply = await ask({ type: 'choosePortal', screen });
    setPending(null);
    if (!reply.ok) setError(plainError(reply.error));
  }

  return (
    <section class="panel" aria-labelledby="portal-picker-title">
      <h2 id="portal-picker-title" class="panel__title">
        Choose a SalesIQ portal
      </h2>
      <p>Your Zoho account belongs to more than one portal. Which one are you working in?</p>
      <ul class="portal-list">
        {portals.map((portal) => (
          <li key={portal.screen}>
            <button
              type="button"
              class="portal-list__button"
              disabled={pending !== null}
              aria-busy={pending === portal.screen ? 'true' : undefined}
              onClick={() => void choose(portal.screen)}
            >
              <span class="portal-list__name">{portal.name}</span>
              <span class="portal-list__screen">{pending === portal.screen ? 'Opening…' : portal.screen}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../lib/messages';
import { useLiveMeta } from './use-live-read';

/**
 * Site access to Zoho was turned off (chrome://extensions → Site access): say so, and ask for it
 * again. permissions.request must run inside the operator's click, so the button is on the page.
 */
export function HostAccessBanner() {
  const access = useLiveMeta('hostAccess', undefined);
  const [error, setError] = useState('');
  const missing = access?.missing ?? [];
  if (!missing.length) return null;

  async function allow() {
    setError('');
    try {
      const granted = await browser.permissions.request({ origins: missing });
      if (!granted) {
        setError('Access was not allowed. Operator Companion cannot show or pick up chats without it.');
        return;
      }
      await ask({ type: 'refreshNow' });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <div class="banner banner--error" role="alert">
      <p>Operator Companion can no longer reach Zoho: site access was turned off.</p>
      <button type="button" class="banner__action" onClick={() => void allow()}>
        Allow access to Zoho
      </button>
      {error && <p class="inline-error">{error}</p>}
    </div>
  );
}

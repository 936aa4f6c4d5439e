import { useEffect, useRef, useState } from 'preact/hooks';
import { plainError } from '../../lib/ui/plain-error';
import { SignInPanel } from '../../components/SignInPanel';
import type { SessionInfo } from '../../lib/records';
import { ask } from '../../lib/messages';
import { findByLocation } from '../../lib/salesiq/data-centres';
import type { Settings } from '../../lib/settings';
import { CheckboxField } from './fields';
import { Section } from './Section';
import { useSave } from './use-save';

interface Props {
  /** undefined: nothing stored yet, which means signed out. */
  session: SessionInfo | undefined;
  settings: Settings;
}

export function AccountSection({ session, settings }: Props) {
  const { status, save, setStatus } = useSave();
  const state = session?.state ?? 'signed-out';

  return (
    <Section id="account" title="Account" status={status}>
      {state === 'signed-in' || state === 'choosing-portal' ? (
        <SignedInAccount session={session!} onStatus={setStatus} />
      ) : (
        <>
          <SignInPanel session={session} headingLevel={3}>
            <CheckboxField
              id="china-sign-in"
              label="My Zoho account is in China (accounts.zoho.com.cn)"
              checked={settings.chinaSignIn}
              onSave={(chinaSignIn) => void save({ chinaSignIn })}
              hint="Zoho's China data centre signs in separately from every other region."
            />
          </SignInPanel>
          {state === 'expired' && <ExpiredAccount />}
        </>
      )}
    </Section>
  );
}

function SignedInAccount({ session, onStatus }: { session: SessionInfo; onStatus(status: string): void }) {
  const dataCentre = session.location ? findByLocation(session.location) : undefined;
  const portals = session.portals ?? [];
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState('');

  async function choosePortal(screen: string) {
    if (!screen || screen === session.portal?.screen) return;
    setSwitching(true);
    setError('');
    onStatus('Switching portal…');
    const reply = await ask({ type: 'choosePortal', screen });
    setSwitching(false);
    onStatus(reply.ok ? 'Saved' : '');
    if (!reply.ok) setError(plainError(reply.error));
  }

  const who = session.operatorName ?? session.operatorEmail ?? 'your Zoho account';
  return (
    <div class="account">
      <p>
        {'Signed in as '}
        <strong>{who}</strong>
        {session.operatorName && session.operatorEmail ? ` (${session.operatorEmail})` : ''}
      </p>
      {dataCentre && <p class="muted">{`Data centre: ${dataCentre.label} (${dataCentre.accountsHost})`}</p>}

      <div class="field">
        <label for="portal">SalesIQ portal</label>
        <select
          id="portal"
          value={session.portal?.screen ?? ''}
          disabled={switching || portals.length === 0}
          aria-describedby={error ? 'portal-error' : undefined}
          onChange={(event) => void choosePortal(event.currentTarget.value)}
        >
          {!session.portal && <option value="">Choose a portal</option>}
          {portals.map((p) => (
            <option key={p.screen} value={p.screen}>
              {`${p.name} (${p.screen})`}
            </option>
          ))}
        </select>
        {error && (
          <p class="inline-error" id="portal-error" role="alert">
            {error}
          </p>
        )}
        {!session.portal && (
          <p class="field__hint">Your account belongs to several portals: choose the one you work in.</p>
        )}
      </div>

      <SignOut />
    </div>
  );
}

/**
 * An expired session still holds the account's chats and visitor details: whoever will not sign
 * in again (a shared or handed-over browser) must be able to remove them without signing in first.
 */
function ExpiredAccount() {
  return (
    <div class="account">
      <p>Or sign out to remove this account's saved chats from this browser.</p>
      <SignOut />
    </div>
  );
}

/** Sign-out deletes this browser's copy of everything, so it asks once, in the page, not in a dialog. */
function SignOut() {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) yes.current?.focus();
    else if (wasConfirming.current) first.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function signOut() {
    setPending(true);
    setError('');
    const reply = await ask({ type: 'signOut' });
    setPending(false);
    setConfirming(false);
    if (!reply.ok) setError(plainError(reply.error));
  }

  return (
    <div class="sign-out">
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="sign-out-question">
          <p id="sign-out-question">
            Sign out of Zoho in this browser? The waiting list and the visitor history stored here are deleted.
          </p>
          <div class="confirm__buttons">
            <button ref={yes} type="button" class="danger" disabled={pending} onClick={() => void signOut()}>
              {pending ? 'Signing out…' : 'Yes, sign out'}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={first} type="button" onClick={() => setConfirming(true)}>
          Sign out
        </button>
      )}
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

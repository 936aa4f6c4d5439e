import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SessionInfo } from '../lib/records';
import { ask } from '../lib/messages';
import { plainError } from '../lib/ui/plain-error';

interface Props {
  session: Pick<SessionInfo, 'state' | 'error'> | undefined;
  /** Extra controls shown above the button (the options page puts the China checkbox here). */
  children?: ComponentChildren;
  /** A heading level that fits the page the panel sits in. */
  headingLevel?: 2 | 3;
}

/** Signed out, signing in, or expired: what happened and the one button that fixes it. */
export function SignInPanel({ session, children, headingLevel = 2 }: Props) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const expired = session?.state === 'expired';
  const signingIn = asking || session?.state === 'signing-in';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function signIn() {
    setAsking(true);
    setError('');
    const reply = await ask({ type: 'signIn' });
    setAsking(false);
    if (!reply.ok) setError(plainError(reply.error));
  }

  const shownError = error || session?.error;
  return (
    <section class="panel sign-in" aria-labelledby="sign-in-title">
      <Heading id="sign-in-title" class="panel__title">
        {expired ? 'Your Zoho sign-in has expired.' : 'Sign in to see waiting chats'}
      </Heading>
      <p>
        {expired
          ? 'Sign in again to keep seeing waiting chats and getting notifications.'
          : 'Connect your Zoho SalesIQ operator account to see every waiting chat here and pick one up in one click.'}
      </p>
      {children}
      <button type="button" class="primary sign-in__button" disabled={signingIn} onClick={() => void signIn()}>
        {signingIn ? 'Signing in…' : expired ? 'Sign in again' : 'Sign in with Zoho'}
      </button>
      {signingIn && <p class="muted">Finish signing in in the Zoho window.</p>}
      {shownError && (
        <p class="inline-error" role="alert">
          {shownError}
        </p>
      )}
    </section>
  );
}

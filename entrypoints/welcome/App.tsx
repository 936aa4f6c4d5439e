import { browser } from 'wxt/browser';
import { ShortcutList } from '../../components/ShortcutList';
import { SignInPanel } from '../../components/SignInPanel';
import { TestNotificationButton } from '../../components/TestNotificationButton';
import { useLiveMeta } from '../../components/use-live-read';
import { NOT_AFFILIATED, PRIVACY_PAGE } from '../../lib/project';
import { PIN_STEPS, currentBrowser, usePinned } from './pinned';

const LOADING = Symbol('loading');

/** Opened once, on install: the first five minutes, so that a waiting chat reaches the operator. */
export function WelcomeApp() {
  const session = useLiveMeta('session', LOADING);
  const pinned = usePinned();
  const browserName = currentBrowser();
  const signedIn = session !== LOADING && session?.state === 'signed-in';

  return (
    <main class="welcome">
      <header>
        <h1>Welcome to Operator Companion</h1>
        <p class="muted">Four steps, and no waiting chat will slip past you.</p>
      </header>

      <section class="step" aria-labelledby="step-sign-in">
        <h2 id="step-sign-in">1. Sign in with your Zoho account</h2>
        {session === LOADING ? (
          <p class="muted">Loading…</p>
        ) : signedIn ? (
          <p class="step__state step__state--ok">
            Signed in{session.portal?.name ? ` to ${session.portal.name}` : ''}.
          </p>
        ) : (
          <SignInPanel session={session} headingLevel={3} />
        )}
      </section>

      <section class="step" aria-labelledby="step-pin">
        <h2 id="step-pin">2. Pin the toolbar icon</h2>
        <p>The icon’s badge counts waiting chats and turns amber, then red, as the oldest nears “missed”.</p>
        <p>{PIN_STEPS[browserName]}</p>
        {pinned !== undefined && (
          <p class={`step__state step__state--${pinned ? 'ok' : 'todo'}`} role="status">
            {pinned ? 'Pinned.' : 'Not pinned yet.'}
          </p>
        )}
      </section>

      <section class="step" aria-labelledby="step-notify">
        <h2 id="step-notify">3. Allow notifications</h2>
        <p>
          Each new waiting chat raises a desktop notification. Send yourself a test: if none appears, allow
          notifications for the browser in your operating system’s settings and turn off Do Not Disturb.
        </p>
        <TestNotificationButton />
      </section>

      <section class="step" aria-labelledby="step-keys">
        <h2 id="step-keys">4. Keyboard shortcuts</h2>
        <ShortcutList />
      </section>

      <p class="field__hint">
        Something not working? Settings →{' '}
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#reachability') })}
        >
          Can I be reached?
        </button>{' '}
        checks everything. <a href={browser.runtime.getURL(PRIVACY_PAGE)}>Privacy policy</a>. {NOT_AFFILIATED}
      </p>
    </main>
  );
}

import { useEffect } from 'preact/hooks';
import { prepareVisitorHistory } from '../../lib/browser/open-history';
import { useLiveMeta } from '../../components/use-live-read';
import { ask } from '../../lib/messages';
import type { PopupInitial } from './initial';
import { Queue } from './Queue';
import { afterPaint } from './after-paint';
import { SettingsButton } from './SettingsButton';
import { PopupFooter } from './PopupFooter';

/** While the popup is open the background polls faster; it forgets us if we stop saying so. */
const VISIBLE_PING_MS = 10_000;

const LOADING = Symbol('loading');

/** Sign-in and portal choice: main.tsx loads them before painting a signed-out popup. */
export const signedOutView = afterPaint(() => import('./PopupSignedOut').then(({ PopupSignedOut: view }) => view));
const SignedOut = signedOutView.AfterPaint;

export function PopupApp({ initial }: { initial?: PopupInitial }) {
  const session = useLiveMeta('session', initial ? initial.session : LOADING);
  const signedIn = session !== LOADING && session?.state === 'signed-in';

  useEffect(() => {
    prepareVisitorHistory();
    const ping = (opened = false) => void ask({ type: 'pageVisible', page: 'popup', opened });
    // After the first paint: the fresh poll it triggers must not compete with painting the cache.
    const first = requestIdleCallback(() => ping(true), { timeout: 300 });
    const timer = setInterval(() => ping(), VISIBLE_PING_MS);
    return () => {
      cancelIdleCallback(first);
      clearInterval(timer);
    };
  }, []);

  if (signedIn) {
    return (
      <main class="popup">
        {/* The snapshot only stands in for the portal it was read for (not after a sign-in here). */}
        <Queue
          session={session}
          initial={initial?.session?.portal?.screen === session.portal?.screen ? initial : undefined}
        />
        <PopupFooter />
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="popup__header">
        <div class="popup__title-row">
          <h1>Waiting chats</h1>
          <SettingsButton />
        </div>
      </header>
      <div class="popup__scroll popup__body">
        {session === LOADING ? <p class="muted">Loading…</p> : <SignedOut session={session} />}
      </div>
      <PopupFooter />
    </main>
  );
}

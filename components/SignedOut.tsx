import { browser } from 'wxt/browser';
import { PortalPicker } from './PortalPicker';
import { SignInPanel } from './SignInPanel';
import { useSettings } from './use-settings';
import type { SessionInfo } from '../lib/records';

/**
 * The one sign-in view of the popup and the side panel, everything before there is a queue or a
 * visitor: sign in, signing in, expired, choose a portal.
 */
export function SignedOut({ session }: { session: SessionInfo | undefined }) {
  const { settings } = useSettings();
  if (session?.state === 'choosing-portal') return <PortalPicker portals={session.portals ?? []} />;
  return (
    <SignInPanel session={session}>
      {(!session || session.state === 'signed-out') && <ChinaNote china={settings.chinaSignIn} />}
    </SignInPanel>
  );
}

/** The China data centre is a separate sign-in server: the choice lives in Settings. */
function ChinaNote({ china }: { china: boolean }) {
  return (
    <p class="muted small">
      {china ? 'Signing in through Zoho China. ' : 'Zoho account in China? '}
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </p>
  );
}

import { browser } from 'wxt/browser';
import { PortalPicker } from '../../components/PortalPicker';
import { SignInPanel } from '../../components/SignInPanel';
import { useSettings } from '../../components/use-settings';
import type { SessionInfo } from '../../lib/records';

/** Everything the popup shows before there is a queue: sign in, expired, choose a portal. */
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

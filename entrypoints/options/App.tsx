import { HostAccessBanner } from '../../components/HostAccessBanner';
import { useLiveMeta } from '../../components/use-live-read';
import { useSettings } from '../../components/use-settings';
import { AccountSection } from './AccountSection';
import { NotificationsSection } from './NotificationsSection';
import { PrivacySection } from './PrivacySection';
import { ReachabilitySection } from './ReachabilitySection';
import { AboutSection } from './AboutSection';

const LOADING = Symbol('loading');

export function OptionsApp() {
  const session = useLiveMeta('session', LOADING);
  const { settings, loaded } = useSettings();

  return (
    <main class="options">
      <header class="options__header">
        <h1>Settings</h1>
        <p class="muted">Operator Companion for Zoho SalesIQ</p>
      </header>
      {session === LOADING || !loaded ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <HostAccessBanner />
          <AccountSection session={session} settings={settings} />
          <NotificationsSection settings={settings} />
          <ReachabilitySection />
          <PrivacySection settings={settings} />
        </>
      )}
      <AboutSection />
    </main>
  );
}

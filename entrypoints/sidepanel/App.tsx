import { ConnectionBanner } from '../../components/ConnectionBanner';
import { SignedOut } from '../../components/SignedOut';
import { useEffect, useState } from 'preact/hooks';
import { useLiveMeta } from '../../components/use-live-read';
import { activePortal } from '../../lib/records';
import { AlertHistory } from './AlertHistory';
import { CannedTab } from './CannedTab';
import { primedMeta } from './initial';
import { TabList, TabPanel, type TabSpec } from './Tabs';
import { useFocusedConversation } from './use-focus';
import { VisitorView } from './VisitorView';

type TabId = 'visitor' | 'canned' | 'alerts';
const TABS: readonly TabSpec<TabId>[] = [
  { id: 'visitor', label: 'Visitor' },
  { id: 'canned', label: 'Canned responses' },
  { id: 'alerts', label: 'Alerts' },
];

/** The side panel: who the visitor is and what happened before, beside whatever tab is open. */
export function SidePanelApp() {
  const session = useLiveMeta('session', primedMeta('session'));
  const signedIn = !!activePortal(session);
  const focus = useFocusedConversation(signedIn);
  const [tab, setTab] = useState<TabId>('visitor');
  const [cannedOpened, setCannedOpened] = useState(false);
  // *Reply* brings the Visitor tab (with the composer) to the front.
  useEffect(() => {
    if (focus.composeRequest) setTab('visitor');
  }, [focus.composeRequest]);

  function select(id: TabId) {
    setTab(id);
    if (id === 'canned') setCannedOpened(true);
  }
  const portal = session?.portal?.screen;

  return (
    <main class="sidepanel">
      <header class="sidepanel__header">
        <h1>Visitor history</h1>
      </header>
      {session === null ? null : !signedIn ? (
        <SignedOut session={session} />
      ) : (
        <>
          {/* Chats not reaching the operator is said here too, not only in the popup. */}
          <ConnectionBanner problemsOnly />
          <TabList label="Side panel sections" tabs={TABS} selected={tab} onSelect={select} />
          <TabPanel id="visitor" selected={tab === 'visitor'}>
            <VisitorView
              portal={session!.portal!.screen}
              me={{ operatorId: session!.portal!.operatorId, name: session!.operatorName }}
              conversationId={focus.conversationId}
              focusRead={focus.focusRead}
              composeRequest={focus.composeRequest}
              onChoose={focus.choose}
            />
          </TabPanel>
          <TabPanel id="canned" selected={tab === 'canned'}>
            {cannedOpened && <CannedTab conversationId={focus.conversationId} />}
          </TabPanel>
          <TabPanel id="alerts" selected={tab === 'alerts'}>
            {tab === 'alerts' && portal && session?.salesiqHost && (
              <AlertHistory portal={portal} salesiqHost={session.salesiqHost} />
            )}
          </TabPanel>
        </>
      )}
    </main>
  );
}

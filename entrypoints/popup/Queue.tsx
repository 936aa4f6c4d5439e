import { useMemo, useState } from 'preact/hooks';
import { openVisitorHistory } from '../../lib/browser/open-history';
import { plainError } from '../../lib/ui/plain-error';
import { usePaintMark } from '../../components/use-paint-mark';
import { useSettings } from '../../components/use-settings';
import type { ChatRecord, SessionInfo } from '../../lib/records';
import { ask } from '../../lib/messages';
import { useArrivalAnnouncements } from './arrivals';
import { afterPaint } from './after-paint';
import type { PopupInitial } from './initial';
import { PickedSection } from './PickedSection';
import { QueueHeader, QueueNotices } from './QueueHeader';
import { useAnnouncer } from './use-announcer';
import { usePickup } from './use-pickup';
import { useQueueData } from './use-queue-data';
import { useQueueKeys } from './use-queue-keys';
import { WaitingList } from './WaitingList';

// Below the queue, loaded after its first paint (the canned search's code is ≈ 9 kB gzipped).
const MyChats = afterPaint(() => import('./MyChats').then(({ MyChats: section }) => section)).AfterPaint;
const CannedSearch = afterPaint(() =>
  import('../../components/canned/CannedSearch').then(({ CannedSearch: Search }) => () => (
    <div class="popup__canned">
      <Search />
    </div>
  )),
).AfterPaint;

/**
 * The signed-in popup: header, banners, the waiting queue, and what was just picked up. The
 * pieces: data (use-queue-data), selection and keys (use-queue-keys), QueueHeader/QueueNotices,
 * WaitingList and PickedSection.
 */
export function Queue({ session, initial }: { session: SessionInfo; initial?: PopupInitial }) {
  const { settings } = useSettings();
  const { operator, clockOffsetMs, departments, filter, portalWaiting, rows, brandOf, picked } = useQueueData(
    session,
    settings.departmentFilter,
    initial,
  );

  const { announcement, announce } = useAnnouncer();
  const pickup = usePickup(announce, session.portal?.operatorId);
  const [actionError, setActionError] = useState('');
  useArrivalAnnouncements(portalWaiting, (c) => !filter || c.department?.id === filter, announce);

  function openInSalesIQ(chat: ChatRecord) {
    setActionError('');
    void ask({ type: 'openInSalesIQ', conversationId: chat.id }).then((reply) => {
      if (!reply.ok) setActionError(plainError(reply.error));
    });
  }
  function showHistory(chat: ChatRecord) {
    setActionError('');
    // Open first, synchronously, inside the click or key press; then move the focus record, which a
    // panel that is already open follows (a newly opened one reads the chat from its URL).
    openVisitorHistory(chat.id).catch(() => setActionError('Could not open the visitor history.'));
    void ask({ type: 'focusConversation', conversationId: chat.id, source: 'popup' });
  }

  const { selectedIndex, select, listRef } = useQueueKeys({ rows, picked, pickup, openInSalesIQ, showHistory });
  usePaintMark('popup-list-painted', rows.length > 0);

  const waitingIds = useMemo(() => new Set(rows.map((c) => c.id)), [rows]);
  // A failed pickup whose row left the queue still needs saying, unless the chat became ours after all.
  const orphanErrors = [...pickup.errors].filter(([id]) => !waitingIds.has(id) && !picked.some((c) => c.id === id));

  return (
    <>
      <QueueHeader session={session} operator={operator} count={portalWaiting ? rows.length : undefined} />
      <QueueNotices
        operator={operator}
        initialPoll={initial?.poll}
        actionError={actionError}
        onDismissAction={() => setActionError('')}
        orphanErrors={orphanErrors}
        onDismissPickup={pickup.dismissError}
      />

      <div class="popup__scroll">
        <WaitingList
          departments={departments}
          filter={filter}
          portalWaiting={portalWaiting}
          rows={rows}
          selectedIndex={selectedIndex}
          listRef={listRef}
          pickupStates={pickup.states}
          pickupErrors={pickup.errors}
          brandOf={brandOf}
          escalateAfterSec={settings.escalateAfterSec}
          missedAfterSec={settings.missedAfterSec}
          clockOffsetMs={clockOffsetMs}
          onPickUp={(c) => void pickup.pickUp(c)}
          onSelect={select}
        />
        <MyChats screen={session.portal?.screen} settings={settings} clockOffsetMs={clockOffsetMs} />
        <PickedSection picked={picked} onOpen={openInSalesIQ} onHistory={showHistory} />
      </div>

      <CannedSearch />

      {(rows.length > 0 || picked.length > 0) && (
        <p class="popup__keys">Keys: ↑ ↓ select · Enter or 1–9 pick up · o open · h history</p>
      )}

      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChatRow } from '../../components/ChatRow';
import { useNow } from '../../components/clock';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { NotificationsBlocked } from '../../components/NotificationsBlocked';
import { DepartmentFilter } from '../../components/DepartmentFilter';
import { justPickedUp, waitingQueue } from '../../components/format';
import { openVisitorHistory } from '../../components/open-history';
import { PickedRow } from '../../components/PickedRow';
import { plainError } from '../../components/plain-error';
import { StatusNotice } from '../../components/StatusNotice';
import { StatusSwitch } from '../../components/StatusSwitch';
import { useLiveMeta, useLiveRead } from '../../components/use-live-read';
import { usePaintMark } from '../../components/use-paint-mark';
import { useFirstScreenful } from './first-screenful';
import { useExpiryTick } from './use-expiry-tick';
import { useSettings } from '../../components/use-settings';
import type { ChatRecord, SessionInfo } from '../../lib/records';
import { ask } from '../../lib/messages';
import { updateSettings } from '../../lib/settings';
import { useArrivalAnnouncements } from './arrivals';
import { classifyTarget, keyAction } from './keyboard';
import { SettingsButton } from './SettingsButton';
import { LazyCannedSearch } from './LazyCannedSearch';
import { readPicked, readWaiting, type PopupInitial } from './initial';
import { useAnnouncer } from './use-announcer';
import { usePickup } from './use-pickup';

/** The signed-in popup: header, banners, the waiting queue, and what was just picked up. */
export function Queue({ session, initial }: { session: SessionInfo; initial?: PopupInitial }) {
  const screen = session.portal?.screen;
  const { settings } = useSettings();
  const operator = useLiveMeta('operator', initial?.operator);
  const clockOffsetMs = useLiveMeta('poll', initial?.poll)?.clockOffsetMs;
  const waitingRecords = useLiveRead(['chats'], readWaiting, [], initial?.waiting ?? null);
  const pickedRecords = useLiveRead(['chats'], readPicked, [], initial?.picked ?? null);

  const departments = session.departments ?? [];
  // A remembered department that is no longer the operator's would hide every chat: treat it as "all".
  const filter = settings.departmentFilter && departments.some((d) => d.id === settings.departmentFilter) ? settings.departmentFilter : null;
  const portalWaiting = useMemo(() => (waitingRecords ? waitingQueue(waitingRecords, screen, null) : null), [waitingRecords, screen]);
  const rows = useMemo(() => (portalWaiting ? (filter ? portalWaiting.filter((c) => c.department?.id === filter) : portalWaiting) : []), [portalWaiting, filter]);
  const brandOf = useMemo(() => {
    const portals = session.portals ?? [];
    return portals.length > 1 ? new Map(portals.map((p) => [p.screen, p.name])) : null;
  }, [session.portals]);

  const { announcement, announce } = useAnnouncer();
  const pickup = usePickup(announce);
  const [actionError, setActionError] = useState('');
  useArrivalAnnouncements(portalWaiting, (c) => !filter || c.department?.id === filter, announce);

  // Selection follows the chat, not the position; if the chat leaves, the one that took its place is selected.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  let selectedIndex = selectedId ? rows.findIndex((c) => c.id === selectedId) : -1;
  if (selectedIndex === -1 && rows.length) selectedIndex = Math.min(lastIndex.current, rows.length - 1);
  lastIndex.current = Math.max(selectedIndex, 0);

  const listRef = useRef<HTMLUListElement>(null);
  const rowElement = (index: number) => listRef.current?.children[index] as HTMLElement | undefined;
  // When the focused row leaves (picked up, taken, missed), focus moves to the row that replaced
  // it instead of falling back to the page, so arrowing through the queue can continue.
  const focusedRowId = useRef<string | null>(null);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && focusedRowId.current && !rows.some((c) => c.id === focusedRowId.current)) {
      focusedRowId.current = null;
      rowElement(selectedIndex)?.focus();
    }
  });

  // Rows age out of "Just picked up" by the clock, not only when a chat changes.
  const expiry = useExpiryTick(pickedRecords);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `expiry` is the clock's tick: it re-runs this on purpose
  const picked = useMemo(() => (pickedRecords ? justPickedUp(pickedRecords, screen, Date.now()) : []), [pickedRecords, screen, expiry]);
  usePaintMark('popup-list-painted', rows.length > 0);
  const shownRows = useFirstScreenful(rows);

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

  /** The chat O and H act on: a focused "just picked up" row, the chat picked up here, or the selection. */
  function targetChat(): ChatRecord | undefined {
    const focusedPicked = (document.activeElement?.closest('.picked-row') as HTMLElement | null)?.dataset.chatId;
    const byId = (id: string | null | undefined) => (id ? picked.find((c) => c.id === id) ?? rows.find((c) => c.id === id) : undefined);
    return byId(focusedPicked) ?? byId(pickup.lastPickedId) ?? rows[focusedIndex()] ?? picked[0];
  }

  function select(id: string) {
    focusedRowId.current = id;
    setSelectedId(id);
  }

  // Keys can arrive before the re-render that a focus change causes: the focused row in the DOM,
  // not the last render's selection, is what the operator is looking at.
  const focusedIndex = () => {
    const id = (document.activeElement?.closest('[data-chat-id]') as HTMLElement | null)?.dataset.chatId;
    const index = id ? rows.findIndex((c) => c.id === id) : -1;
    return index === -1 ? selectedIndex : index;
  };

  const handleKey = (event: KeyboardEvent) => {
    const action = keyAction(event, classifyTarget(document.activeElement));
    if (!action) return;
    switch (action.type) {
      case 'move':
      case 'edge': {
        if (!rows.length) return;
        event.preventDefault();
        // The first arrow press brings focus to the selection; later ones move it.
        const inList = listRef.current?.contains(document.activeElement) ?? false;
        const index =
          action.type === 'edge'
            ? action.to === 'first'
              ? 0
              : rows.length - 1
            : inList
              ? Math.min(Math.max(focusedIndex() + action.delta, 0), rows.length - 1)
              : selectedIndex;
        // Focusing the row selects it (see ChatRow's focusin). Moving on means O and H follow the selection.
        pickup.forgetLastPicked();
        rowElement(index)?.focus();
        return;
      }
      case 'pickSelected': {
        const chat = rows[focusedIndex()];
        if (!chat) return;
        event.preventDefault();
        void pickup.pickUp(chat);
        return;
      }
      case 'pickPosition': {
        const chat = rows[action.position - 1];
        if (!chat) return;
        event.preventDefault();
        select(chat.id);
        void pickup.pickUp(chat);
        return;
      }
      case 'open':
      case 'history': {
        const chat = targetChat();
        if (!chat) return;
        event.preventDefault();
        if (action.type === 'open') openInSalesIQ(chat);
        else showHistory(chat);
      }
    }
  };
  // Re-bound every render so the handler always sees the current rows and selection.
  useEffect(() => {
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  });

  const waitingIds = useMemo(() => new Set(rows.map((c) => c.id)), [rows]);
  // A failed pickup whose row left the queue still needs saying, unless the chat became ours after all.
  const orphanErrors = [...pickup.errors].filter(([id]) => !waitingIds.has(id) && !picked.some((c) => c.id === id));
  const hiddenByFilter = (portalWaiting?.length ?? 0) - rows.length;
  const filterName = departments.find((d) => d.id === filter)?.name;

  return (
    <>
      <header class="popup__header">
        <div class="popup__title-row">
          <h1>
            Waiting chats{' '}
            {portalWaiting && (
<span class="count">{rows.length}</span>
            )}
          </h1>
          <SettingsButton />
        </div>
        <div class="popup__sub-row">
          <span class="portal-name" title={session.portal?.screen}>
            {session.portal?.name ?? ''}
          </span>
          <StatusSwitch status={operator?.status} />
        </div>
      </header>

      <div class="popup__notices">
        <ConnectionBanner initial={initial?.poll} />
        {operator?.status === 'available' && <NotificationsBlocked />}
        <StatusNotice operator={operator} />
        {operator?.status === 'busy' && (
          <p class="note">You're Busy: SalesIQ won't route new chats to you, and this list refreshes less often.</p>
        )}
        {actionError && <DismissibleError message={actionError} onDismiss={() => setActionError('')} />}
        {orphanErrors.map(([id, error]) => (
          <DismissibleError key={id} message={`${error.name}: ${error.message}`} onDismiss={() => pickup.dismissError(id)} />
        ))}
      </div>

      <div class="popup__scroll">
        <section class="queue" aria-labelledby="queue-title">
          <div class="queue__bar">
            <h2 id="queue-title">Waiting</h2>
            {departments.length > 0 && (
              <DepartmentFilter departments={departments} value={filter} onChange={(departmentFilter) => void updateSettings({ departmentFilter })} />
            )}
          </div>
          {!portalWaiting ? (
            <p class="muted queue__loading">Loading…</p>
          ) : rows.length === 0 ? (
            <div class="empty">
              <p class="empty__title">{filterName ? `No chats waiting in ${filterName}` : 'No chats waiting'}</p>
              {hiddenByFilter > 0 ? (
                <p class="muted">
                  {`${hiddenByFilter} waiting in other departments. `}
                  <button type="button" class="link-button" onClick={() => void updateSettings({ departmentFilter: null })}>
                    Show all departments
                  </button>
                </p>
              ) : (
                <p class="muted">You'll get a desktop notification when a visitor starts a chat.</p>
              )}
            </div>
          ) : (
            <ul class="chat-list" ref={listRef} aria-labelledby="queue-title">
              {shownRows.map((chat, index) => (
                <ChatRow
                  key={chat.id}
                  chat={chat}
                  position={index + 1}
                  selected={index === selectedIndex}
                  pickup={pickup.states.get(chat.id) ?? 'idle'}
                  error={pickup.errors.get(chat.id)?.message}
                  brand={brandOf?.get(chat.portal)}
                  escalateAfterSec={settings.escalateAfterSec}
                  missedAfterSec={settings.missedAfterSec}
                  clockOffsetMs={clockOffsetMs}
                  onPickUp={(c) => void pickup.pickUp(c)}
                  onSelect={select}
                />
              ))}
            </ul>
          )}
        </section>

        {pickedRecords && <PickedSection chats={pickedRecords} screen={screen} onOpen={openInSalesIQ} onHistory={showHistory} />}
      </div>

      <LazyCannedSearch />

      {(rows.length > 0 || picked.length > 0) && (
        <p class="popup__keys">Keys: ↑ ↓ select · Enter or 1–9 pick up · o open · h history</p>
      )}

      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

interface PickedSectionProps {
  chats: readonly ChatRecord[];
  screen: string | undefined;
  onOpen(chat: ChatRecord): void;
  onHistory(chat: ChatRecord): void;
}

/** "Just picked up": its own clock, so the 30-minute window and "2 min ago" stay current. */
function PickedSection({ chats, screen, onOpen, onHistory }: PickedSectionProps) {
  const now = useNow();
  const picked = justPickedUp(chats, screen, now);
  if (!picked.length) return null;
  return (
    <section class="picked" aria-labelledby="picked-title">
      <h2 id="picked-title">Just picked up</h2>
      <ul class="picked-list">
        {picked.map((chat) => (
          <PickedRow key={chat.id} chat={chat} now={now} onOpen={onOpen} onHistory={onHistory} />
        ))}
      </ul>
    </section>
  );
}

function DismissibleError({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div class="banner banner--error" role="alert">
      <p>{message}</p>
      <button type="button" class="banner__action" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

import { ConnectionBanner } from '../../components/ConnectionBanner';
import { NotificationsBlocked } from '../../components/NotificationsBlocked';
import { StatusNotice } from '../../components/StatusNotice';
import { StatusSwitch } from '../../components/StatusSwitch';
import type { OperatorState, PollState, SessionInfo } from '../../lib/records';
import { SettingsButton } from './SettingsButton';
import type { PickupError } from './use-pickup';

interface HeaderProps {
  session: SessionInfo;
  operator: OperatorState | undefined;
  /** The number of rows shown, once the queue has loaded. */
  count: number | undefined;
}

/** Title with the count, settings, the portal's name and the operator's status switch. */
export function QueueHeader({ session, operator, count }: HeaderProps) {
  return (
    <header class="popup__header">
      <div class="popup__title-row">
        <h1>Waiting chats {count !== undefined && <span class="count">{count}</span>}</h1>
        <SettingsButton />
      </div>
      <div class="popup__sub-row">
        <span class="portal-name" title={session.portal?.screen}>
          {session.portal?.name ?? ''}
        </span>
        <StatusSwitch status={operator?.status} />
      </div>
    </header>
  );
}

interface NoticesProps {
  operator: OperatorState | undefined;
  initialPoll: PollState | null | undefined;
  actionError: string;
  onDismissAction(): void;
  /** Failed pickups whose row has left the queue: said here, since there is no row to say it. */
  orphanErrors: readonly (readonly [string, PickupError])[];
  onDismissPickup(id: string): void;
}

/** Connection, notifications, status and action errors, above the list. */
export function QueueNotices({
  operator,
  initialPoll,
  actionError,
  onDismissAction,
  orphanErrors,
  onDismissPickup,
}: NoticesProps) {
  return (
    <div class="popup__notices">
      <ConnectionBanner initial={initialPoll} />
      {operator?.status === 'available' && <NotificationsBlocked />}
      <StatusNotice operator={operator} />
      {operator?.status === 'busy' && (
        <p class="note">You're Busy: SalesIQ won't route new chats to you, and this list refreshes less often.</p>
      )}
      {actionError && <DismissibleError message={actionError} onDismiss={onDismissAction} />}
      {orphanErrors.map(([id, error]) => (
        <DismissibleError key={id} message={`${error.name}: ${error.message}`} onDismiss={() => onDismissPickup(id)} />
      ))}
    </div>
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

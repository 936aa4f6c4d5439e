import type { Ref } from 'preact';
import { ChatRow, type PickupState } from '../../components/ChatRow';
import { DepartmentFilter } from '../../components/DepartmentFilter';
import type { ChatRecord, SessionInfo } from '../../lib/records';
import { updateSettings } from '../../lib/settings';
import { useFirstScreenful } from './first-screenful';
import type { PickupError } from './use-pickup';

interface Props {
  departments: NonNullable<SessionInfo['departments']>;
  filter: string | null;
  /** The portal's waiting chats before the filter; null while loading. */
  portalWaiting: readonly ChatRecord[] | null;
  rows: readonly ChatRecord[];
  selectedIndex: number;
  listRef: Ref<HTMLUListElement>;
  pickupStates: ReadonlyMap<string, PickupState>;
  pickupErrors: ReadonlyMap<string, PickupError>;
  brandOf: ReadonlyMap<string, string> | null;
  escalateAfterSec: number;
  missedAfterSec: number;
  clockOffsetMs: number | undefined;
  onPickUp(chat: ChatRecord): void;
  onSelect(id: string): void;
}

/** The "Waiting" section: department filter, loading and empty states, and the rows. */
export function WaitingList(props: Props) {
  const { departments, filter, portalWaiting, rows } = props;
  const shownRows = useFirstScreenful(rows);
  const hiddenByFilter = (portalWaiting?.length ?? 0) - rows.length;
  const filterName = departments.find((d) => d.id === filter)?.name;
  return (
    <section class="queue" aria-labelledby="queue-title">
      <div class="queue__bar">
        <h2 id="queue-title">Waiting</h2>
        {departments.length > 0 && (
          <DepartmentFilter
            departments={departments}
            value={filter}
            onChange={(departmentFilter) => void updateSettings({ departmentFilter })}
          />
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
        <ul class="chat-list" ref={props.listRef} aria-labelledby="queue-title">
          {shownRows.map((chat, index) => (
            <ChatRow
              key={chat.id}
              chat={chat}
              position={index + 1}
              selected={index === props.selectedIndex}
              pickup={props.pickupStates.get(chat.id) ?? 'idle'}
              error={props.pickupErrors.get(chat.id)?.message}
              brand={props.brandOf?.get(chat.portal)}
              escalateAfterSec={props.escalateAfterSec}
              missedAfterSec={props.missedAfterSec}
              clockOffsetMs={props.clockOffsetMs}
              onPickUp={props.onPickUp}
              onSelect={props.onSelect}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

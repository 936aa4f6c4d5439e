import { visitorLabel } from '../../lib/ui/format';
import type { ChatRecord } from '../../lib/records';

interface Props {
  chats: readonly ChatRecord[];
  selectedId?: string;
  /** Shown when the selection is not one of the operator's current chats (e.g. from the console tab). */
  selectedLabel?: string;
  onChoose(conversationId: string): void;
}

/** Switches the panel among the chats this operator is in. Hidden when there is nothing to switch to. */
export function ChatChooser({ chats, selectedId, selectedLabel, onChoose }: Props) {
  const options = chats.map((c) => ({ id: c.id, label: visitorLabel(c) }));
  if (selectedId && !options.some((o) => o.id === selectedId))
    options.unshift({ id: selectedId, label: selectedLabel ?? 'This conversation' });
  if (options.length < 2) return null;
  return (
    <label class="chooser">
      <span>Current chat</span>
      <select value={selectedId} onChange={(e) => onChoose((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Chats this operator picked up that are still connected, newest pickup first. */
export function currentChats(chats: readonly ChatRecord[], portal: string | undefined): ChatRecord[] {
  return chats
    .filter((c) => c.status === 'connected' && c.pickedUpAt !== undefined && (!portal || c.portal === portal))
    .sort((a, b) => (b.pickedUpAt ?? 0) - (a.pickedUpAt ?? 0));
}

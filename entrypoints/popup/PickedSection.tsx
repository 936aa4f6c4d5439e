import { useNow } from '../../components/clock';
import { PickedRow } from '../../components/PickedRow';
import type { ChatRecord } from '../../lib/records';

interface Props {
  /** Already "just picked up" (useQueueData); the clock here only keeps "2 min ago" current. */
  picked: readonly ChatRecord[];
  onOpen(chat: ChatRecord): void;
  onHistory(chat: ChatRecord): void;
}

/** "Just picked up": its own clock, so "2 min ago" stays current without re-rendering the queue. */
export function PickedSection({ picked, onOpen, onHistory }: Props) {
  const now = useNow();
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

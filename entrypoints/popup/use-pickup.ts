import { useRef, useState } from 'preact/hooks';
import type { PickupState } from '../../components/ChatRow';
import { visitorLabel } from '../../components/format';
import { plainError } from '../../components/plain-error';
import type { ChatRecord } from '../../lib/records';
import { ask } from '../../lib/messages';

export interface PickupError {
  name: string;
  message: string;
}

/**
 * One pickup per chat: the pending set lives in a ref as well as in state, so a second click or a
 * repeated key press that lands before the re-render still sees the first one in flight.
 */
export function usePickup(announce: (message: string) => void) {
  const inFlight = useRef(new Set<string>());
  const [states, setStates] = useState<ReadonlyMap<string, PickupState>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, PickupError>>(new Map());
  const [lastPickedId, setLastPickedId] = useState<string | null>(null);

  const setState = (id: string, state: PickupState | null) =>
    setStates((current) => {
      const next = new Map(current);
      if (state) next.set(id, state);
      else next.delete(id);
      return next;
    });
  const setError = (id: string, error: PickupError | null) =>
    setErrors((current) => {
      if (!error && !current.has(id)) return current;
      const next = new Map(current);
      if (error) next.set(id, error);
      else next.delete(id);
      return next;
    });

  async function pickUp(chat: ChatRecord): Promise<void> {
    if (inFlight.current.has(chat.id)) return;
    inFlight.current.add(chat.id);
    const name = visitorLabel(chat);
    setState(chat.id, 'pending');
    setError(chat.id, null);
    const reply = await ask({ type: 'pickUp', conversationId: chat.id });
    if (reply.ok) {
      // Stays in flight: the background moves the row to "Just picked up" with its next write.
      setState(chat.id, 'done');
      setLastPickedId(chat.id);
      announce(`Picked up chat from ${name}.`);
    } else {
      inFlight.current.delete(chat.id);
      setState(chat.id, null);
      const message = plainError(reply.error);
      setError(chat.id, { name, message });
      announce(`Could not pick up chat from ${name}. ${message}`);
    }
  }

  return {
    pickUp,
    states,
    errors,
    dismissError: (id: string) => setError(id, null),
    lastPickedId,
    forgetLastPicked: () => setLastPickedId(null),
  };
}

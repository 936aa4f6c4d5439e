import { useRef, useState } from 'preact/hooks';
import type { PickupState } from '../../components/ChatRow';
import { visitorLabel } from '../../lib/ui/format';
import { plainError } from '../../lib/ui/plain-error';
import { readMetaValue, readRecord } from '../../lib/db-read';
import type { ChatRecord } from '../../lib/records';
import { answerLost, ask } from '../../lib/messages';
import { pickupsInFlight } from '../../lib/queue/pickup-in-flight';
import { pickupOutcomeFromRecord, pickupRefusal, type PickupOutcome } from '../../lib/queue/pickup-outcome';

export interface PickupError {
  name: string;
  message: string;
}

/** How often the page re-reads the chat while checking, and when it stops and says so. */
const CHECK_EVERY_MS = 500;
const CHECK_FOR_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pickup's answer was lost (the worker stopped mid-request), so SalesIQ may have assigned the
 * chat: follow the chat's record until it says. A message wakes a new worker, which settles the
 * interrupted pickup by reading the chat back (never by sending it again) and polls at once.
 */
async function followLostPickup(
  chatId: string,
  myOperatorId: string,
  clickedAt: number,
): Promise<PickupOutcome | undefined> {
  void ask({ type: 'refreshNow' });
  const until = Date.now() + CHECK_FOR_MS;
  while (Date.now() < until) {
    const [chat, inFlight, poll] = await Promise.all([
      readRecord('chats', chatId),
      pickupsInFlight.get(chatId),
      readMetaValue('poll'),
    ]);
    const outcome =
      chat &&
      pickupOutcomeFromRecord(chat, myOperatorId, {
        clickedAt,
        inFlight: inFlight !== undefined,
        lastPollAt: poll?.lastSuccessAt,
      });
    if (outcome) return outcome;
    await sleep(CHECK_EVERY_MS);
  }
  return undefined;
}

/**
 * One pickup per chat: the pending set lives in a ref as well as in state, so a second click or a
 * repeated key press that lands before the re-render still sees the first one in flight.
 */
export function usePickup(announce: (message: string) => void, myOperatorId: string | undefined) {
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
    const clickedAt = Date.now();
    const reply = await ask({ type: 'pickUp', conversationId: chat.id });
    let outcome: PickupOutcome | undefined = reply.ok ? { kind: 'mine' } : undefined;
    let message = reply.ok ? '' : plainError(reply.error);
    if (!reply.ok && answerLost(reply.error) && myOperatorId) {
      setState(chat.id, 'checking');
      announce(`Checking with SalesIQ whether the chat from ${name} is yours…`);
      outcome = await followLostPickup(chat.id, myOperatorId, clickedAt);
      message = outcome
        ? outcome.kind === 'mine'
          ? ''
          : pickupRefusal(outcome, { unanswered: true }).message
        : 'SalesIQ has not said yet whether this chat is yours. Look in SalesIQ before picking it up again.';
    }
    if (outcome?.kind === 'mine') {
      // Stays in flight: the background moves the row to "Just picked up" with its next write.
      setState(chat.id, 'done');
      setLastPickedId(chat.id);
      announce(`Picked up chat from ${name}.`);
    } else {
      inFlight.current.delete(chat.id);
      setState(chat.id, null);
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

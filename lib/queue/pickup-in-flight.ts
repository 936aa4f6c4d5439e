import { inFlightStore } from '../browser/in-flight-store';

/**
 * Pickups sent to SalesIQ whose outcome this worker has not learned yet (conversation id → when
 * sent). A pickup found here was maybe done by SalesIQ: it is settled by reading the chat back,
 * never by sending the pickup again.
 */
export const pickupsInFlight = inFlightStore<number>('pickupsInFlight');

/**
 * After this long a chat has long been assigned or missed; an entry whose read-back kept failing is
 * forgotten, so it is not read again at every worker start (as canned sends are, in send.ts).
 */
const PICKUP_UNSURE_FOR_MS = 10 * 60_000;

export function forgetOldPickups(now = Date.now()): Promise<void> {
  return pickupsInFlight.prune((sentAt) => now - sentAt < PICKUP_UNSURE_FOR_MS);
}

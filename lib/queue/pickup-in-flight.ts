import { inFlightStore } from '../in-flight-store';

/**
 * Pickups sent to SalesIQ whose outcome this worker has not learned yet (conversation id → when
 * sent). A pickup found here was maybe done by SalesIQ: it is settled by reading the chat back,
 * never by sending the pickup again.
 */
export const pickupsInFlight = inFlightStore<number>('pickupsInFlight');

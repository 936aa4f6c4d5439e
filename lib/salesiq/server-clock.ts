/**
 * SalesIQ's clock as seen from here. Chat times (`start_time`) are SalesIQ's; comparing them with
 * this machine's clock makes a machine that runs 90 s slow escalate every chat at once. Every
 * answer's `Date` header (whole seconds, RFC 9110) gives an estimate of the offset:
 * server time − local time at the middle of the request. The header is truncated to the second,
 * so the sample is taken as the middle of that second; changes smaller than the header's own
 * resolution are ignored, so the estimate does not jitter from answer to answer.
 */
let offsetMs = 0;
let known = false;

const RESOLUTION_MS = 1_000;

/** Called by the one request function with each answer. Pure bookkeeping; never throws. */
export function noteServerDate(dateHeader: string | null, sentAt: number, receivedAt = Date.now()): void {
  if (!dateHeader) return;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return;
  const sample = server + RESOLUTION_MS / 2 - (sentAt + receivedAt) / 2;
  // A slow answer says little: its middle may be far from when the server stamped it.
  if (receivedAt - sentAt > 10_000) return;
  if (!known || Math.abs(sample - offsetMs) >= RESOLUTION_MS) offsetMs = Math.round(sample);
  known = true;
}

/**
 * SalesIQ's clock minus this machine's, in ms. Until an answer in this worker said otherwise,
 * `fallback`: the offset stored before the worker stopped (PollState.clockOffsetMs), else 0.
 */
export function serverClockOffsetMs(fallback = 0): number {
  return known ? offsetMs : fallback;
}

/** The one "now on SalesIQ's clock" helper; pages pass the offset they read from IndexedDB. */
export function salesiqNow(offset = offsetMs, localNow = Date.now()): number {
  return localNow + offset;
}

/** For tests: forget what answers said. */
export function resetServerClock(): void {
  offsetMs = 0;
  known = false;
}

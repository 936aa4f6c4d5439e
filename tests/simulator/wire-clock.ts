/**
 * SalesIQ's clock as the wire shows it. `clockOffsetMs` puts the simulated SalesIQ ahead of (or
 * behind) this machine, as a real server's clock can be: every time the simulator writes (chat,
 * message and visitor times, the HTTP `Date` header) is shifted by it, and every time a client
 * sends (`from_time`, ...) is shifted back. The world itself keeps this machine's clock.
 *
 * Module state on purpose: it is read in the wire views, far from any handle on the config. A
 * process runs one simulator at a time wherever the offset is not 0 (browser tests, benchmarks);
 * `startSimulator` sets it at start, on `configure` and on `reset`.
 */
let offsetMs = 0;

export function setWireClockOffset(ms: number): void {
  offsetMs = ms;
}

export function toWireTime(localMs: number): string {
  return String(localMs + offsetMs);
}

export function fromWireTime(wireMs: number): number {
  return wireMs - offsetMs;
}

/** The `Date` header SalesIQ would send now. */
export function wireDateHeader(now = Date.now()): string {
  return new Date(now + offsetMs).toUTCString();
}

/**
 * Every request the simulator sees, so tests can assert what the extension actually sent (how
 * often it polled, whether it backed off, which host it used). Bounded: benchmarks run long.
 */
import type { RequestLogEntry } from './types';

const MAX_ENTRIES = 100_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** Adds an entry that the pipeline keeps updating (status, authorized) until the answer is sent. */
  open(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  clear(): void {
    this.entries = [];
  }
}

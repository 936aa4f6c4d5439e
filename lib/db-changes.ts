import type { TableName } from './records';

/**
 * After each committed write the background names the tables it changed on a BroadcastChannel;
 * every open page re-reads what it shows from those tables. A BroadcastChannel is same-origin:
 * only the extension's own pages and worker can post on it, never a web page or content script.
 */
const CHANNEL = 'operator-companion:db-changes';

/** The tables a write changed, or 'all' when that could not be told. */
export type ChangedTables = readonly string[] | 'all';

let outbox: BroadcastChannel | undefined;

export function announceChanges(changed: ChangedTables): void {
  if (changed !== 'all' && changed.length === 0) return;
  outbox ??= new BroadcastChannel(CHANNEL);
  outbox.postMessage({ tables: changed });
}

/**
 * Dexie names each mutated part `idb://<database>/<table>/<index>` (documented on its
 * ObservabilitySet type). A part in any other shape means Dexie changed it: say 'all', so pages
 * re-read more than needed rather than miss a change.
 */
export function tablesOfParts(parts: Iterable<string>): ChangedTables {
  const tables = new Set<string>();
  for (const part of parts) {
    const match = /^idb:\/\/[^/]+\/([^/]+)\//.exec(part);
    if (!match) return 'all';
    tables.add(match[1]!);
  }
  return [...tables];
}

function readNotice(data: unknown): ChangedTables | undefined {
  const tables = (data as { tables?: unknown } | null)?.tables;
  if (tables === 'all') return 'all';
  if (Array.isArray(tables) && tables.every((t) => typeof t === 'string')) return tables;
  return undefined;
}

type Listener = { tables: readonly TableName[]; run: () => void };
const listeners = new Set<Listener>();
let inbox: BroadcastChannel | undefined;

/** Calls `run` after every committed write that touched one of `tables`. Returns the unsubscribe. */
export function onTablesChanged(tables: readonly TableName[], run: () => void): () => void {
  if (!inbox) {
    inbox = new BroadcastChannel(CHANNEL);
    inbox.onmessage = (event: MessageEvent) => {
      const changed = readNotice(event.data);
      if (!changed) return;
      for (const listener of [...listeners]) {
        if (changed === 'all' || listener.tables.some((t) => changed.includes(t))) listener.run();
      }
    };
  }
  const listener = { tables, run };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

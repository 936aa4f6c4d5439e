import { browser } from 'wxt/browser';
import { readMeta, type SessionInfo } from './db';

/**
 * The SalesIQ content script (canned insert, #shortcut expansion) runs only where the operator
 * works: the SalesIQ host of the data centre they are signed in to, and nowhere while signed
 * out. It is not declared in the manifest; the background registers it at runtime. Instead of
 * hooking sign-in, sign-out and the data-centre change one by one, it reconciles from the session
 * record: at every worker start and after every write to it, "registered == what the session
 * wants". Registrations persist across browser restarts; the worker start re-checks them anyway.
 */
export const CONSOLE_SCRIPT_ID = 'salesiq-console';
/** Where WXT builds entrypoints/salesiq.content.ts. */
export const CONSOLE_SCRIPT_FILE = 'content-scripts/salesiq.js';

export interface ConsoleScriptScope {
  matches: string[];
  excludeMatches: string[];
}

/** The scope the session asks for: its SalesIQ host (never the API paths), or none when signed out. */
export function wantedScope(
  session: Pick<SessionInfo, 'state' | 'salesiqHost'> | undefined,
): ConsoleScriptScope | undefined {
  if (!session || session.state === 'signed-out' || !session.salesiqHost) return undefined;
  const host = session.salesiqHost.toLowerCase();
  return { matches: [`https://${host}/*`], excludeMatches: [`https://${host}/api/*`] };
}

type Scripting = {
  getRegisteredContentScripts(filter?: {
    ids?: string[];
  }): Promise<Array<{ id: string; matches?: string[]; excludeMatches?: string[] }>>;
  registerContentScripts(scripts: Array<Record<string, unknown>>): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
};

function scripting(): Scripting | undefined {
  return (browser as unknown as { scripting?: Scripting }).scripting;
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

async function reconcile(wanted: ConsoleScriptScope | undefined): Promise<void> {
  const api = scripting();
  if (!api) return;
  const [registered] = await api.getRegisteredContentScripts({ ids: [CONSOLE_SCRIPT_ID] });
  if (
    registered &&
    wanted &&
    sameList(registered.matches, wanted.matches) &&
    sameList(registered.excludeMatches, wanted.excludeMatches)
  )
    return;
  if (registered) await api.unregisterContentScripts({ ids: [CONSOLE_SCRIPT_ID] });
  if (!wanted) return;
  await api.registerContentScripts([
    {
      id: CONSOLE_SCRIPT_ID,
      js: [CONSOLE_SCRIPT_FILE],
      ...wanted,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  // A registration reaches pages loaded from now on; console tabs already open (the operator
  // signed in beside them) get the script once, now. They never had it: the scope just changed.
  const tabs = await browser.tabs.query({ url: wanted.matches }).catch(() => []);
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && !wanted.excludeMatches.some((p) => tab.url?.startsWith(p.slice(0, -1))))
      .map((tab) =>
        api.executeScript({ target: { tabId: tab.id! }, files: [CONSOLE_SCRIPT_FILE] }).catch(() => undefined),
      ),
  );
}

let queue: Promise<void> = Promise.resolve();
let lastSeen: string | undefined;

/**
 * Brings the registration in line with the session. Runs one at a time (two registrations of one
 * id would fail); `onlyIfChanged` skips the work when the session's scope is what was last applied,
 * since the meta table is written by every poll.
 */
export function reconcileConsoleScript({ onlyIfChanged = false } = {}): Promise<void> {
  const run = queue.then(async () => {
    const wanted = wantedScope(await readMeta('session'));
    const key = JSON.stringify(wanted ?? null);
    if (onlyIfChanged && key === lastSeen) return;
    await reconcile(wanted);
    lastSeen = key;
  });
  // A failed turn must not stop the turns after it.
  queue = run.catch(() => undefined);
  return run;
}

import type { Page } from 'playwright-core';

/**
 * Reads of the extension's own records through one of its pages (same origin as the worker, so
 * the same IndexedDB and storage), which keeps working while the worker is stopped.
 */
type Row = Record<string, unknown>;

function readStore(page: Page, store: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('operator-companion');
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(name)) return resolve([]);
          const all = database.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            database.close();
            resolve(all.result as Row[]);
          };
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

export async function readSessionState(page: Page): Promise<string | undefined> {
  const meta = await readStore(page, 'meta').catch(() => [] as Row[]);
  const session = meta.find((r) => r.key === 'session')?.value as { state?: string } | undefined;
  return session?.state;
}

/** The alert log: per chat, the first moment it says the chat was notified (alert or escalation). */
export async function readAlertLog(page: Page): Promise<Map<string, number | undefined>> {
  const rows = (await readStore(page, 'alerts')) as {
    conversationId: string;
    notifiedAt?: number;
    escalatedAt?: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.conversationId,
      [r.notifiedAt, r.escalatedAt].filter((t): t is number => !!t).sort((a, b) => a - b)[0],
    ]),
  );
}

/** When the alert log stamped each chat's escalation (chat id → time). */
export async function readEscalations(page: Page): Promise<Map<string, number>> {
  const rows = (await readStore(page, 'alerts')) as { conversationId: string; escalatedAt?: number }[];
  return new Map(rows.filter((r) => r.escalatedAt).map((r) => [r.conversationId, r.escalatedAt!]));
}

export interface UserData {
  settings: Record<string, unknown>;
  shortcuts: Record<string, Record<string, string>>;
  uses: Record<string, number>;
}

function storageLocal(page: Page, keys: string[]): Promise<Record<string, unknown>> {
  return page.evaluate(
    (k) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get(k),
    keys,
  );
}

export async function readUserData(page: Page): Promise<UserData> {
  const local = await storageLocal(page, ['settings', 'cannedShortcuts']);
  const uses = (await readStore(page, 'cannedUses')) as { id: string; count: number }[];
  return {
    settings: (local.settings ?? {}) as Record<string, unknown>,
    shortcuts: (local.cannedShortcuts ?? {}) as Record<string, Record<string, string>>,
    uses: Object.fromEntries(uses.map((u) => [u.id, u.count])),
  };
}

/**
 * A preference changed before the shift, written the way the options page saves (the stored
 * settings object, merged), so a later reset to defaults would show.
 */
export async function setSetting(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([k, v]) => {
      const local = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
          };
        }
      ).chrome.storage.local;
      const current = ((await local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await local.set({ settings: { ...current, [k as string]: v } });
    },
    [key, value] as const,
  );
}

/**
 * shift_user_data_lost: items of the operator's own data that the shift lost or changed: each
 * stored setting whose value differs, each shortcut gone or changed, each canned usage count
 * gone or lower than before (counts may only grow: a send adds one).
 */
export function userDataLost(before: UserData, after: UserData): { count: number; lines: string[] } {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(before.settings)) {
    if (JSON.stringify(after.settings[key]) !== JSON.stringify(value))
      lines.push(`setting ${key}: ${JSON.stringify(value)} → ${JSON.stringify(after.settings[key])}`);
  }
  for (const [portal, map] of Object.entries(before.shortcuts)) {
    for (const [responseId, shortcut] of Object.entries(map)) {
      if (after.shortcuts[portal]?.[responseId] !== shortcut)
        lines.push(`shortcut #${shortcut} (${portal}) → ${after.shortcuts[portal]?.[responseId] ?? 'gone'}`);
    }
  }
  for (const [id, count] of Object.entries(before.uses)) {
    if ((after.uses[id] ?? 0) < count) lines.push(`usage count of ${id}: ${count} → ${after.uses[id] ?? 'gone'}`);
  }
  return { count: lines.length, lines };
}

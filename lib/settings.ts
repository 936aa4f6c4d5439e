import { browser } from 'wxt/browser';

/** Operator preferences. Local to this browser: nothing here is secret, and nothing is synced. */
export interface Settings {
  /** Re-alert (on screen until dismissed, with sound) after a chat waits this long. */
  escalateAfterSec: number;
  /** When SalesIQ marks an unanswered chat missed (portal setting; 60 s by default). */
  missedAfterSec: number;
  sound: boolean;
  quietHours: { enabled: boolean; start: string; end: string };
  /** Privacy: notifications show no visitor name or question. */
  hideVisitorText: boolean;
  /** Sign in through Zoho's China data centre (accounts.zoho.com.cn). */
  chinaSignIn: boolean;
  /** Visitor history kept at most this many days. */
  visitorRetentionDays: number;
  /** The popup's department filter; null = all departments. */
  departmentFilter: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  escalateAfterSec: 40,
  missedAfterSec: 60,
  sound: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  hideVisitorText: false,
  chinaSignIn: false,
  visitorRetentionDays: 7,
  departmentFilter: null,
};

const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, quietHours: { ...DEFAULT_SETTINGS.quietHours, ...stored?.quietHours } };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) void getSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** "HH:MM" windows may cross midnight (22:00–07:00). */
export function inQuietHours(quiet: Settings['quietHours'], now = new Date()): boolean {
  if (!quiet.enabled) return false;
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  const current = now.getHours() * 60 + now.getMinutes();
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start <= end ? current >= start && current < end : current >= start || current < end;
}

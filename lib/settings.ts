import { browser } from 'wxt/browser';
import { storedValue } from './browser/stored-value';

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
  /** A desktop notification when a visitor writes in one of my open chats (My chats). */
  replyAlerts: boolean;
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
  replyAlerts: true,
  chinaSignIn: false,
  visitorRetentionDays: 7,
  departmentFilter: null,
};

/** The ranges the options page offers; a stored value outside them is brought inside on read. */
const SETTING_RANGES = {
  escalateAfterSec: { min: 5, max: 3600 },
  missedAfterSec: { min: 10, max: 3600 },
  visitorRetentionDays: { min: 1, max: 90 },
} as const;

const KEY = 'settings';

function clampedNumber(value: unknown, key: keyof typeof SETTING_RANGES): number {
  const { min, max } = SETTING_RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS[key];
  return Math.min(max, Math.max(min, value));
}

function choice<T>(value: unknown, valid: (v: unknown) => v is T, fallback: T): T {
  return valid(value) ? value : fallback;
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isClockTime = (v: unknown): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const isFilter = (v: unknown): v is string | null =>
  v === null || (typeof v === 'string' && v.length > 0 && v.length <= 100);

/**
 * Every setting checked and brought into range when read. storage.local is shared with the
 * SalesIQ content script (it reads shortcuts there), so a stored value is input, not a promise:
 * an out-of-range retention must not keep visitor data longer, or delete it all at once.
 */
export function validSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const quiet = (raw.quietHours && typeof raw.quietHours === 'object' ? raw.quietHours : {}) as Record<string, unknown>;
  const defaults = DEFAULT_SETTINGS;
  return {
    escalateAfterSec: clampedNumber(raw.escalateAfterSec, 'escalateAfterSec'),
    missedAfterSec: clampedNumber(raw.missedAfterSec, 'missedAfterSec'),
    sound: choice(raw.sound, isBoolean, defaults.sound),
    quietHours: {
      enabled: choice(quiet.enabled, isBoolean, defaults.quietHours.enabled),
      start: choice(quiet.start, isClockTime, defaults.quietHours.start),
      end: choice(quiet.end, isClockTime, defaults.quietHours.end),
    },
    hideVisitorText: choice(raw.hideVisitorText, isBoolean, defaults.hideVisitorText),
    replyAlerts: choice(raw.replyAlerts, isBoolean, defaults.replyAlerts),
    chinaSignIn: choice(raw.chinaSignIn, isBoolean, defaults.chinaSignIn),
    visitorRetentionDays: clampedNumber(raw.visitorRetentionDays, 'visitorRetentionDays'),
    departmentFilter: choice(raw.departmentFilter, isFilter, defaults.departmentFilter),
  };
}

// The queue reads the settings every turn: from memory between changes (stored-value.ts).
const stored = storedValue<unknown>('local', KEY);

export async function getSettings(): Promise<Settings> {
  return validSettings(await stored.read());
}

// A settings change is read-modify-write: two quick changes in flight together (a popup filter
// click while a field saves) could lose one. Every change in this page or worker waits for the
// previous one, whoever makes it.
let writes: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = writes.then(async () => {
    const merged = validSettings({ ...(await getSettings()), ...patch });
    await stored.write(merged);
    return merged;
  });
  writes = next.catch(() => undefined);
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    // The new value itself: a read here could race the in-memory copy being forgotten.
    if (area === 'local' && changes[KEY]) listener(validSettings(changes[KEY].newValue));
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

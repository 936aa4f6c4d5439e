import type { ChatRecord } from '../records';
import type { Settings } from '../settings';

// The pages import the visitor's label from here with the other formatters; it lives in lib so
// notifications (background) use the same one.
export { visitorLabel } from '../visitor/label';

/** Pure presentation helpers shared by the pages: no DOM, no browser APIs, easy to unit test. */

export type WaitLevel = 'calm' | 'soon' | 'urgent';

/** Whole seconds between two instants, counted on second boundaries so every timer ticks together. */
export function waitedSeconds(since: number, now: number): number {
  return Math.max(0, Math.floor(now / 1000) - Math.floor(since / 1000));
}

/** "0:42", "12:05", "1:02:03". */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "42 seconds", "1 minute 5 seconds": what a screen reader should say instead of "0:42". */
export function spokenWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts: string[] = [];
  if (h) parts.push(plural(h, 'hour'));
  if (m) parts.push(plural(m, 'minute'));
  if (s % 60 || parts.length === 0) parts.push(plural(s % 60, 'second'));
  return parts.join(' ');
}

/**
 * Amber once a third of SalesIQ's missed deadline has passed, urgent from the escalation point:
 * the operator sees a chat heading for "missed" well before it gets there.
 */
export function waitLevel(seconds: number, settings: Pick<Settings, 'escalateAfterSec' | 'missedAfterSec'>): WaitLevel {
  if (seconds >= settings.escalateAfterSec) return 'urgent';
  if (seconds >= settings.missedAfterSec / 3) return 'soon';
  return 'calm';
}

/** The words that go with the colour, so colour is never the only signal. */
export const WAIT_LEVEL_TEXT: Record<WaitLevel, string> = { calm: '', soon: 'Due soon', urgent: 'Urgent' };

export function visitorKindLabel(kind: ChatRecord['visitor']['kind']): string {
  return kind === 'contact' ? 'Contact' : kind === 'lead' ? 'Lead' : '';
}

/** "40 s ago", "3 min ago", "2 h ago". */
export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}

/** Waiting chats of one portal, oldest wait first (ties by id, so the order never flickers). */
export function waitingQueue(
  chats: readonly ChatRecord[],
  portal: string | undefined,
  departmentId: string | null,
): ChatRecord[] {
  return chats
    .filter((c) => c.status === 'waiting' && !c.pickedUpAt && (!portal || c.portal === portal))
    .filter((c) => !departmentId || c.department?.id === departmentId)
    .sort((a, b) => a.startTime - b.startTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const JUST_PICKED_WINDOW_MS = 30 * 60 * 1000;

/** Chats this operator picked up in the last 30 minutes, newest first. */
export function justPickedUp(chats: readonly ChatRecord[], portal: string | undefined, now: number): ChatRecord[] {
  return chats
    .filter(
      (c) =>
        c.pickedUpAt !== undefined && now - c.pickedUpAt < JUST_PICKED_WINDOW_MS && (!portal || c.portal === portal),
    )
    .sort((a, b) => (b.pickedUpAt ?? 0) - (a.pickedUpAt ?? 0));
}

/** A string usable inside an element id, for aria-labelledby references. */
export function domId(prefix: string, raw: string): string {
  return `${prefix}-${raw.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

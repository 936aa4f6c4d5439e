import type { ChatStatus, Feedback } from '../../lib/salesiq/types';

/** Presentation helpers of the side panel: plain strings, no DOM. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
let regions: Intl.DisplayNames | undefined;

export function formatDateTime(ms: number | undefined): string {
  return ms ? dateTime.format(ms) : '';
}

export function formatTime(ms: number): string {
  return ms ? timeOnly.format(ms) : '';
}

/** "just now", "3 min ago", "2 h ago", "4 days ago". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** "Germany (DE)"; the bare code when the browser has no name for it, and names as they are. */
export function countryName(code: string | undefined): string {
  if (!code) return '';
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  code = code.toUpperCase();
  try {
    regions ??= new Intl.DisplayNames(undefined, { type: 'region' });
    const name = regions.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const STATUS_WORDS: Record<ChatStatus, string> = {
  waiting: 'Waiting',
  connected: 'Connected',
  missed: 'Missed',
  ended: 'Ended',
  closed: 'Closed',
  open: 'Open',
  unknown: 'Status unknown',
};

export function statusWord(status: ChatStatus): string {
  return STATUS_WORDS[status];
}

/** SalesIQ rates 1 (sad) to 3 (happy) and names the rating; either may be missing. */
export function ratingText(feedback: Feedback | undefined): string {
  if (!feedback?.rating && !feedback?.ratingLabel) return '';
  if (feedback.ratingLabel && feedback.rating) return `Rated ${feedback.ratingLabel} (${feedback.rating})`;
  return `Rated ${feedback.ratingLabel ?? feedback.rating}`;
}

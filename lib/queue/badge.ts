import { browser } from 'wxt/browser';
import { readSession } from '../auth/session';
import { db, readMeta, readMyChats, type PollState, type SessionInfo } from '../db';
import { describeError } from '../salesiq/errors';
import { salesiqNow, serverClockOffsetMs } from '../salesiq/server-clock';
import { getSettings, type Settings } from '../settings';
import { notificationsBlocked } from './notifications';
import type { OperatorStatus } from '../salesiq/types';

/**
 * The one badge renderer: text, colour and tooltip always set together from the same state.
 * Count = waiting chats; colour = how close the oldest one is to being missed. Visitors waiting for
 * the operator's reply in My chats never add to the count: with chats waiting the badge stays as
 * it is and the tooltip adds the replies; with none waiting it shows "↩" and the number of such
 * chats, in violet. The tooltip always names both.
 */
export interface BadgeInput {
  session: SessionInfo | undefined;
  poll: PollState | undefined;
  operatorStatus: OperatorStatus | undefined;
  waitingStartTimes: number[];
  escalateAfterSec: number;
  missedAfterSec: number;
  now: number;
  /** SalesIQ's clock minus this machine's: waiting start times are SalesIQ's. */
  clockOffsetMs?: number;
  /** The browser blocks this extension's notifications. */
  notificationsBlocked?: boolean;
  /** My chats whose visitor waits for a reply: since when (SalesIQ's clock). */
  replyWaitingSince?: number[];
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  calm: '#0b6bcb',
  amber: '#b45309',
  urgent: '#c62828',
  muted: '#5b6470',
  error: '#c62828',
  /** Only replies wait: a colour of its own, so "↩1" never reads as a waiting chat. */
  reply: '#6d28d9',
} as const;

/** " 2 visitors are waiting for your reply; the longest for 40 s." or "" */
function repliesSentence(since: readonly number[], serverNow: number): string {
  if (!since.length) return '';
  const longest = Math.floor(Math.max(0, (serverNow - Math.min(...since)) / 1000));
  const who = since.length === 1 ? '1 visitor is' : `${since.length} visitors are`;
  return ` ${who} waiting for your reply; the longest for ${longest} s.`;
}

const NAME = 'Operator Companion';

export function computeBadge(input: BadgeInput): Badge {
  const { session, poll, waitingStartTimes, now } = input;
  if (!session || session.state === 'signed-out' || session.state === 'signing-in') {
    return { text: '?', color: BADGE_COLORS.muted, title: `${NAME}: signed out. Click to sign in with Zoho.` };
  }
  if (session.state === 'expired') {
    return {
      text: '?',
      color: BADGE_COLORS.error,
      title: `${NAME}: your Zoho sign-in expired. Click to sign in again.`,
    };
  }
  if (session.state === 'choosing-portal') {
    return { text: '?', color: BADGE_COLORS.muted, title: `${NAME}: choose your SalesIQ portal.` };
  }
  const count = waitingStartTimes.length;
  const error = poll?.error;
  // Unreachable is offline as far as the operator can tell: same marker, its own tooltip.
  if (error?.kind === 'offline' || error?.kind === 'network') {
    const why = error.kind === 'offline' ? 'offline' : 'SalesIQ cannot be reached';
    return {
      text: 'off',
      color: BADGE_COLORS.muted,
      title: `${NAME}: ${why}. Chats will update when the connection is back.`,
    };
  }
  if (error) {
    const when = poll?.nextPollAt ? ` Next try in ${Math.max(1, Math.round((poll.nextPollAt - now) / 1000))} s.` : '';
    return {
      text: count ? `${count}!` : '!',
      color: BADGE_COLORS.error,
      title: `${NAME}: ${describeError(error.kind)}${when}`,
    };
  }
  if (input.notificationsBlocked && input.operatorStatus === 'available') {
    const waiting = count ? ` ${count} waiting.` : '';
    return {
      text: count ? `${Math.min(count, 99)}!` : '!',
      color: BADGE_COLORS.amber,
      title: `${NAME}: notifications are blocked, so new chats arrive without an alert.${waiting} Allow notifications for ${NAME} in your browser's and system's notification settings.`,
    };
  }
  const busy = input.operatorStatus === 'busy' ? ' You are Busy.' : '';
  const serverNow = salesiqNow(input.clockOffsetMs ?? 0, now);
  const replies = input.replyWaitingSince ?? [];
  const repliesText = repliesSentence(replies, serverNow);
  if (count === 0) {
    if (replies.length) {
      return {
        text: `↩${replies.length > 9 ? '9+' : replies.length}`,
        color: BADGE_COLORS.reply,
        title: `${NAME}: no chats waiting.${repliesText}${busy}`,
      };
    }
    return { text: '', color: BADGE_COLORS.calm, title: `${NAME}: no chats waiting.${busy}` };
  }
  const oldestWaitSec = Math.max(0, (serverNow - Math.min(...waitingStartTimes)) / 1000);
  const color =
    oldestWaitSec >= input.escalateAfterSec
      ? BADGE_COLORS.urgent
      : oldestWaitSec >= input.missedAfterSec / 3
        ? BADGE_COLORS.amber
        : BADGE_COLORS.calm;
  const plural = count === 1 ? 'chat is' : 'chats are';
  return {
    text: count > 99 ? '99+' : String(count),
    color,
    title: `${NAME}: ${count} ${plural} waiting; the oldest for ${Math.floor(oldestWaitSec)} s.${repliesText}${busy}`,
  };
}

/**
 * What this worker last set. Every turn renders the badge, and most turns change nothing: an
 * unchanged part is not sent again (each call is a round trip to the browser and a toolbar
 * update). A new worker starts empty, so it sets all three once.
 */
let applied: Badge | undefined;

async function applyBadge(badge: Badge): Promise<void> {
  const before = applied;
  applied = badge;
  try {
    await Promise.all([
      before?.text === badge.text ? undefined : browser.action.setBadgeText({ text: badge.text }),
      before?.color === badge.color ? undefined : browser.action.setBadgeBackgroundColor({ color: badge.color }),
      before?.title === badge.title ? undefined : browser.action.setTitle({ title: badge.title }),
    ]);
  } catch (error) {
    applied = undefined; // not known to be on screen: set everything next time
    throw error;
  }
}

/**
 * Render the badge from what IndexedDB says now: after polls, pickups and sign-in changes. Returns
 * the session and poll state it read, so a caller that needs them too does not read them again.
 */
export async function renderBadge(
  settings?: Settings,
  now = Date.now(),
): Promise<{ session: SessionInfo; poll: PollState | undefined }> {
  const [session, poll, operator, s, blocked] = await Promise.all([
    readSession(),
    readMeta('poll'),
    readMeta('operator'),
    settings ?? getSettings(),
    notificationsBlocked(),
  ]);
  const portal = session.portal?.screen;
  const signedIn = session.state === 'signed-in' && portal !== undefined;
  const waiting = signedIn
    ? await db.chats
        .where('status')
        .equals('waiting')
        .filter((c) => c.portal === portal)
        .toArray()
    : [];
  const mine = signedIn ? await readMyChats(portal) : [];
  await applyBadge(
    computeBadge({
      session,
      poll,
      operatorStatus: operator?.status,
      waitingStartTimes: waiting.map((c) => c.startTime),
      escalateAfterSec: s.escalateAfterSec,
      missedAfterSec: s.missedAfterSec,
      now,
      clockOffsetMs: poll?.clockOffsetMs ?? serverClockOffsetMs(),
      notificationsBlocked: blocked,
      replyWaitingSince: mine
        .filter((c) => c.lastSpeaker === 'visitor')
        .map((c) => c.visitorWaitingSince ?? c.lastMessageTime ?? c.updatedAt),
    }),
  );
  return { session, poll };
}

import { readSession } from '../auth/session';
import { SessionChanged } from '../db';
import { asSalesIQError } from '../salesiq/errors';
import type { Settings } from '../settings';
import { pollMyChats } from './poll';
import { alertReplies } from './reply-alerts';

/**
 * My chats' part of a queue turn: poll, then alert. It runs after the waiting queue's own poll
 * succeeded, and its failures stay its own: a failed My chats call never marks the queue as
 * failing (the next turn simply tries again). Sign-in problems surface through the queue's poll.
 */
export async function runMyChatsTurn(settings: Settings, now = Date.now()): Promise<void> {
  const session = await readSession();
  if (session.state !== 'signed-in' || !session.portal) return;
  try {
    const result = await pollMyChats(now);
    await alertReplies(result, settings, session.portal.screen);
  } catch (caught) {
    if (caught instanceof SessionChanged) return;
    const error = asSalesIQError(caught);
    console.warn('Operator Companion: my chats:', error.kind, error.message.slice(0, 120));
  }
}

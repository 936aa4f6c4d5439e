import { useEffect, useState } from 'preact/hooks';
import { useLiveMeta } from '../../components/use-live-read';
import { ask } from '../../lib/messages';
import { resetPanelPath } from '../../lib/browser/side-panel';
import { primedMeta, urlCompose, urlConversation } from './initial';

/**
 * The popup opened us with the chat in the panel's path. Once the focus is recorded the path goes
 * back to plain, or reopening the panel later would bring that old chat back over newer work.
 */
function forgetOpeningChat(): void {
  history.replaceState(null, '', location.pathname);
  resetPanelPath();
}

/** A *Reply* this much older than the panel (it opened for something else later) does not grab the keyboard. */
const REPLY_FRESH_MS = 30_000;

interface Pending {
  conversationId: string;
  sentAt: number;
}

/**
 * Which conversation the panel shows: the background's focus record, which follows pickups,
 * notification clicks and the SalesIQ console tab. A `?conversation=` in the page URL (the popup's
 * "Visitor history" button) and the chooser ask the background to move the focus, and are shown
 * at once, without waiting for the record to come back.
 */
export function useFocusedConversation(signedIn: boolean) {
  const focus = useLiveMeta('focus', primedMeta('focus'));
  const [opening] = useState(urlConversation);
  const [mountedAt] = useState(Date.now);
  // Read before forgetOpeningChat() rewrites the URL.
  const [composeAtOpen] = useState(() => (urlCompose() ? Date.now() : 0));
  const [pending, setPending] = useState<Pending | undefined>(() =>
    opening ? { conversationId: opening, sentAt: Date.now() } : undefined,
  );

  useEffect(() => {
    if (!signedIn || !opening) return;
    void ask({ type: 'focusConversation', conversationId: opening, source: 'popup' }).then((reply) => {
      if (reply.ok) forgetOpeningChat();
    });
  }, [signedIn, opening]);

  // The pending choice is done once the record shows it, or once something newer replaced it.
  useEffect(() => {
    if (!pending || !focus) return;
    if (focus.conversationId === pending.conversationId || focus.at > pending.sentAt) setPending(undefined);
  }, [focus, pending]);

  function choose(conversationId: string) {
    setPending({ conversationId, sentAt: Date.now() });
    void ask({ type: 'focusConversation', conversationId, source: 'chooser' });
  }

  const conversationId = pending?.conversationId ?? (focus ? focus.conversationId : undefined);
  // A notification's *Reply*: at opening (`compose=1`), or later through the focus record.
  const replyAt = focus?.source === 'reply' && focus.at > mountedAt - REPLY_FRESH_MS ? focus.at : 0;
  const composeRequest = Math.max(composeAtOpen, replyAt);
  return { conversationId, focusRead: focus !== null || !!pending, choose, composeRequest };
}

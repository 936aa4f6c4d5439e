import { useEffect, useState } from 'preact/hooks';
import { useLiveMeta } from '../../components/use-live-read';
import { ask } from '../../lib/messages';
import { resetPanelPath } from '../../lib/visitor/side-panel';
import { primedMeta, urlConversation } from './initial';

/**
 * The popup opened us with the chat in the panel's path. Once the focus is recorded the path goes
 * back to plain, or reopening the panel later would bring that old chat back over newer work.
 */
function forgetOpeningChat(): void {
  history.replaceState(null, '', location.pathname);
  resetPanelPath();
}

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
  const [pending, setPending] = useState<Pending | undefined>(() => (opening ? { conversationId: opening, sentAt: Date.now() } : undefined));

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
  return { conversationId, focusRead: focus !== null || !!pending, choose };
}

import { browser } from 'wxt/browser';
import {
  findComposer,
  insertAtCaret,
  isEditable,
  replaceBeforeCaret,
  textBeforeCaret,
  type Composer,
} from '../lib/canned/composer';
import { onShortcutsChanged, readShortcuts, shortcutBeforeCaret } from '../lib/canned/shortcuts';
import {
  isInsertCannedMessage,
  type ExpandShortcutReply,
  type ExpandShortcutRequest,
  type InsertCannedReply,
} from '../lib/messages';
import { DATA_CENTRES } from '../lib/salesiq/data-centres';

/**
 * On SalesIQ console pages only: put canned text into the message box when the side panel or
 * popup says so, and expand the operator's `#shortcut` when they press Space or Tab after it.
 * It reads the shortcut names (not texts) from storage.local and asks the background, through
 * one narrowly checked read-only message, for the text of a shortcut it recognised.
 */
export default defineContentScript({
  // Not in the manifest: the background registers it for the signed-in data centre's SalesIQ host
  // only (lib/content-script-scope.ts). These patterns are the widest it may ever get.
  registration: 'runtime',
  matches: DATA_CENTRES.map((dc) => `https://${dc.salesiqHost}/*`),
  excludeMatches: DATA_CENTRES.map((dc) => `https://${dc.salesiqHost}/api/*`),
  runAt: 'document_idle',
  main(ctx) {
    const screen = decodeURIComponent(location.pathname.split('/').filter(Boolean)[0] ?? '');
    let names = new Set<string>();
    let lastUsed: Element | null = null;

    void readShortcuts(screen).then((map) => (names = new Set(Object.values(map))));
    const stopWatching = onShortcutsChanged(screen, (map) => (names = new Set(Object.values(map))));
    ctx.onInvalidated(stopWatching);

    ctx.addEventListener(document, 'focusin', (event) => {
      if (isEditable(event.target)) lastUsed = event.target as Element;
    });

    const origin = browser.runtime.getURL('/');
    const onMessage = (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (reply: InsertCannedReply) => void,
    ) => {
      // Only our own extension pages push text (tabs.sendMessage); web pages cannot reach here.
      if (sender.id !== browser.runtime.id || (sender.url !== undefined && !sender.url.startsWith(origin))) return;
      if (!isInsertCannedMessage(message)) return;
      const composer = findComposer(document, lastUsed);
      sendResponse(
        composer && insertAtCaret(composer, message.text)
          ? { inserted: true }
          : { inserted: false, reason: 'no-composer' },
      );
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    async function expand(el: Composer, shortcut: string, spaceTyped: boolean): Promise<void> {
      const request: ExpandShortcutRequest = { type: 'expandCannedShortcut', shortcut };
      const reply = (await browser.runtime.sendMessage(request).catch(() => undefined)) as
        ExpandShortcutReply | undefined;
      if (!reply?.text) return;
      // Only if the operator has not typed on meanwhile: never rewrite text away from the caret.
      const now = shortcutBeforeCaret(textBeforeCaret(el), { trailingSpace: spaceTyped });
      if (now !== shortcut) return;
      replaceBeforeCaret(el, shortcut.length + 1 + (spaceTyped ? 1 : 0), spaceTyped ? `${reply.text} ` : reply.text);
    }

    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        // Only the operator's own keys: a page script's synthetic keydown must not pull canned text
        // (filled with the chat's visitor details) into the page.
        if (!event.isTrusted) return;
        if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key !== ' ' && event.key !== 'Tab') return;
        if (!names.size || !isEditable(event.target)) return;
        const el = event.target as Composer;
        const shortcut = shortcutBeforeCaret(textBeforeCaret(el));
        if (!shortcut || !names.has(shortcut)) return;
        // Tab would move focus away; a space may go in, and is kept after the expansion.
        if (event.key === 'Tab') event.preventDefault();
        void expand(el, shortcut, event.key === ' ');
      },
      { capture: true },
    );
  },
});

import { browser } from 'wxt/browser';
import { openSidePanel, panelPath, rememberWindow } from './side-panel';

/**
 * Opening the visitor-history panel from a page. Both browsers only allow it inside the user's
 * click or key press, so nothing here may await before the open call: the window id is read ahead
 * of time (call `prepareVisitorHistory()` when the page starts) and the panel is opened synchronously.
 */
export function prepareVisitorHistory(): void {
  browser.windows
    ?.getCurrent()
    .then((window) => rememberWindow(window.id))
    .catch(() => undefined);
}

function openInTab(conversationId: string): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`/${panelPath(conversationId)}`) });
}

/** Opens the visitor history for a chat: side panel (Chrome), sidebar (Firefox), else a tab. */
export function openVisitorHistory(conversationId: string): Promise<unknown> {
  try {
    return openSidePanel(conversationId).catch(() => openInTab(conversationId));
  } catch {
    // Some refusals (a missing gesture, a bad argument) throw instead of rejecting.
    return openInTab(conversationId);
  }
}

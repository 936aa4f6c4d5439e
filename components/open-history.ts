import { browser } from 'wxt/browser';
import { panelPath } from '../lib/visitor/side-panel';

/**
 * Opening the visitor-history panel. Both browsers only allow it inside the user's click or key
 * press, so nothing here may await before the open call: the window id is read ahead of time
 * (call `prepareVisitorHistory()` when the page starts) and the panel is opened synchronously.
 */

// Optional browser-specific namespaces the shared typings do not describe.
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
  setPanel(details: { panel: string }): Promise<void>;
}
interface PanelNamespaces {
  sidePanel?: Partial<ChromeSidePanel>;
  sidebarAction?: Partial<FirefoxSidebarAction>;
}

let currentWindowId: number | undefined;

export function prepareVisitorHistory(): void {
  browser.windows
    ?.getCurrent()
    .then((window) => {
      currentWindowId = window.id;
    })
    .catch(() => undefined);
}

function openInTab(conversationId: string): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`/${panelPath(conversationId)}`) });
}

/** Opens the visitor history for a chat: side panel (Chrome), sidebar (Firefox), else a tab. */
export function openVisitorHistory(conversationId: string): Promise<unknown> {
  try {
    return openPanel(conversationId);
  } catch {
    // Some refusals (a missing gesture, a bad argument) throw instead of rejecting.
    return openInTab(conversationId);
  }
}

function openPanel(conversationId: string): Promise<unknown> {
  const panels = browser as unknown as PanelNamespaces;
  const path = panelPath(conversationId);
  const { sidebarAction, sidePanel } = panels;

  if (sidebarAction?.open) {
    // Firefox: open() first, while the user gesture is still live; then point it at the chat.
    const opened = sidebarAction.open();
    void sidebarAction.setPanel?.({ panel: browser.runtime.getURL(`/${path}`) })?.catch(() => undefined);
    return opened.catch(() => openInTab(conversationId));
  }

  if (sidePanel?.open) {
    const open = (windowId: number) => {
      // setOptions is not awaited: awaiting it would spend the user gesture open() needs.
      void sidePanel.setOptions?.({ path })?.catch(() => undefined);
      return sidePanel.open!({ windowId });
    };
    const attempt =
      currentWindowId !== undefined
        ? open(currentWindowId)
        : browser.windows.getCurrent().then((window) => {
            if (window.id === undefined) throw new Error('No window');
            return open(window.id);
          });
    return attempt.catch(() => openInTab(conversationId));
  }

  return openInTab(conversationId);
}

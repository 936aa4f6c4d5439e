import { browser } from 'wxt/browser';

/**
 * Opening the side panel from the background, for a notification click. Chrome only opens it
 * inside the user's gesture, so `openSidePanelNow` must be called synchronously from the click
 * listener, before any await: the window id therefore comes from memory, never from a query.
 */
interface PanelNamespaces {
  sidePanel?: {
    open?(options: { windowId: number }): Promise<void>;
    setOptions?(options: { path?: string }): Promise<void>;
  };
  sidebarAction?: { open?(): Promise<void>; setPanel?(details: { panel: string }): Promise<void> };
}

/** chrome.windows.WINDOW_ID_CURRENT: the last focused window when the worker has not seen one yet. */
const WINDOW_ID_CURRENT = -2;
let lastWindowId: number | undefined;

/** Fed by windows.onFocusChanged and tabs.onActivated (no permission needed for either). */
export function rememberWindow(windowId: number | undefined): void {
  if (windowId !== undefined && windowId >= 0) lastWindowId = windowId;
}

export function panelPath(conversationId?: string): `sidepanel.html${string}` {
  return conversationId ? `sidepanel.html?conversation=${encodeURIComponent(conversationId)}` : 'sidepanel.html';
}

/** Never throws and never awaits: a refused open (no gesture, old browser) leaves the click's other work intact. */
export function openSidePanelNow(conversationId?: string): void {
  const { sidePanel, sidebarAction } = browser as unknown as PanelNamespaces;
  try {
    if (sidebarAction?.open) {
      sidebarAction.open().catch(() => undefined);
      void sidebarAction.setPanel?.({ panel: browser.runtime.getURL(`/${panelPath(conversationId)}`) })?.catch(() => undefined);
      return;
    }
    if (sidePanel?.open) {
      // The path carries the chat so a panel that loads now shows it even before the focus record lands.
      void sidePanel.setOptions?.({ path: panelPath(conversationId) })?.catch(() => undefined);
      sidePanel.open({ windowId: lastWindowId ?? WINDOW_ID_CURRENT }).catch(() => undefined);
    }
  } catch {
    // Synchronous refusals (an API missing in this browser) are as harmless as rejected promises.
  }
}

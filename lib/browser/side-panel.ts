import { browser } from 'wxt/browser';

/**
 * Opening the side panel: from the background for a notification click, from the popup for its
 * "Visitor history" button. Both browsers only open it inside the user's gesture, so the open call
 * is made synchronously, before any await: the window id therefore comes from memory, never from
 * a query.
 */
// Browser-specific namespaces the shared typings do not describe.
interface PanelNamespaces {
  sidePanel?: {
    open?(options: { windowId: number }): Promise<void>;
    setOptions?(options: { path?: string }): Promise<void>;
  };
  sidebarAction?: { open?(): Promise<void>; setPanel?(details: { panel: string }): Promise<void> };
}

/** chrome.windows.WINDOW_ID_CURRENT: the caller's window (the last focused one for the worker) when none was seen yet. */
const WINDOW_ID_CURRENT = -2;
let lastWindowId: number | undefined;

/** The background feeds it from windows.onFocusChanged and tabs.onActivated (no permission needed for either); a page from windows.getCurrent. */
export function rememberWindow(windowId: number | undefined): void {
  if (windowId !== undefined && windowId >= 0) lastWindowId = windowId;
}

/** How the panel opens on a chat: `compose` puts the keyboard in the reply box (a notification's *Reply*). */
export interface PanelOpening {
  compose?: boolean;
}

export function panelPath(conversationId?: string, opening: PanelOpening = {}): `sidepanel.html${string}` {
  if (!conversationId) return 'sidepanel.html';
  const compose = opening.compose ? '&compose=1' : '';
  return `sidepanel.html?conversation=${encodeURIComponent(conversationId)}${compose}`;
}

function panels(): PanelNamespaces {
  return browser as unknown as PanelNamespaces;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on a chat, synchronously. The promise settles
 * with the open call: it rejects when the browser refused (no gesture) or has no panel at all. It
 * may also throw synchronously (some refusals do).
 */
export function openSidePanel(conversationId?: string, opening: PanelOpening = {}): Promise<void> {
  const { sidePanel, sidebarAction } = panels();
  const path = panelPath(conversationId, opening);
  if (sidebarAction?.open) {
    // Firefox: open() first, while the gesture is still live; then point it at the chat.
    const opened = sidebarAction.open();
    void sidebarAction.setPanel?.({ panel: browser.runtime.getURL(`/${path}`) })?.catch(() => undefined);
    return opened;
  }
  if (sidePanel?.open) {
    // The path carries the chat so a panel that loads now shows it even before the focus record
    // lands. Not awaited: awaiting it would spend the gesture open() needs.
    void sidePanel.setOptions?.({ path })?.catch(() => undefined);
    return sidePanel.open({ windowId: lastWindowId ?? WINDOW_ID_CURRENT });
  }
  return Promise.reject(new Error('This browser has no side panel.'));
}

/** Never throws and never awaits: a refused open (no gesture, old browser) leaves the click's other work intact. */
export function openSidePanelNow(conversationId?: string, opening: PanelOpening = {}): void {
  try {
    openSidePanel(conversationId, opening).catch(() => undefined);
  } catch {
    // Synchronous refusals (an API missing in this browser) are as harmless as rejected promises.
  }
}

/** Points the panel back at no chat in particular, so reopening it later does not bring an old chat back. */
export function resetPanelPath(): void {
  const { sidePanel, sidebarAction } = panels();
  void sidePanel?.setOptions?.({ path: panelPath() })?.catch(() => undefined);
  void sidebarAction?.setPanel?.({ panel: browser.runtime.getURL(`/${panelPath()}`) })?.catch(() => undefined);
}

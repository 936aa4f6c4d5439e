import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

/**
 * The real toolbar popup, opened with `action.openPopup()` (the code path of a toolbar click).
 * Playwright does not see popups as pages, but every extension page shares one process, so an
 * extension page (the host) can reach the popup's window through `extension.getViews`.
 */
export interface ToolbarPopupOpen {
  /** openPopup() → the popup page's navigation start: Chrome's own (our page does not exist yet). */
  toolbarWaitMs: number;
  /** navigation start → the page's 'popup-list-painted' mark (first frame with the list). */
  paintedMs: number;
  /** navigation start → Chrome's first contentful paint, stamped at the display's refresh. */
  presentedMs: number;
  /** What the popup said, as text. */
  text: string;
  /** How far the popup's content reaches past its window to the right (0 when it fits). */
  overflowX: number;
}

/**
 * The host: the offscreen page, the extension page that does nothing on its own (extension pages
 * share a main thread with the popup, so a busy host would slow it down).
 */
export async function openToolbarHost(ext: ExtensionSession): Promise<Page> {
  const host = await ext.context.newPage();
  await host.goto(`chrome-extension://${ext.extensionId}/offscreen.html`);
  return host;
}

/** Opens the toolbar popup, waits until it lists `rows` waiting chats, reads it, and closes it. */
export function openToolbarPopup(host: Page, rows: number): Promise<ToolbarPopupOpen> {
  return host.evaluate(async (expectedRows) => {
    // No named helpers in here: the test compiler would wrap them in a function the page lacks.
    const api = (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> }; extension: { getViews(filter: { type: 'popup' }): Window[] } } }).chrome;
    const clickedAt = performance.timeOrigin + performance.now();
    await api.action.openPopup();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const popup = api.extension.getViews({ type: 'popup' })[0];
      const painted = popup?.performance.getEntriesByName('popup-list-painted')[0];
      const presented = popup?.performance.getEntriesByName('first-contentful-paint')[0];
      const shown = popup?.document.querySelectorAll('.chat-row').length;
      if (popup && painted && presented && shown === expectedRows) {
        const result = {
          toolbarWaitMs: popup.performance.timeOrigin - clickedAt,
          paintedMs: painted.startTime,
          presentedMs: presented.startTime,
          text: popup.document.body.innerText,
          overflowX: Math.max(0, popup.document.documentElement.scrollWidth - popup.innerWidth),
        };
        popup.close();
        while (api.extension.getViews({ type: 'popup' }).length) await new Promise((resolve) => setTimeout(resolve, 10));
        return result;
      }
      if (Date.now() > deadline) {
        popup?.close();
        throw new Error(`The toolbar popup did not show ${expectedRows} waiting chats (popup: ${!!popup}, painted: ${!!painted}, rows: ${shown}).`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, rows);
}

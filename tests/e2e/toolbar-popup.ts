import type { Page } from 'playwright-core';

/**
 * The real toolbar popup, opened with `action.openPopup()` (the code path of a toolbar click).
 * Playwright does not see popups as pages, but every extension page shares one process, so an
 * extension page (the host) can reach the popup's window through `extension.getViews`. Use the
 * offscreen page as the host (`ext.openPage('offscreen')`): it does nothing but play the
 * escalation chime, and extension pages share a main thread with the popup.
 */
export interface ToolbarPopupOpen {
  /** openPopup() → the popup page's navigation start: Chrome's own (our page does not exist yet). */
  toolbarWaitMs: number;
  /** navigation start → the page's 'popup-list-painted' mark: the first frame with the list rendered. */
  renderedMs: number;
  /** navigation start → Chrome's first contentful paint: that frame shown on screen. */
  shownMs: number;
  /** What the popup said, as text. */
  text: string;
  /** The popup window's width, and how far its content reaches past it (0 when it fits). */
  width: number;
  overflowX: number;
}

/**
 * The benchmarks' control: the blank page the store build carries (public/bench/blank.html),
 * opened as the toolbar popup the same way, timed by the same marks.
 */
export const BLANK_POPUP = 'bench/blank.html';

/**
 * Opens the toolbar popup, waits until it lists `rows` waiting chats, reads it, and closes it.
 * With `page: BLANK_POPUP`, the toolbar opens the blank control page instead (its own mark, no
 * rows), and the extension's popup is put back before this returns.
 */
export function openToolbarPopup(host: Page, rows: number, page?: typeof BLANK_POPUP): Promise<ToolbarPopupOpen> {
  return host.evaluate(
    async ([expectedRows, blankPage]) => {
      // No named helpers in here: the test compiler would wrap them in a function the page lacks.
      const api = (
        globalThis as unknown as {
          chrome: {
            action: {
              openPopup(): Promise<void>;
              getPopup(details: object): Promise<string>;
              setPopup(details: { popup: string }): Promise<void>;
            };
            extension: { getViews(filter: { type: 'popup' }): Window[] };
          };
        }
      ).chrome;
      const ownPopup = blankPage ? await api.action.getPopup({}) : '';
      if (blankPage) await api.action.setPopup({ popup: blankPage });
      const clickedAt = performance.timeOrigin + performance.now();
      try {
        await api.action.openPopup();
      } finally {
        if (blankPage) await api.action.setPopup({ popup: ownPopup });
      }
      const markName = blankPage ? 'blank-painted' : 'popup-list-painted';
      const deadline = Date.now() + 15_000;
      for (;;) {
        const popup = api.extension.getViews({ type: 'popup' })[0];
        const rendered = popup?.performance.getEntriesByName(markName)[0];
        const shown = popup?.performance.getEntriesByName('first-contentful-paint')[0];
        const listed = blankPage ? expectedRows : popup?.document.querySelectorAll('.chat-row').length;
        if (popup && rendered && shown && listed === expectedRows) {
          const result = {
            toolbarWaitMs: popup.performance.timeOrigin - clickedAt,
            renderedMs: rendered.startTime,
            shownMs: shown.startTime,
            text: popup.document.body.innerText,
            width: popup.innerWidth,
            overflowX: Math.max(0, popup.document.documentElement.scrollWidth - popup.innerWidth),
          };
          popup.close();
          while (api.extension.getViews({ type: 'popup' }).length) {
            if (Date.now() > deadline) throw new Error('The toolbar popup did not close.');
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return result;
        }
        if (Date.now() > deadline) {
          popup?.close();
          throw new Error(
            `The toolbar popup did not show ${expectedRows} waiting chats (popup: ${!!popup}, rendered: ${!!rendered}, shown: ${!!shown}, rows: ${listed}).`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    [rows, page ?? ''] as const,
  );
}

import type { Page } from 'playwright-core';

/**
 * The real side panel, opened as the operator opens it: `sidePanel.open()` inside a click (Chrome
 * opens it only within a user gesture; Playwright's click is a real input event), on a page set
 * beforehand with `sidePanel.setOptions({ path })`. The panel's page is reached through
 * `extension.getViews()` from the host (an extension page in a tab: they share one process), its
 * mark read, and the panel closed again (`sidePanel.close`, Chrome 141+).
 */
export interface SidePanelOpen {
  /** navigation start → the page's own mark (the first frame with its content rendered). */
  renderedMs: number;
  /** navigation start → Chrome's first contentful paint. */
  shownMs: number;
}

const BUTTON_ID = 'bench-open-side-panel';

/** Once per host page: a button whose click opens the side panel on the host's window. */
export async function prepareSidePanelHost(host: Page): Promise<void> {
  await host.evaluate(async (id) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          windows: { getCurrent(): Promise<{ id: number }> };
          sidePanel: { open(o: { windowId: number }): Promise<void> };
        };
      }
    ).chrome;
    const { id: windowId } = await api.windows.getCurrent();
    const button = document.createElement('button');
    button.id = id;
    button.textContent = 'Open the side panel';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
    button.onclick = () => void api.sidePanel.open({ windowId });
    document.body.append(button);
  }, BUTTON_ID);
}

/** Opens the side panel on `path` (e.g. 'sidepanel.html'), waits for `mark`, reads it, and closes the panel. */
export async function openSidePanelPage(host: Page, path: string, mark: string): Promise<SidePanelOpen> {
  await host.evaluate((p) => {
    const g = globalThis as unknown as {
      chrome: {
        sidePanel: { setOptions(o: { path: string }): Promise<void> };
        extension: { getViews(): Window[] };
      };
      viewsBeforePanel?: Set<Window>;
    };
    // The same page may be open in a tab too (a bench keeps one): the panel is the view that is new.
    g.viewsBeforePanel = new Set(g.chrome.extension.getViews());
    return g.chrome.sidePanel.setOptions({ path: p });
  }, path);
  await host.click(`#${BUTTON_ID}`);
  return host.evaluate(
    async ([p, markName]) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            windows: { getCurrent(): Promise<{ id: number }> };
            sidePanel: { close(o: { windowId: number }): Promise<void> };
            extension: { getViews(): Window[] };
          };
        }
      ).chrome;
      const pathname = `/${p.split('?')[0]}`;
      const before = (globalThis as unknown as { viewsBeforePanel?: Set<Window> }).viewsBeforePanel ?? new Set();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const panel = api.extension
          .getViews()
          .find((v) => v !== window && !before.has(v) && v.location.pathname === pathname);
        const rendered = panel?.performance.getEntriesByName(markName)[0];
        const shown = panel?.performance.getEntriesByName('first-contentful-paint')[0];
        if (panel && rendered && shown) {
          const result = { renderedMs: rendered.startTime, shownMs: shown.startTime };
          const { id: windowId } = await api.windows.getCurrent();
          await api.sidePanel.close({ windowId });
          while (api.extension.getViews().includes(panel)) {
            if (Date.now() > deadline) throw new Error('The side panel did not close.');
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return result;
        }
        if (Date.now() > deadline)
          throw new Error(
            `The side panel did not show ${p} (panel: ${!!panel}, mark: ${!!rendered}, paint: ${!!shown}).`,
          );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    [path, mark] as const,
  );
}

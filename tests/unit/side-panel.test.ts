import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openVisitorHistory } from '../../lib/browser/open-history';
import { openSidePanelNow, rememberWindow, resetPanelPath } from '../../lib/browser/side-panel';

/**
 * One way to open the side panel, for the background's notification click and the popup's
 * button: the open call is made synchronously (inside the user's gesture), Chrome's sidePanel or
 * Firefox's sidebarAction, and the popup falls back to a tab when the browser refuses.
 */
type Namespaces = { sidePanel?: unknown; sidebarAction?: unknown };
const target = browser as unknown as Namespaces;

function chromePanel(open: () => Promise<void> = async () => undefined) {
  const panel = { open: vi.fn(open), setOptions: vi.fn(async () => undefined) };
  target.sidePanel = panel;
  return panel;
}

function firefoxSidebar(open: () => Promise<void> = async () => undefined) {
  const sidebar = { open: vi.fn(open), setPanel: vi.fn(async () => undefined) };
  target.sidebarAction = sidebar;
  return sidebar;
}

let tabs: string[];

beforeEach(() => {
  fakeBrowser.reset();
  tabs = [];
  vi.spyOn(browser.tabs, 'create').mockImplementation(async ({ url }) => {
    tabs.push(url!);
    return undefined as never;
  });
});

afterEach(() => {
  delete target.sidePanel;
  delete target.sidebarAction;
});

const url = (path: string) => browser.runtime.getURL(`/${path}` as '/sidepanel.html');

describe('opening the side panel', () => {
  it('calls Chrome sidePanel.open synchronously, in the remembered window, with the chat in the path', async () => {
    const panel = chromePanel();
    rememberWindow(7);
    const opening = openVisitorHistory('c 1');
    expect(panel.open).toHaveBeenCalledWith({ windowId: 7 }); // before anything was awaited
    expect(panel.setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html?conversation=c%201' });
    await opening;
    expect(tabs).toEqual([]);

    openSidePanelNow('c2');
    expect(panel.open).toHaveBeenCalledTimes(2);
    expect(panel.setOptions).toHaveBeenLastCalledWith({ path: 'sidepanel.html?conversation=c2' });
  });

  it('calls Firefox sidebarAction.open synchronously, then points it at the chat', async () => {
    const sidebar = firefoxSidebar();
    const opening = openVisitorHistory('c1');
    expect(sidebar.open).toHaveBeenCalledTimes(1);
    expect(sidebar.setPanel).toHaveBeenCalledWith({ panel: url('sidepanel.html?conversation=c1') });
    await opening;
    expect(tabs).toEqual([]);
  });

  it('falls back to a tab when the browser refuses or has no panel (popup only)', async () => {
    chromePanel(() => Promise.reject(new Error('needs a user gesture')));
    await openVisitorHistory('c1');
    target.sidePanel = {
      open() {
        throw new Error('bad argument');
      },
    };
    await openVisitorHistory('c2');
    delete target.sidePanel;
    await openVisitorHistory('c3');
    expect(tabs).toEqual(['c1', 'c2', 'c3'].map((id) => url(`sidepanel.html?conversation=${id}`)));
  });

  it('never throws or opens a tab from the background', async () => {
    target.sidePanel = {
      open() {
        throw new Error('no gesture');
      },
    };
    expect(() => openSidePanelNow('c1')).not.toThrow();
    chromePanel(() => Promise.reject(new Error('no gesture')));
    expect(() => openSidePanelNow('c1')).not.toThrow();
    delete target.sidePanel;
    expect(() => openSidePanelNow('c1')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tabs).toEqual([]);
  });

  it('points the panel back at no chat', () => {
    const panel = chromePanel();
    const sidebar = firefoxSidebar();
    resetPanelPath();
    expect(panel.setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html' });
    expect(sidebar.setPanel).toHaveBeenCalledWith({ panel: url('sidepanel.html') });
  });
});

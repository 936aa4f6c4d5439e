import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface BoundShortcut {
  name: string;
  description: string;
  /** Empty when the operator (or a clash with another extension) left it unbound. */
  shortcut: string;
}

/** The keyboard shortcuts as the browser has them bound now (commands.getAll), re-read on focus. */
export function useShortcuts(): BoundShortcut[] | undefined {
  const [shortcuts, setShortcuts] = useState<BoundShortcut[]>();
  useEffect(() => {
    const read = () =>
      void browser.commands
        .getAll()
        .then((commands) =>
          setShortcuts(
            commands.map((command) => ({
              name: command.name ?? '',
              // _execute_action has no description of its own in some browsers.
              description:
                command.description ||
                (command.name === '_execute_action' ? 'Open the waiting list' : (command.name ?? '')),
              shortcut: command.shortcut ?? '',
            })),
          ),
        )
        .catch(() => setShortcuts([]));
    read();
    // Rebinding happens on the browser's own page: read again when the operator comes back.
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);
  return shortcuts;
}

/** Where the operator rebinds shortcuts: Chrome and Edge have a page for it; Firefox a menu. */
export function openShortcutSettings(): void {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) {
    void commands.openShortcutSettings();
    return;
  }
  const edge = navigator.userAgent.includes(' Edg/');
  void browser.tabs.create({ url: edge ? 'edge://extensions/shortcuts' : 'chrome://extensions/shortcuts' });
}

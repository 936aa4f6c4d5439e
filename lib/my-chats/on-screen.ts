import { browser } from 'wxt/browser';
import { readSession } from '../auth/session';
import { isSignedInConsole, parseConsoleUrl } from '../salesiq/console-url';

/**
 * Whether the operator is looking at this chat in SalesIQ right now: the focused window's active
 * tab is the signed-in portal's console showing it. Host permissions on the SalesIQ hosts expose
 * those tabs' URLs (and only those), so no "tabs" permission is needed. Unknown → not on screen
 * (an alert too many beats a visitor left waiting).
 */
export async function chatOnScreen(conversationId: string): Promise<boolean> {
  try {
    const window = await browser.windows.getLastFocused();
    if (!window.focused || window.id === undefined) return false;
    const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
    const location = parseConsoleUrl(tab?.url);
    return location?.conversationId === conversationId && isSignedInConsole(location, await readSession());
  } catch {
    return false;
  }
}

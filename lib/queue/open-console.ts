import { browser } from 'wxt/browser';
import { readMeta } from '../db';
import { consoleTabPattern, consoleUrl } from '../salesiq/console-url';

/** Focus an open SalesIQ console tab on the chat, or open one. */
export async function openInSalesIQ(conversationId?: string): Promise<void> {
  const session = await readMeta('session');
  if (!session?.salesiqHost || !session.portal) throw new Error('Sign in to open SalesIQ.');
  const url = consoleUrl(session.salesiqHost, session.portal.screen, conversationId);
  const [existing] = await browser.tabs.query({ url: consoleTabPattern(session.salesiqHost, session.portal.screen) });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, ...(conversationId ? { url } : {}) });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url, active: true });
}

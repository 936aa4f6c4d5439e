import { browser } from 'wxt/browser';
import type { SendResult } from '../../lib/canned/send-outcome';
import { readMetaValue } from '../../lib/db-read';
import { ask, type InsertCannedMessage, type InsertCannedReply } from '../../lib/messages';
import { isSignedInConsole, parseConsoleUrl } from '../../lib/salesiq/console-url';
import { plainError } from '../../lib/ui/plain-error';

/**
 * What the library's buttons do. Each returns a sentence for the status line; a failure throws
 * an Error whose message is already plain words.
 */

/**
 * The click (or Enter) is a user gesture, which is all `navigator.clipboard.writeText` needs in
 * an extension page: no clipboardWrite permission. The execCommand fallback covers a page whose
 * document lost focus between the click and the write.
 */
export async function copyText(text: string, responseId: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('Copying was blocked by the browser. Select the text and copy it instead.');
  }
  await countUse(responseId);
  return 'Copied.';
}

export async function insertIntoConsole(tabId: number, text: string, responseId: string): Promise<string> {
  // The tab was checked when the page found it; it may have navigated since (another portal or
  // account), and the text is filled from this portal's chat: check again right before sending.
  // The plain page reader, never the background's Dexie module: pages stay small.
  const session = (await readMetaValue('session')) ?? { state: 'signed-out' as const, updatedAt: 0 };
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!isSignedInConsole(parseConsoleUrl(tab?.url), session)) {
    const portal = session.portal ? ` (${session.portal.screen})` : '';
    throw new Error(`That tab no longer shows your SalesIQ portal${portal}. Open it there, then try again.`);
  }
  const message: InsertCannedMessage = { type: 'insertCanned', text };
  let reply: InsertCannedReply | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, message)) as InsertCannedReply | undefined;
  } catch {
    // The tab was open before the extension was installed or updated: no content script yet.
    throw new Error('Reload the SalesIQ tab, then try again.');
  }
  if (!reply?.inserted) throw new Error('No message box found in SalesIQ. Open a chat there, then try again.');
  await countUse(responseId);
  return 'Inserted into SalesIQ.';
}

/** The background counts the use (it is the database's only writer); ranking follows live. */
async function countUse(responseId: string): Promise<void> {
  await ask({ type: 'cannedUsed', responseId });
}

export async function sendToChat(conversationId: string, responseId: string, text: string): Promise<string> {
  const reply = await ask<SendResult>({ type: 'sendCanned', conversationId, responseId, text });
  if (!reply.ok) throw new Error(plainError(reply.error));
  // A Send pressed again after an unanswered one: the background found the line already in the chat.
  return reply.value?.alreadySent
    ? 'Already in the chat: it went out on your earlier Send, so it was not sent again.'
    : 'Sent to the chat.';
}

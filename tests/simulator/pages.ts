/**
 * The simulator's HTML: Zoho Accounts' consent and error pages, and a stand-in SalesIQ console
 * with a message composer (content-script tests insert canned text into it). Every dynamic value
 * is escaped: chat text comes from the hostile corpus.
 */
import { escapeHtml } from './http-util';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}
li{margin:.2rem 0}textarea{width:100%;min-height:5rem;font:inherit}.msg{margin:.3rem 0}.who{font-weight:600}</style></head>
<body>${body}</body>
</html>`;
}

export function consentPage(options: {
  appName: string;
  account: string;
  scopes: string[];
  requestId: string;
}): string {
  const items = options.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('');
  return page(
    'Zoho Accounts',
    `<main>
<h1>${escapeHtml(options.appName)} is asking for access to your Zoho account</h1>
<p>Signed in as <strong>${escapeHtml(options.account)}</strong>. The app will be able to:</p>
<ul id="scopes">${items}</ul>
<form method="post" action="/oauth/v2/auth/consent">
<input type="hidden" name="request" value="${escapeHtml(options.requestId)}">
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
</main>`,
  );
}

export function accountsErrorPage(message: string): string {
  return page(
    'Zoho Accounts',
    `<main><h1>Sorry, something went wrong</h1><p id="error">${escapeHtml(message)}</p></main>`,
  );
}

export interface ConsoleMessage {
  sender: string;
  text: string;
}

/** A stand-in for the console page /<screen>/mychats/<id>: transcript plus composer. */
export function consolePage(options: {
  screen: string;
  conversationId?: string;
  visitorName?: string;
  messages: ConsoleMessage[];
}): string {
  const transcript = options.messages
    .map(
      (m) =>
        `<div class="msg"><span class="who">${escapeHtml(m.sender)}:</span> <span class="text">${escapeHtml(m.text)}</span></div>`,
    )
    .join('\n');
  const heading = options.conversationId
    ? `Conversation <span id="conversation-id">${escapeHtml(options.conversationId)}</span>${options.visitorName ? ` with ${escapeHtml(options.visitorName)}` : ''}`
    : 'My chats';
  return page(
    'Zoho SalesIQ',
    `<header><strong>Zoho SalesIQ</strong> · <span id="portal">${escapeHtml(options.screen)}</span></header>
<main data-conversation-id="${escapeHtml(options.conversationId ?? '')}">
<h1>${heading}</h1>
<section id="transcript">${transcript}</section>
<form id="composer" action="#" onsubmit="return false">
<textarea id="message-input" name="message" placeholder="Type a message" aria-label="Type a message"></textarea>
<button type="submit">Send</button>
</form>
</main>`,
  );
}

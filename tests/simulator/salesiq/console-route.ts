/**
 * Non-API pages on a salesiq host, e.g. /zylker/mychats/<id>: a minimal stand-in for the SalesIQ
 * operator console, enough for content-script tests (read the open conversation id, insert text
 * into the composer).
 */
import { sendHtml, type RequestContext } from '../http-util';
import { consolePage } from '../pages';
import type { World } from '../world';

export function handleConsole(ctx: RequestContext, world: World): void {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    sendHtml(ctx.res, 405, consolePage({ screen: '', messages: [] }));
    return;
  }
  const segments = ctx.path.split('/').filter(Boolean);
  const screen = segments[0] ?? '';
  // The conversation id is the segment after a known section name, or a ?conversation_id= query.
  const sectionIndex = segments.findIndex((s) => s === 'mychats' || s === 'chats' || s === 'conversations');
  const conversationId =
    (sectionIndex >= 0 ? segments[sectionIndex + 1] : undefined) ?? ctx.query.get('conversation_id') ?? undefined;
  const chat = conversationId ? world.chats.get(conversationId) : undefined;
  sendHtml(
    ctx.res,
    200,
    consolePage({
      screen,
      conversationId,
      visitorName: chat?.visitor.name,
      messages: (chat?.messages ?? []).map((m) => ({ sender: m.senderName, text: m.text })),
    }),
  );
}

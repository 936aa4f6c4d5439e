import { browser } from 'wxt/browser';
import { choosePortal, signIn, signOut } from '../lib/auth/session';
import { isRequest, isTrustedSender, type Handlers, type Reply, type Request } from '../lib/messages';
import { asSalesIQError } from '../lib/salesiq/errors';
import { onNotificationButton, onNotificationClicked } from '../lib/queue/notification-actions';
import { withdrawAllNotifications } from '../lib/queue/notifications';
import { openInSalesIQ } from '../lib/queue/open-console';
import { changeOperatorStatus } from '../lib/queue/operator-status';
import { pickUpChat } from '../lib/queue/pickup';
import { POLL_ALARM, markPageVisible, renderBadge, runTick, stopPolling } from '../lib/queue/tick';

/** Page requests → lib functions. Every handler's result or error goes back as a Reply. */
const handlers: Handlers = {
  async signIn() {
    const session = await signIn();
    await runTick('manual');
    return session;
  },
  async signOut() {
    await stopPolling();
    await withdrawAllNotifications();
    const result = await signOut();
    await renderBadge();
    return result;
  },
  async choosePortal({ screen }) {
    const session = await choosePortal(screen);
    await runTick('manual');
    return session;
  },
  async pickUp({ conversationId }) {
    try {
      return await pickUpChat(conversationId);
    } finally {
      await renderBadge();
    }
  },
  async setStatus({ status }) {
    const confirmed = await changeOperatorStatus(status);
    void runTick('manual');
    return confirmed;
  },
  async refreshNow() {
    await runTick('manual');
  },
  async openInSalesIQ({ conversationId }) {
    await openInSalesIQ(conversationId);
  },
  async pageVisible() {
    await markPageVisible();
    void runTick('visible');
  },
};

async function handle(request: Request): Promise<Reply> {
  try {
    const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (caught) {
    const error = asSalesIQError(caught);
    return { ok: false, error: { kind: error.kind, message: error.message } };
  }
}

// Every listener is registered synchronously at worker start: an event that woke the worker is
// only delivered to listeners that exist before the first await.
export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isRequest(message) || !isTrustedSender(sender, browser.runtime.id, origin)) return;
    void handle(message).then(sendResponse);
    return true; // answer asynchronously
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void runTick('alarm');
  });

  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  // Firefox has no notification buttons.
  browser.notifications.onButtonClicked?.addListener((id, index) => void onNotificationButton(id, index));

  browser.runtime.onStartup.addListener(() => void runTick('startup'));
  browser.runtime.onInstalled.addListener(() => void runTick('startup'));

  // Alarms can be lost across browser restarts; every worker start re-creates the loop.
  void runTick('startup');
});

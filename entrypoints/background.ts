import { browser } from 'wxt/browser';
import { choosePortal, readSession, resetInterruptedSignIn, signIn, signOut } from '../lib/auth/session';
import { isRequest, isTrustedSender, refusal, type Handlers, type Reply, type Request } from '../lib/messages';
import { asSalesIQError } from '../lib/salesiq/errors';
import { onNotificationButton, onNotificationClicked } from '../lib/queue/notification-actions';
import { isServiceNotice, withdrawAllNotifications } from '../lib/queue/notifications';
import { openInSalesIQ } from '../lib/queue/open-console';
import { changeOperatorStatus } from '../lib/queue/operator-status';
import { pickUpOldestWaiting } from '../lib/queue/pick-up-oldest';
import { pickUpChat, settleInterruptedPickups } from '../lib/queue/pickup';
import { renderBadge } from '../lib/queue/badge';
import { POLL_ALARM, markPageVisible, runTick, stopPolling } from '../lib/queue/tick';
import { updateDeliveryNotice, watchDeliveryState } from '../lib/queue/delivery-notice';
import { onScreenUnlocked } from '../lib/browser/screen-lock';
import { onTablesChanged } from '../lib/db-changes';
import { followConsoleUrl, setFocus } from '../lib/visitor/focus';
import { loadMoreVisitorHistory, refreshVisitor } from '../lib/visitor/refresh';
import { PURGE_ALARM, purgeVisitorData, startVisitorRetention } from '../lib/visitor/retention';
import { rememberWindow } from '../lib/browser/side-panel';
import { loadTranscript } from '../lib/visitor/transcripts';
import { onContentMessage } from '../lib/canned/content-bridge';
import { sendCannedResponse } from '../lib/canned/send';
import { CANNED_SYNC_ALARM, onCannedSyncAlarm, startCannedSync, stopCannedSync, syncCanned } from '../lib/canned/sync';
import { recordCannedUse } from '../lib/canned/usage';
import { sendComposed } from '../lib/chat/compose';
import { endChat, transferChat, transferChoices } from '../lib/chat/chat-actions';
import { announceCommittedWrites } from '../lib/db';
import { keepSessionStorageTrusted } from '../lib/browser/session-storage-access';
import { reconcileConsoleScript } from '../lib/content-script-scope';
import { checkHostAccess } from '../lib/host-access';
import { onExtensionInstalled } from '../lib/onboarding/install';
import { showTestNotification } from '../lib/queue/notifications';
import { gatherReachability } from '../lib/reachability/gather';
import {
  isReplyNotification,
  onReplyNotificationButton,
  onReplyNotificationClicked,
} from '../lib/my-chats/notification-actions';

/** Page requests → lib functions. Every handler's result or error goes back as a Reply. */
const handlers: Handlers = {
  async signIn() {
    const session = await signIn(withdrawAllNotifications); // another person: the old account's alerts go
    await runTick('manual');
    background(startCannedSync());
    return session;
  },
  async signOut() {
    await stopPolling();
    await stopCannedSync();
    const result = await signOut(); // revokes and wipes
    // After the wipe: an alert raised by a poll that was already past its checks goes too.
    await withdrawAllNotifications();
    await renderBadge();
    await updateDeliveryNotice(await readSession(), undefined);
    return result;
  },
  async choosePortal({ screen }) {
    const session = await choosePortal(screen);
    await runTick('manual');
    background(startCannedSync());
    return session;
  },
  async pickUp({ conversationId }) {
    return pickUpChat(conversationId);
  },
  async setStatus({ status }) {
    const confirmed = await changeOperatorStatus(status);
    background(runTick('manual'));
    return confirmed;
  },
  async refreshNow() {
    await runTick('manual');
  },
  async openInSalesIQ({ conversationId }) {
    await openInSalesIQ(conversationId);
  },
  async pageVisible({ opened }) {
    await markPageVisible();
    background(runTick(opened ? 'visible' : 'still-visible'));
  },
  async focusConversation({ conversationId, source }) {
    return setFocus(conversationId, source);
  },
  async refreshVisitor({ conversationId, force }) {
    await refreshVisitor(conversationId, { force });
  },
  async loadMoreHistory({ conversationId }) {
    await loadMoreVisitorHistory(conversationId);
  },
  async loadTranscript({ conversationId }) {
    await loadTranscript(conversationId);
  },
  async syncCanned() {
    return syncCanned();
  },
  async sendCanned(request) {
    return sendCannedResponse(request);
  },
  async cannedUsed({ responseId }) {
    if (typeof responseId !== 'string' || !responseId) throw new Error('No canned response named.');
    await recordCannedUse(responseId);
  },
  async sendChatMessage({ conversationId, text }) {
    return sendComposed(conversationId, text);
  },
  async endChat({ conversationId }) {
    return endChat(conversationId);
  },
  async transferChat({ conversationId, departmentId, operatorId, note }) {
    return transferChat(conversationId, { departmentId, operatorId, note });
  },
  async transferChoices() {
    return transferChoices();
  },
  async testNotification() {
    await showTestNotification();
  },
  async checkReachability() {
    return gatherReachability();
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

/**
 * The "chats cannot reach you" notice's action: sign in when the session needs it (an interactive
 * sign-in may start from a notification click), otherwise poll at once.
 */
async function fixDelivery(): Promise<void> {
  const state = (await readSession()).state;
  if (state === 'expired' || state === 'signed-out') await handlers.signIn({ type: 'signIn' });
  else await runTick('manual');
}

/** Fire-and-forget work from a listener: failures are logged by kind only (never data). */
function background(work: Promise<unknown>): void {
  work.catch((error: unknown) =>
    console.warn('Operator Companion:', asSalesIQError(error).kind, asSalesIQError(error).message.slice(0, 120)),
  );
}

// Every listener is registered synchronously at worker start: an event that woke the worker is
// only delivered to listeners that exist before the first await.
export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  // Open pages re-read what a committed write changed.
  announceCommittedWrites();
  // The token's storage stays closed to the content script, by decision rather than by default.
  background(keepSessionStorageTrusted());
  // The content script runs only on the signed-in data centre's SalesIQ host: checked now, and
  // after every committed write to the meta table (sign-in, sign-out, a data-centre change).
  background(reconcileConsoleScript());
  onTablesChanged(['meta'], () => background(reconcileConsoleScript({ onlyIfChanged: true })));
  // Site access to Zoho turned off or back on (Chrome lets users withdraw declared host access).
  background(checkHostAccess());
  browser.permissions.onRemoved.addListener(() => background(checkHostAccess()));
  browser.permissions.onAdded.addListener(() => background(checkHostAccess().then(() => runTick('manual'))));

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isTrustedSender(sender, browser.runtime.id, origin)) return;
    // Our own page, but not a request this version knows in this shape: say so, never stay silent.
    if (!isRequest(message)) return void sendResponse(refusal(message));
    void handle(message).then(sendResponse);
    return true; // answer asynchronously
  });
  // The SalesIQ content script's one read-only question (#shortcut → text), checked on its own.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) =>
    onContentMessage(message, sender, sendResponse, browser.runtime.id),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) background(runTick('alarm'));
    if (alarm.name === PURGE_ALARM) background(purgeVisitorData());
    if (alarm.name === CANNED_SYNC_ALARM) background(onCannedSyncAlarm('alarm'));
  });

  browser.notifications.onClicked.addListener((id) =>
    background(
      isServiceNotice(id)
        ? fixDelivery()
        : isReplyNotification(id)
          ? onReplyNotificationClicked(id)
          : onNotificationClicked(id),
    ),
  );
  // Firefox has no notification buttons.
  browser.notifications.onButtonClicked?.addListener((id, index) =>
    background(
      isServiceNotice(id)
        ? fixDelivery()
        : isReplyNotification(id)
          ? onReplyNotificationButton(id, index)
          : onNotificationButton(id, index),
    ),
  );

  // Back online, or back at the screen: poll at once instead of waiting out a backoff or the
  // locked screen's slow cadence. The retry cadence covers a network the browser never noticed.
  globalThis.addEventListener?.('online', () => background(runTick('online')));
  onScreenUnlocked(() => background(runTick('unlock')));
  watchDeliveryState();

  // The side panel follows the SalesIQ console tab. Host permissions on the SalesIQ hosts expose
  // those tabs' URLs (and only those), so no "tabs" permission is needed.
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (tab.active && (change.url || change.status === 'complete')) background(followConsoleUrl(change.url ?? tab.url));
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    rememberWindow(windowId);
    browser.tabs
      .get(tabId)
      .then((tab) => followConsoleUrl(tab.url))
      .catch(() => undefined);
  });
  browser.windows?.onFocusChanged.addListener(rememberWindow);

  browser.commands?.onCommand.addListener((command) => {
    if (command === 'pick-up-oldest') background(pickUpOldestWaiting());
  });

  browser.runtime.onStartup.addListener(() => background(runTick('startup')));
  browser.runtime.onInstalled.addListener((details) => {
    background(runTick('startup'));
    background(onExtensionInstalled(details));
  });

  // No sign-in flow survives a worker restart: a "signing in" left behind would lock the UI.
  // Alarms can be lost across browser restarts; every worker start re-creates the loop.
  background(resetInterruptedSignIn().then(() => runTick('startup')));
  // A pickup the previous worker sent without hearing back is settled by reading, never resent.
  background(settleInterruptedPickups());
  background(startVisitorRetention());
  background(onCannedSyncAlarm('startup'));
});

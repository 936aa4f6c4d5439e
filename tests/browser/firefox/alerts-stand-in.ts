/**
 * Headless Firefox has no notification service: `notifications.create` fails inside Firefox and
 * `notifications.getAll()` stays empty. Firefox's own tests replace the service
 * (`@mozilla.org/alerts-service;1`) with a mock (MockRegistrar); the test-only MockRegistrar
 * module is not shipped in release builds, so the same registration is done here by hand from
 * the chrome scope. The extension is unchanged: its `browser.notifications.create` reaches
 * Firefox's notifications API, which calls this recording service instead of the desktop's.
 *
 * The stand-in behaves like a notification daemon: it shows (records) an alert, tells Firefox it
 * was shown, closes it on request, and on a simulated click sends "alertclickcallback" then
 * "alertfinished" — what Firefox's notifications API turns into `notifications.onClicked` and
 * `onClosed`. Every alert ever shown stays in `shown` (with a time), so "no repeat" can be checked.
 */
type ChromeEval = <T>(expression: string) => Promise<T>;

export interface RecordedAlert {
  name: string;
  title: string;
  text: string;
  shownAt: number;
  open: boolean;
}

/** Chrome-scope source; state lives on Services (one object per browser process). */
const INSTALL = `(() => {
  if (Services.ocAlerts) return true;
  const shown = [];
  const open = new Map();
  const service = {
    QueryInterface: ChromeUtils.generateQI(['nsIAlertsService']),
    showAlert(alert, listener) {
      const record = { name: alert.name, title: alert.title, text: alert.text, shownAt: Date.now(), open: true };
      shown.push(record);
      open.set(alert.name, { record, listener });
      listener?.observe(null, 'alertshow', alert.cookie);
    },
    showAlertNotification() { throw Components.Exception('not used by extensions', Cr.NS_ERROR_NOT_IMPLEMENTED); },
    closeAlert(name) {
      const entry = open.get(name);
      if (!entry) return;
      open.delete(name);
      entry.record.open = false;
      entry.listener?.observe(null, 'alertfinished', null);
    },
  };
  const factory = {
    QueryInterface: ChromeUtils.generateQI(['nsIFactory']),
    createInstance(iid) { return service.QueryInterface(iid); },
  };
  const registrar = Components.manager.QueryInterface(Ci.nsIComponentRegistrar);
  const cid = Services.uuid.generateUUID();
  registrar.registerFactory(cid, 'Recording alerts service (tests)', '@mozilla.org/alerts-service;1', factory);
  Services.ocAlerts = {
    shown,
    click(name) {
      const entry = open.get(name);
      if (!entry) return false;
      entry.listener?.observe(null, 'alertclickcallback', null);
      this.close(name);
      return true;
    },
    close(name) { service.closeAlert(name); },
  };
  return true;
})()`;

export async function installRecordingAlerts(chrome: ChromeEval): Promise<void> {
  await chrome(INSTALL);
}

/** Every alert shown since the browser started, open or not. */
export function recordedAlerts(chrome: ChromeEval): Promise<RecordedAlert[]> {
  return chrome('Services.ocAlerts.shown');
}

/** Clicks an open alert as the desktop would; false when no such alert is open. */
export function clickAlert(chrome: ChromeEval, name: string): Promise<boolean> {
  return chrome(`Services.ocAlerts.click(${JSON.stringify(name)})`);
}

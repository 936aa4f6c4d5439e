import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetStoredValues } from '../../lib/browser/stored-value';
import { forgetNotificationPermission, forgetNotificationsOnScreen } from '../../lib/queue/notifications';

// The fake browser's reset empties storage and notifications and drops every listener without
// telling (no storage.onChanged, no notifications.onClosed), so the in-memory copies of storage
// values and of what is on screen would outlive it: forget them too.
const reset = fakeBrowser.reset.bind(fakeBrowser);
fakeBrowser.reset = () => {
  reset();
  forgetStoredValues();
  forgetNotificationsOnScreen();
  forgetNotificationPermission();
};

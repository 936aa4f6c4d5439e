import { useEffect, useState } from 'preact/hooks';
// Page-safe: the notification helper imports only the browser API (no Dexie, no queue loop).
import { notificationsBlocked } from '../lib/queue/notifications';

/**
 * The browser blocks this extension's notifications: new chats arrive silently. Chrome can tell
 * (`notifications.getPermissionLevel`); Firefox cannot, and shows nothing here.
 */
export function NotificationsBlocked() {
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    void notificationsBlocked().then(setBlocked);
  }, []);
  if (!blocked) return null;
  return (
    <div class="banner banner--warn" role="status">
      <p>
        Notifications from this extension are blocked, so new chats arrive without an alert. Allow them again in your
        browser's notification settings for Operator Companion (and in your system's notification settings).
      </p>
    </div>
  );
}

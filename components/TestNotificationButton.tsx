import { useState } from 'preact/hooks';
import { ask } from '../lib/messages';
import { plainError } from '../lib/ui/plain-error';

/** Asks the background to show a test notification with the real notification helper. */
export function TestNotificationButton() {
  const [state, setState] = useState<{ sending: boolean; message: string }>({ sending: false, message: '' });
  async function send() {
    setState({ sending: true, message: '' });
    const reply = await ask({ type: 'testNotification' });
    setState({
      sending: false,
      message: reply.ok
        ? 'Sent. If no notification appeared, allow notifications for the browser in your operating system’s settings and turn off Do Not Disturb.'
        : `Could not send it: ${plainError(reply.error)}`,
    });
  }
  return (
    <div class="test-notification">
      <button type="button" disabled={state.sending} onClick={() => void send()}>
        Send a test notification
      </button>
      <p class="field__hint" role="status">
        {state.message}
      </p>
    </div>
  );
}

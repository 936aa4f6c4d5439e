import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlaceholderContext } from '../../lib/canned/placeholders';
import { useShortcutExpansion } from './use-shortcut-expansion';

interface Props {
  portal: string;
  visitorName: string;
  context: PlaceholderContext;
  /** Changes when something asks for the keyboard here (a notification's *Reply*, `compose=1`). */
  focusRequest: number;
  /** A failed line taken back into the box. */
  restore?: { text: string; at: number };
  /** False when the same text is already on its way. */
  onSend(text: string): boolean;
}

/**
 * The side panel's reply box: Enter sends, Shift+Enter starts a new line, `#shortcut` then Space,
 * Tab or Enter becomes the canned response. The box empties as the line goes out, so a second
 * Enter finds nothing to send.
 */
export function Composer({ portal, visitorName, context, focusRequest, restore, onSend }: Props) {
  const [draft, setDraft] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const shortcuts = useShortcutExpansion(portal, context);

  useEffect(() => {
    if (!focusRequest) return;
    // After this commit: the same request brings the Visitor tab forward, and a hidden box takes no focus.
    const timer = setTimeout(() => box.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [focusRequest]);

  useEffect(() => {
    if (!restore) return;
    setDraft(restore.text);
    box.current?.focus();
  }, [restore]);

  function send() {
    const text = box.current?.value ?? draft;
    if (!text.trim()) return;
    // false: this very text is already on its way (the outbox shows it); the box empties either way.
    onSend(text);
    setDraft('');
    if (box.current) box.current.value = ''; // at once, before the next key: a double Enter sends once
  }

  function onKeyDown(event: KeyboardEvent) {
    const el = event.currentTarget as HTMLTextAreaElement;
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const expanding =
      (event.key === ' ' || event.key === 'Tab' || (event.key === 'Enter' && !event.shiftKey)) &&
      shortcuts.shortcutAt(el);
    if (expanding) {
      event.preventDefault();
      void shortcuts.expand(el, expanding, event.key === ' ' ? ' ' : '');
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label class="composer__label" for="composer-box">
        Reply to {visitorName}
      </label>
      <textarea
        id="composer-box"
        ref={box}
        class="composer__box"
        rows={3}
        dir="auto"
        value={draft}
        aria-describedby="composer-hint"
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer__foot">
        <p id="composer-hint" class="note">
          Enter sends, Shift+Enter starts a new line
          {shortcuts.hasShortcuts ? ', #shortcut then Space inserts a canned response' : ''}.
        </p>
        <button type="submit" class="primary" disabled={!draft.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { ShortcutError, setShortcut } from '../../lib/canned/shortcuts';

interface Props {
  portal: string;
  responseId: string;
  current?: string;
  liveIds: ReadonlySet<string>;
  onDone(message?: string): void;
}

/** Give a response a shortcut (#refund) that search matches first and the console expands. */
export function ShortcutEditor({ portal, responseId, current, liveIds, onDone }: Props) {
  const [value, setValue] = useState(current ? `#${current}` : '#');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const inputId = `shortcut-${responseId}`;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(next: string) {
    try {
      const map = await setShortcut(portal, responseId, next, liveIds);
      const saved = map[responseId];
      onDone(saved ? `Shortcut #${saved} saved.` : 'Shortcut removed.');
    } catch (caught) {
      setError(caught instanceof ShortcutError ? caught.message : 'The shortcut could not be saved.');
    }
  }

  return (
    <form
      class="canned-shortcut"
      onSubmit={(event) => {
        event.preventDefault();
        void save(value);
      }}
    >
      <label for={inputId}>Shortcut</label>
      <input
        id={inputId}
        ref={input}
        value={value}
        maxLength={33}
        autoComplete="off"
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onInput={(event) => {
          setValue(event.currentTarget.value);
          setError('');
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Escape closes the editor, not the search box behind it.
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }}
      />
      <button type="submit" class="primary">
        Save
      </button>
      {current && (
        <button type="button" onClick={() => void save('')}>
          Remove
        </button>
      )}
      <button type="button" onClick={() => onDone()}>
        Cancel
      </button>
      {error && (
        <p class="inline-error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}

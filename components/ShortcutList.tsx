import { openShortcutSettings, useShortcuts } from './use-shortcuts';

const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';

/** The extension's keyboard shortcuts as currently bound, and how to change them. */
export function ShortcutList() {
  const shortcuts = useShortcuts();
  if (!shortcuts) return <p class="muted">Reading shortcuts…</p>;
  return (
    <>
      <dl class="shortcuts">
        {shortcuts.map((command) => (
          <div class="shortcuts__row" key={command.name}>
            <dt>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">Not set</span>}</dt>
            <dd>{command.description}</dd>
          </div>
        ))}
      </dl>
      <p class="field__hint">
        {IS_FIREFOX
          ? 'To change them: about:addons → the gear menu → Manage Extension Shortcuts.'
          : 'To change them, open the browser’s shortcut settings: '}
        {!IS_FIREFOX && (
          <button type="button" class="link-button" onClick={openShortcutSettings}>
            Keyboard shortcuts
          </button>
        )}
      </p>
    </>
  );
}

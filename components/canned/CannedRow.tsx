import type { ComponentChildren } from 'preact';
import type { SearchHit } from '../../lib/canned/search';
import { Highlighted } from './Highlighted';

interface Props {
  id: string;
  hit: SearchHit;
  tokens: readonly string[];
  active: boolean;
  shortcut?: string;
  /** Characters of the text shown; long responses show a snippet around the match. */
  snippet: number;
  onActivate(): void;
  onCopy(): void;
  /** undefined: no SalesIQ console in this window, the button explains instead. */
  onInsert?: () => void;
  onSend?: () => void;
  onShortcut?: () => void;
  busy?: boolean;
  children?: ComponentChildren;
}

/** One canned response: its text (matches marked), shortcut and categories, and what to do with it. */
export function CannedRow({
  id,
  hit,
  tokens,
  active,
  shortcut,
  snippet,
  onActivate,
  onCopy,
  onInsert,
  onSend,
  onShortcut,
  busy,
  children,
}: Props) {
  const textId = `${id}-text`;
  return (
    <li
      id={id}
      class={active ? 'canned-row canned-row--active' : 'canned-row'}
      aria-current={active ? 'true' : undefined}
    >
      <p class="canned-row__text" id={textId} dir="auto" onClick={onActivate}>
        <Highlighted text={hit.doc.content} tokens={tokens} max={snippet} />
      </p>
      {(shortcut || hit.doc.categories.length > 0) && (
        <p class="canned-row__meta">
          {shortcut && (
            <span
              class={
                hit.shortcut
                  ? 'canned-chip canned-chip--shortcut canned-chip--hit'
                  : 'canned-chip canned-chip--shortcut'
              }
            >
              #{shortcut}
            </span>
          )}
          {hit.doc.categories.map((category) => (
            <span class="canned-chip" key={category.id} dir="auto">
              <Highlighted text={category.name} tokens={tokens} />
            </span>
          ))}
        </p>
      )}
      <div class="canned-row__actions">
        <button type="button" aria-describedby={textId} onClick={onCopy} disabled={busy}>
          Copy
        </button>
        <button
          type="button"
          aria-describedby={textId}
          onClick={onInsert}
          disabled={busy || !onInsert}
          title={onInsert ? 'Put it in the SalesIQ message box' : 'Open a SalesIQ chat in this window to insert'}
        >
          Insert
        </button>
        {onSend && (
          <button type="button" aria-describedby={textId} onClick={onSend} disabled={busy}>
            Send
          </button>
        )}
        {onShortcut && (
          <button
            type="button"
            aria-describedby={textId}
            onClick={onShortcut}
            disabled={busy}
            class="canned-row__shortcut"
          >
            {shortcut ? 'Edit shortcut' : 'Add shortcut'}
          </button>
        )}
      </div>
      {children}
    </li>
  );
}

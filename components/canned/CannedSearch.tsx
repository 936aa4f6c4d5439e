import { useState } from 'preact/hooks';
import { fillPlaceholders } from '../../lib/canned/placeholders';
import type { SearchHit } from '../../lib/canned/search';
import { copyText, insertIntoConsole } from './actions';
import { Highlighted } from './Highlighted';
import { useActiveConsole } from './use-active-console';
import { useCannedData } from './use-canned-data';
import { useCannedSearch } from './use-canned-search';
import { usePlaceholderContext } from './use-placeholder-context';
import './canned.css';

const LIMIT = 5;
const SNIPPET = 140;

/**
 * The popup's quick search: type, ↑/↓, Enter. Enter inserts into the SalesIQ chat in front
 * (and closes the popup, so the operator lands there) or, with no console in front, copies.
 */
export function CannedSearch() {
  // The popup opens for the queue: the library loads only once the operator turns to search.
  const [wanted, setWanted] = useState(false);
  const data = useCannedData(wanted);
  const search = useCannedSearch(data, LIMIT);
  const consoleTab = useActiveConsole(data.session);
  const context = usePlaceholderContext(data.session, consoleTab?.location.conversationId);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>(undefined);
  const { result, active } = search;

  if (!data.portal) return null;

  async function use(hit: SearchHit, how: 'copy' | 'insert') {
    const text = fillPlaceholders(hit.doc.content, context).text;
    setStatus(undefined);
    try {
      if (how === 'insert' && consoleTab) {
        await insertIntoConsole(consoleTab.tabId, text, hit.doc.id);
        window.close();
        return;
      }
      setStatus({ text: await copyText(text, hit.doc.id) });
    } catch (caught) {
      setStatus({ text: caught instanceof Error ? caught.message : String(caught), error: true });
    }
  }

  const showResults = search.query.trim() !== '' && result;
  return (
    <section class="canned canned--compact" aria-label="Canned responses">
      <input
        type="search"
        class="canned-bar__search"
        aria-label="Search canned responses"
        placeholder={
          consoleTab ? 'Canned response: type, then Enter to insert' : 'Canned response: type, then Enter to copy'
        }
        autoComplete="off"
        spellcheck={false}
        value={search.query}
        onFocus={() => setWanted(true)}
        onInput={(event) => {
          setWanted(true);
          search.setQuery(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (search.onKey(event, (hit) => void use(hit, consoleTab ? 'insert' : 'copy'))) {
            event.preventDefault();
            event.stopPropagation();
          }
        }}
      />
      {search.query.trim() !== '' && !result && <p class="note">Searching…</p>}
      {showResults && result.hits.length === 0 && (
        <p class="note">
          {data.rows.length ? `No response matches “${search.query.trim()}”.` : 'No canned responses saved yet.'}
        </p>
      )}
      {showResults && result.hits.length > 0 && (
        <ul class="canned-results" aria-label="Matching responses">
          {result.hits.map((hit, index) => (
            <li
              key={hit.doc.id}
              class={index === active ? 'canned-row canned-row--active' : 'canned-row'}
              aria-current={index === active ? 'true' : undefined}
            >
              <p
                class="canned-row__text canned-row__text--clamp"
                id={`canned-quick-${hit.doc.id}`}
                dir="auto"
                onClick={() => search.setActive(index)}
              >
                {data.shortcuts[hit.doc.id] && (
                  <span class="canned-chip canned-chip--shortcut">#{data.shortcuts[hit.doc.id]}</span>
                )}{' '}
                <Highlighted text={hit.doc.content} tokens={result.tokens} max={SNIPPET} />
              </p>
              <div class="canned-row__actions">
                <button
                  type="button"
                  aria-describedby={`canned-quick-${hit.doc.id}`}
                  onClick={() => void use(hit, 'copy')}
                >
                  Copy
                </button>
                {consoleTab && (
                  <button
                    type="button"
                    aria-describedby={`canned-quick-${hit.doc.id}`}
                    onClick={() => void use(hit, 'insert')}
                  >
                    Insert
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p class={status?.error ? 'inline-error canned-status' : 'note canned-status'} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}

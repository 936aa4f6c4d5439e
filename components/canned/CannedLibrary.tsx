import { useEffect, useRef, useState } from 'preact/hooks';
import { fillPlaceholders } from '../../lib/canned/placeholders';
import type { SearchHit } from '../../lib/canned/search';
import { copyText, insertIntoConsole, sendToChat } from './actions';
import { CannedRow } from './CannedRow';
import { count } from './format';
import { SendConfirm } from './SendConfirm';
import { ShortcutEditor } from './ShortcutEditor';
import { SyncStatus } from './SyncStatus';
import { useActiveConsole } from './use-active-console';
import { useCannedData } from './use-canned-data';
import { useCannedSearch } from './use-canned-search';
import { usePlaceholderContext } from './use-placeholder-context';
import './canned.css';

/** Rows per step: a side panel shows a handful, and fewer rows keep each keystroke fast. */
const PAGE = 20;
const SNIPPET = 320;

interface Status {
  text: string;
  error?: boolean;
}

/**
 * The canned-response library for the side panel: search (typos forgiven, shortcuts first),
 * category filter, and per response Copy, Insert (into the SalesIQ tab in front), Send (to
 * `conversationId`, after a confirm) and a shortcut editor. Reads IndexedDB only; works offline.
 */
export function CannedLibrary({ conversationId }: { conversationId?: string }) {
  const data = useCannedData();
  const [limit, setLimit] = useState(PAGE);
  const search = useCannedSearch(data, limit);
  const consoleTab = useActiveConsole(data.session);
  const context = usePlaceholderContext(data.session, conversationId ?? consoleTab?.location.conversationId);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  const { result, active } = search;

  useEffect(() => setLimit(PAGE), [search.query, search.categoryId]);

  // Type to search: a printable key pressed anywhere in the visible library (or on the page, with
  // nothing else focused) goes to the search box, like a browser's find-as-you-type.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const box = searchBox.current;
      const target = event.target as HTMLElement | null;
      if (!box || !section.current?.getClientRects().length || target === box) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      // A space on a button presses it.
      if (event.key === ' ' && target?.tagName === 'BUTTON') return;
      box.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  useEffect(() => {
    const hit = result?.hits[active];
    if (hit) document.getElementById(rowId(hit))?.scrollIntoView({ block: 'nearest' });
  }, [active, result]);

  if (!data.loaded && !data.preview.length) {
    return (
      <p class="note" role="status">
        Loading canned responses…
      </p>
    );
  }
  if (!data.portal) return <p class="note">Sign in to use your canned responses.</p>;

  const fill = (hit: SearchHit) => fillPlaceholders(hit.doc.content, context);

  async function run(action: () => Promise<string>) {
    setStatus(undefined);
    setBusy(true);
    try {
      setStatus({ text: await action() });
    } catch (caught) {
      setStatus({ text: caught instanceof Error ? caught.message : String(caught), error: true });
    } finally {
      setBusy(false);
    }
  }

  const copy = (hit: SearchHit) => run(() => copyText(fill(hit).text, hit.doc.id));
  const insert = consoleTab
    ? (hit: SearchHit) => run(() => insertIntoConsole(consoleTab.tabId, fill(hit).text, hit.doc.id))
    : undefined;
  const primary = (hit: SearchHit) => void (insert ? insert(hit) : copy(hit));

  async function send(hit: SearchHit) {
    if (!conversationId) return;
    await run(() => sendToChat(conversationId, hit.doc.id, fill(hit).text));
    setConfirming(undefined);
  }

  return (
    <section class="canned" aria-label="Canned responses" ref={section}>
      <div class="canned-bar">
        <input
          ref={searchBox}
          type="search"
          class="canned-bar__search"
          aria-label="Search canned responses"
          placeholder="Search responses or #shortcut"
          autoComplete="off"
          spellcheck={false}
          value={search.query}
          onInput={(event) => search.setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (search.onKey(event, primary)) {
              event.preventDefault();
              event.stopPropagation();
            }
          }}
        />
        <select
          aria-label="Category"
          class="canned-bar__category"
          value={search.categoryId}
          onChange={(event) => search.setCategoryId(event.currentTarget.value)}
        >
          <option value="">All categories</option>
          {data.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <SyncStatus sync={data.sync} total={data.loaded ? data.rows.length : (data.sync?.count ?? data.preview.length)} />
      <p class={status?.error ? 'inline-error canned-status' : 'note canned-status'} role="status">
        {status?.text ?? ''}
      </p>
      {result === undefined ? (
        <p class="note" role="status">
          Preparing search…
        </p>
      ) : result.hits.length === 0 ? (
        <p class="note">{emptyText(data.rows.length, search.query, !!data.sync?.lastSuccessAt)}</p>
      ) : (
        <>
          <p class="visually-hidden" role="status">
            {count(result.total, 'response')}
          </p>
          <ul class="canned-results" aria-label="Matching responses">
            {result.hits.map((hit, index) => {
              const id = hit.doc.id;
              return (
                <CannedRow
                  key={id}
                  id={rowId(hit)}
                  hit={hit}
                  tokens={result.tokens}
                  active={index === active}
                  shortcut={data.shortcuts[id]}
                  snippet={SNIPPET}
                  busy={busy}
                  onActivate={() => search.setActive(index)}
                  onCopy={() => void copy(hit)}
                  onInsert={insert && (() => void insert(hit))}
                  onSend={conversationId ? () => setConfirming(confirming === id ? undefined : id) : undefined}
                  onShortcut={() => setEditing(editing === id ? undefined : id)}
                >
                  {editing === id && (
                    <ShortcutEditor
                      portal={data.portal!}
                      responseId={id}
                      current={data.shortcuts[id]}
                      liveIds={data.liveIds}
                      onDone={(message) => {
                        setEditing(undefined);
                        if (message) setStatus({ text: message });
                      }}
                    />
                  )}
                  {confirming === id && (
                    <SendConfirm
                      filled={fill(hit)}
                      visitorName={context.visitor?.name}
                      busy={busy}
                      onSend={() => void send(hit)}
                      onCancel={() => setConfirming(undefined)}
                    />
                  )}
                </CannedRow>
              );
            })}
          </ul>
          {result.total > result.hits.length && (
            <p class="note canned-more">
              Showing {result.hits.length} of {count(result.total, 'response')}.{' '}
              <button type="button" class="link-button" onClick={() => setLimit(limit + PAGE)}>
                Show more
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function rowId(hit: SearchHit): string {
  return `canned-${hit.doc.id}`;
}

function emptyText(rows: number, query: string, synced: boolean): string {
  if (rows === 0)
    return synced ? 'You have no canned responses in SalesIQ yet.' : 'Getting your canned responses from SalesIQ…';
  return query.trim() ? `No response matches “${query.trim()}”.` : 'No responses in this category.';
}

export default CannedLibrary;

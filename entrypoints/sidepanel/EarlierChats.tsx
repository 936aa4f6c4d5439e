import { useEffect, useRef, useState } from 'preact/hooks';
import { domId } from '../../lib/ui/format';
import { plainError } from '../../lib/ui/plain-error';
import { useLiveRead } from '../../components/use-live-read';
import { readRecord } from '../../lib/db-read';
import { attenderOf } from '../../lib/salesiq/types';
import { ask } from '../../lib/messages';
import { visibleHistory } from '../../lib/visitor/history-merge';
import { historyKey, type HistoryItem } from '../../lib/visitor/records';
import { formatDateTime, ratingText, statusWord } from './format';
import { Transcript } from './Transcript';

interface Props {
  conversationId: string;
  portal: string;
  email?: string;
  visitorId?: string;
  onRetry(): void;
}

/** The visitor's earlier conversations, newest first; more load as the end of the list scrolls into view. */
export function EarlierChats({ conversationId, portal, email, visitorId, onRetry }: Props) {
  const key = email ? historyKey(portal, email) : '';
  const read = useLiveRead(['history'], () => (key ? readRecord('history', key) : undefined), [key], null);
  const record = read && read.key !== key ? null : read; // still the previous visitor's
  const { items, hasMore } = visibleHistory(record ?? undefined, conversationId);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  const [endInView, setEndInView] = useState(false);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = end.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setEndInView(entries.some((e) => e.isIntersecting)));
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore]);

  function loadMore() {
    if (loadingMore) return;
    setLoadingMore(true);
    setMoreError('');
    void ask({ type: 'loadMoreHistory', conversationId }).then((reply) => {
      setLoadingMore(false);
      if (!reply.ok) setMoreError(plainError(reply.error));
    });
  }

  // Keep loading while the end of the list is visible; an error stops it until the button is used.
  useEffect(() => {
    if (endInView && hasMore && !loadingMore && !moreError) loadMore();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loadMore is this render's; `record` re-checks after each page
  }, [endInView, hasMore, loadingMore, moreError, record]);

  let body;
  if (!email) {
    body = <p class="note">This visitor did not leave an email address, so SalesIQ cannot link earlier chats.</p>;
  } else if (record === null) {
    body = null;
  } else if (!record?.savedAt) {
    body = record?.error ? (
      <div class="banner banner--error" role="alert">
        <p>{`Could not load earlier conversations. ${record.error.message}`}</p>
        <button type="button" class="banner__action" onClick={onRetry}>
          Retry
        </button>
      </div>
    ) : (
      <p class="note" role="status">
        Loading earlier conversations…
      </p>
    );
  } else if (!items.length && !hasMore) {
    body = <p class="note">No earlier conversations with this email address.</p>;
  } else {
    body = (
      <ul class="earlier">
        {items.map((item) => (
          <EarlierChat key={item.conversation.id} item={item} visitorId={visitorId} />
        ))}
      </ul>
    );
  }

  return (
    <section class="section" aria-labelledby="earlier-title">
      <h2 id="earlier-title">Earlier conversations</h2>
      {body}
      {email && hasMore && (
        <div class="earlier__more" ref={end}>
          <button type="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show more'}
          </button>
          {moreError && <p class="inline-error">{moreError}</p>}
        </div>
      )}
    </section>
  );
}

function EarlierChat({ item, visitorId }: { item: HistoryItem; visitorId?: string }) {
  const { conversation, feedback } = item;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const transcript = useLiveRead(
    ['transcripts'],
    () => (open ? readRecord('transcripts', conversation.id) : undefined),
    [open, conversation.id],
    null,
  );
  const regionId = domId('earlier', conversation.id);
  const operator = attenderOf(conversation)?.name;
  const summary = [statusWord(conversation.status), operator, conversation.department?.name, ratingText(feedback)]
    .filter(Boolean)
    .join(' · ');

  function toggle() {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setError('');
    void ask({ type: 'loadTranscript', conversationId: conversation.id }).then((reply) => {
      if (!reply.ok) setError(plainError(reply.error));
    });
  }

  return (
    <li class="earlier__item">
      <button type="button" class="earlier__toggle" aria-expanded={open} aria-controls={regionId} onClick={toggle}>
        <span class="earlier__date">{formatDateTime(conversation.startTime)}</span>
        <span class="earlier__summary">{summary}</span>
        {conversation.question && (
          <span class="earlier__question" dir="auto">
            {conversation.question}
          </span>
        )}
      </button>
      {open && (
        <div id={regionId} class="earlier__body">
          {feedback?.comment && (
            <p class="earlier__comment" dir="auto">
              {`Visitor's comment: ${feedback.comment}`}
            </p>
          )}
          {transcript?.savedAt ? (
            <Transcript
              messages={transcript.messages}
              visitorId={visitorId}
              label={`Transcript from ${formatDateTime(conversation.startTime)}`}
            />
          ) : error || transcript?.error ? (
            <p class="inline-error">{error || transcript?.error?.message}</p>
          ) : (
            <p class="note" role="status">
              Loading transcript…
            </p>
          )}
        </div>
      )}
    </li>
  );
}

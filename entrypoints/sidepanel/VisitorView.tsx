import { useEffect, useState } from 'preact/hooks';
import { useNow } from '../../components/clock';
import { visitorLabel } from '../../lib/ui/format';
import { plainError } from '../../lib/ui/plain-error';
import { useLiveMeta, useLiveRead } from '../../components/use-live-read';
import { readRecord, readRecords } from '../../lib/db-read';
import { ask } from '../../lib/messages';
import { placeholderContext } from '../../lib/canned/context';
import { composeBlock, composeBlockText } from '../../lib/chat/compose-rule';
import { ChatActions } from './ChatActions';
import { Composer } from './Composer';
import { OutboxItems } from './OutboxItems';
import { useOutbox } from './use-outbox';
import { ChatChooser, currentChats } from './ChatChooser';
import { EarlierChats } from './EarlierChats';
import { ago } from './format';
import { primedRecord } from './initial';
import { Transcript } from './Transcript';
import { LIVE_CHAT_REFRESH_MS, REFRESH_MS, useVisitorRefresh } from './use-refresh';
import { VisitorCard } from './VisitorCard';

interface Props {
  portal: string;
  /** The signed-in operator: the composer is open only in their connected chats. */
  me: { operatorId: string; name?: string };
  conversationId?: string;
  focusRead: boolean;
  /** Changes when the composer should take the keyboard (a notification's *Reply*, `compose=1`). */
  composeRequest: number;
  onChoose(conversationId: string): void;
}

function current<T>(record: T | undefined | null, isCurrent: (record: T) => boolean): T | undefined | null {
  return record && !isCurrent(record) ? null : record;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Chats this operator picked up here that are still going: the chooser's choices. */
async function readPickedConnected() {
  const picked = await readRecords('chats', { index: 'pickedUpAt', range: IDBKeyRange.lowerBound(0, true) });
  return picked.filter((c) => c.status === 'connected');
}

/** The Visitor tab: chooser, visitor card, this conversation, earlier conversations. Paints from the cache. */
export function VisitorView({ portal, me, conversationId, focusRead, composeRequest, onChoose }: Props) {
  const id = conversationId ?? '';
  // Right after the conversation changes a query still holds the previous one's record: treat
  // that as "not read yet" rather than show the last visitor under the new chat.
  const card = current(
    useLiveRead(['visitors'], () => (id ? readRecord('visitors', id) : undefined), [id], primedRecord('card', id)),
    (r) => r.conversationId === id,
  );
  const chat = current(
    useLiveRead(['chats'], () => (id ? readRecord('chats', id) : undefined), [id], primedRecord('chat', id)),
    (r) => r.id === id,
  );
  const transcript = current(
    useLiveRead(
      ['transcripts'],
      () => (id ? readRecord('transcripts', id) : undefined),
      [id],
      primedRecord('transcript', id),
    ),
    (r) => r.conversationId === id,
  );
  const picked = useLiveRead(['chats'], readPickedConnected, [], []);
  const conversation = card?.conversation ?? chat ?? undefined;
  const composeBlocked = conversation ? composeBlock(conversation, me.operatorId) : undefined;
  const composing = !!conversation && !composeBlocked;
  const refresh = useVisitorRefresh(conversationId, true, composing ? LIVE_CHAT_REFRESH_MS : REFRESH_MS);
  const online = useOnline();
  const [actionError, setActionError] = useState('');
  const outbox = useOutbox(id, transcript?.messages ?? [], me.operatorId);
  const [restore, setRestore] = useState<{ text: string; at: number }>();
  const [actionDone, setActionDone] = useState({ conversationId: '', text: '' });
  const chooser = (
    <ChatChooser
      chats={currentChats(picked, portal)}
      selectedId={conversationId}
      selectedLabel={conversation ? visitorLabel(conversation) : undefined}
      onChoose={onChoose}
    />
  );

  if (!focusRead) return null;
  if (!conversationId) {
    return (
      <>
        {chooser}
        <p class="empty">Pick up a chat to see who the visitor is.</p>
      </>
    );
  }
  if (!conversation) {
    if (card === null || chat === null) return chooser; // not read yet: paint nothing rather than flash "loading"
    return (
      <>
        {chooser}
        {refresh.error ? (
          <div class="banner banner--error" role="alert">
            <p>{plainError(refresh.error)}</p>
            <button type="button" class="banner__action" onClick={refresh.retry} disabled={refresh.busy}>
              Retry
            </button>
          </div>
        ) : (
          <p class="empty" role="status">
            Loading visitor details…
          </p>
        )}
      </>
    );
  }

  const savedAt = card?.savedAt || chat?.updatedAt || 0;
  const stillWaiting = !card?.savedAt && chat?.status === 'waiting';
  const failing = !!card?.error || (!!refresh.error && refresh.error.kind !== 'auth');
  const stale = !online || failing;
  const openInSalesIQ = () => {
    setActionError('');
    void ask({ type: 'openInSalesIQ', conversationId }).then((reply) => {
      if (!reply.ok) setActionError(plainError(reply.error));
    });
  };

  return (
    <>
      {chooser}
      {stale && (
        <StaleNote
          savedAt={savedAt}
          confirmedByPolls={stillWaiting}
          reason={
            !online ? 'You are offline.' : (card?.error?.message ?? (refresh.error ? plainError(refresh.error) : ''))
          }
          busy={refresh.busy}
          onRetry={refresh.retry}
        />
      )}
      <VisitorCard
        conversation={conversation}
        profile={card?.profile}
        profileState={card?.profileState}
        onOpenInSalesIQ={openInSalesIQ}
      />
      {actionError && <p class="inline-error">{actionError}</p>}
      <section class="section" aria-labelledby="this-chat-title">
        <h2 id="this-chat-title">This conversation</h2>
        {transcript?.savedAt || outbox.lines.length ? (
          <Transcript
            messages={transcript?.messages ?? []}
            visitorId={conversation.visitor.id}
            label="This conversation's messages"
          >
            {outbox.lines.length ? (
              <OutboxItems
                lines={outbox.lines}
                onRetry={outbox.retry}
                onEdit={(key) => {
                  const text = outbox.takeBack(key);
                  if (text !== undefined) setRestore({ text, at: Date.now() });
                }}
              />
            ) : null}
          </Transcript>
        ) : transcript?.error ? (
          <p class="inline-error">{`Could not load the messages. ${transcript.error.message}`}</p>
        ) : transcript === null ? null : (
          <p class="note" role="status">
            Loading messages…
          </p>
        )}
        {composing ? (
          <>
            <Composer
              portal={portal}
              visitorName={visitorLabel(conversation)}
              context={placeholderContext({ operatorName: me.name }, conversation)}
              focusRequest={composeRequest}
              restore={restore}
              onSend={outbox.send}
            />
            <ChatActions
              conversationId={conversationId}
              visitorName={visitorLabel(conversation)}
              currentDepartmentId={conversation.department?.id}
              onDone={(text) => setActionDone({ conversationId, text })}
            />
          </>
        ) : (
          composeBlocked && <p class="note composer-closed">{composeBlockText(composeBlocked)}</p>
        )}
        <p class="note" role="status">
          {outbox.notice || (actionDone.conversationId === conversationId ? actionDone.text : '')}
        </p>
      </section>
      <EarlierChats
        conversationId={conversationId}
        portal={card?.portal ?? portal}
        email={conversation.visitor.email}
        visitorId={conversation.visitor.id}
        onRetry={refresh.retry}
      />
    </>
  );
}

/** Saved data stays on screen when SalesIQ cannot be reached; this says how old it is. */
function StaleNote({
  savedAt: written,
  confirmedByPolls,
  reason,
  busy,
  onRetry,
}: {
  savedAt: number;
  confirmedByPolls: boolean;
  reason: string;
  busy: boolean;
  onRetry(): void;
}) {
  const now = useNow();
  // A waiting chat is rewritten only when it changes; each successful poll confirms it.
  const poll = useLiveMeta('poll', undefined);
  const savedAt = confirmedByPolls ? Math.max(written, poll?.lastSuccessAt ?? 0) : written;
  return (
    <div class="banner banner--warn">
      <p>
        <span role="status">
          {savedAt ? `Showing saved details from ${ago(now - savedAt)}.` : 'Showing saved details.'}
        </span>{' '}
        <span class="muted">{reason}</span>
      </p>
      <button type="button" class="banner__action" onClick={onRetry} disabled={busy}>
        Retry
      </button>
    </div>
  );
}

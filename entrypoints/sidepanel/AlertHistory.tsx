import { domId } from '../../lib/ui/format';
import { useLiveRead } from '../../components/use-live-read';
import { consoleUrl } from '../../lib/salesiq/console-url';
import { readAlertHistory, type AlertEnding, type AlertHistoryRow } from './alert-history';
import { formatDateTime, formatTime } from './format';

interface Props {
  portal: string;
  salesiqHost: string;
}

/** "Was I notified?": the latest alerts, when each was shown and escalated, and how the chat ended. */
export function AlertHistory({ portal, salesiqHost }: Props) {
  const rows = useLiveRead(['alerts', 'chats'], () => readAlertHistory(portal), [portal], undefined);
  if (rows === undefined) {
    return (
      <p class="note" role="status">
        Loading alerts…
      </p>
    );
  }
  if (!rows.length) {
    return <p class="empty">No alerts yet. Each chat you are notified about shows here, with how it ended.</p>;
  }
  return (
    <section class="section" aria-labelledby="alert-history-title">
      <h2 id="alert-history-title">Latest alerts</h2>
      <p class="note">
        The last {rows.length === 1 ? 'alert' : `${rows.length} alerts`}, newest first. They are kept as long as visitor
        history (Settings).
      </p>
      <ul class="alerts">
        {rows.map((row) => (
          <AlertRow key={row.conversationId} row={row} link={consoleUrl(salesiqHost, portal, row.conversationId)} />
        ))}
      </ul>
    </section>
  );
}

function AlertRow({ row, link }: { row: AlertHistoryRow; link: string }) {
  const nameId = domId('alert', row.conversationId);
  return (
    <li class="alerts__item" aria-labelledby={nameId}>
      <div class="alerts__head">
        <span class="alerts__visitor" id={nameId}>
          {row.visitor}
        </span>
        <span class={`alerts__ending alerts__ending--${row.ending.kind}`}>{endingText(row.ending)}</span>
      </div>
      {row.question && (
        <p class="alerts__question" dir="auto">
          {row.question}
        </p>
      )}
      <p class="alerts__times">{timesText(row)}</p>
      {row.ending.kind === 'missed' && (
        <a
          class="alerts__link"
          href={link}
          target="_blank"
          rel="noreferrer"
          aria-label={`Open the missed chat with ${row.visitor} in SalesIQ`}
        >
          Open in SalesIQ
        </a>
      )}
    </li>
  );
}

export function endingText(ending: AlertEnding): string {
  switch (ending.kind) {
    case 'mine':
      return `Picked up by you at ${formatTime(ending.at)}`;
    case 'colleague':
      return `Taken by ${ending.by ?? 'a colleague'} at ${formatTime(ending.at)}`;
    case 'missed':
      return `Missed at ${formatTime(ending.at)}`;
    case 'ended':
      return 'Left the queue unanswered';
    case 'waiting':
      return 'Not settled yet';
  }
}

function timesText(row: AlertHistoryRow): string {
  const notified = row.notifiedAt
    ? `Notified ${formatDateTime(row.notifiedAt)}`
    : `Not notified (seen waiting ${formatDateTime(row.seenAt)})`;
  return row.escalatedAt ? `${notified} · escalated ${formatTime(row.escalatedAt)}` : notified;
}

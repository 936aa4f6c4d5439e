import { usePaintMark } from '../../components/use-paint-mark';
import type { ComponentChildren } from 'preact';
import { visitorKindLabel, visitorLabel } from '../../lib/ui/format';
import { attenderOf, type Conversation, type VisitorProfile } from '../../lib/salesiq/types';
import type { ProfileState } from '../../lib/visitor/records';
import { countryName, formatDateTime, statusWord } from './format';

interface Props {
  conversation: Conversation;
  profile?: VisitorProfile;
  profileState?: ProfileState;
  onOpenInSalesIQ(): void;
}

/** Visitor text is untrusted: every value below is a text node, and dir="auto" isolates RTL text. */
function Row({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <div class="card__row">
      <dt>{label}</dt>
      <dd dir="auto">{children}</dd>
    </div>
  );
}

export function VisitorCard({ conversation, profile, profileState, onOpenInSalesIQ }: Props) {
  usePaintMark('visitor-card-painted', true);
  const { visitor } = conversation;
  const name = visitorLabel(conversation);
  return (
    <section class="card" aria-labelledby="visitor-name">
      <div class="card__head">
        <h2 id="visitor-name" class="card__name" dir="auto">
          {name}
        </h2>
        <span class="chip">{statusWord(conversation.status)}</span>
      </div>
      <dl class="card__facts">
        <Row label="Email">{visitor.email}</Row>
        <Row label="Phone">{visitor.phone}</Row>
        <Row label="Country">{countryName(visitor.countryCode) || countryName(profile?.country)}</Row>
        <Row label="IP address">{visitor.ip}</Row>
        <Row label="Type">{visitorKindLabel(visitor.kind)}</Row>
        <Row label="Channel">{visitor.channel}</Row>
        <Row label="Department">{conversation.department?.name}</Row>
        <Row label="Started">{formatDateTime(conversation.startTime)}</Row>
        <Row label="Operator">{attenderOf(conversation)?.name}</Row>
        {profile && <Row label="Lead score">{profile.leadScore}</Row>}
        {profile && <Row label="Visits">{profile.visitCount}</Row>}
        {profile && <Row label="First visit">{formatDateTime(profile.firstVisit)}</Row>}
        {profile && <Row label="Came from">{profile.source}</Row>}
      </dl>
      {conversation.question && (
        <div class="card__question">
          <h3>Question</h3>
          <p dir="auto">{conversation.question}</p>
        </div>
      )}
      {profileState === 'disabled' && <p class="note">Visitor details are not enabled for this portal.</p>}
      <div class="card__actions">
        <button type="button" onClick={onOpenInSalesIQ}>
          Open in SalesIQ
        </button>
      </div>
    </section>
  );
}

import type { Settings } from '../../lib/settings';
import { CheckboxField, NumberField } from './fields';
import { Section } from './Section';
import { useSave } from './use-save';

export function NotificationsSection({ settings }: { settings: Settings }) {
  const { status, save } = useSave();
  const quiet = settings.quietHours;
  const escalationTooLate = settings.escalateAfterSec >= settings.missedAfterSec;
  const saveQuiet = (patch: Partial<Settings['quietHours']>) => void save({ quietHours: { ...quiet, ...patch } });

  return (
    <Section id="notifications" title="Notifications" status={status}>
      <NumberField
        id="escalate-after"
        label="Escalate a waiting chat after"
        unit="seconds"
        min={5}
        max={3600}
        value={settings.escalateAfterSec}
        onSave={(escalateAfterSec) => void save({ escalateAfterSec })}
        hint={
          escalationTooLate
            ? 'This is at or after the missed deadline below, so SalesIQ will mark the chat missed before the extension escalates.'
            : 'Alert again, with sound and a notification that stays on screen, and mark the chat Urgent in the list.'
        }
      />
      <NumberField
        id="missed-after"
        label="SalesIQ missed deadline"
        unit="seconds"
        min={10}
        max={3600}
        value={settings.missedAfterSec}
        onSave={(missedAfterSec) => void save({ missedAfterSec })}
        hint="When SalesIQ marks an unanswered chat as missed; a portal setting, 60 seconds unless your admin changed it. Wait timers turn amber at a third of it."
      />
      <CheckboxField
        id="sound"
        label="Play a sound when a chat is escalated"
        checked={settings.sound}
        onSave={(sound) => void save({ sound })}
      />
      <CheckboxField
        id="reply-alerts"
        label="Reply alerts: notify me when a visitor writes in one of my chats"
        hint="Shown unless that chat is open in the SalesIQ tab you are looking at; withdrawn once you answer. Quiet hours, the sound setting and hiding visitor text apply."
        checked={settings.replyAlerts}
        onSave={(replyAlerts) => void save({ replyAlerts })}
      />

      <fieldset class="fieldset">
        <legend>Quiet hours</legend>
        <CheckboxField
          id="quiet-enabled"
          label="Silence notification sounds during quiet hours"
          checked={quiet.enabled}
          onSave={(enabled) => saveQuiet({ enabled })}
        />
        <div class="time-range">
          <div class="field">
            <label for="quiet-start">From</label>
            <input
              id="quiet-start"
              type="time"
              value={quiet.start}
              disabled={!quiet.enabled}
              onChange={(event) => event.currentTarget.value && saveQuiet({ start: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="quiet-end">To</label>
            <input
              id="quiet-end"
              type="time"
              value={quiet.end}
              disabled={!quiet.enabled}
              onChange={(event) => event.currentTarget.value && saveQuiet({ end: event.currentTarget.value })}
            />
          </div>
        </div>
        <p class="field__hint">The hours may cross midnight, for example 22:00 to 07:00.</p>
      </fieldset>

      <CheckboxField
        id="hide-visitor-text"
        label="Hide visitor names and questions in notifications"
        checked={settings.hideVisitorText}
        onSave={(hideVisitorText) => void save({ hideVisitorText })}
        hint="Useful when your screen is shared or seen by others. The popup still shows them."
      />
    </Section>
  );
}

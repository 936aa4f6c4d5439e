import type { Settings } from '../../lib/settings';
import { NumberField } from './fields';
import { Section } from './Section';
import { useSave } from './use-save';

export function PrivacySection({ settings }: { settings: Settings }) {
  const { status, save } = useSave();
  return (
    <Section id="privacy" title="Privacy" status={status}>
      <NumberField
        id="retention-days"
        label="Keep visitor history for"
        unit="days"
        min={1}
        max={90}
        value={settings.visitorRetentionDays}
        onSave={(visitorRetentionDays) => void save({ visitorRetentionDays })}
        hint="Visitor details, transcripts and past chats stored in this browser are deleted after this many days. Signing out deletes them at once."
      />
      <p class="field__hint">Everything stays in this browser: the extension talks only to your own Zoho account.</p>
    </Section>
  );
}

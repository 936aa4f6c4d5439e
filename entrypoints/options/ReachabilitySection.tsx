import { useEffect, useState } from 'preact/hooks';
import { plainError } from '../../lib/ui/plain-error';
import { TestNotificationButton } from '../../components/TestNotificationButton';
import { ask } from '../../lib/messages';
import type { ReachabilityFacts } from '../../lib/reachability/facts';
import { describeReachability, reachabilityReport } from './reachability-report';
import { Section } from './Section';

/** Checked again while the page is open, so a fix made elsewhere turns green here. */
const RECHECK_MS = 5_000;

/** "Can I be reached?": every link between a new chat and the operator noticing it, checked live. */
export function ReachabilitySection() {
  const [facts, setFacts] = useState<ReachabilityFacts>();
  const [error, setError] = useState('');
  const [copied, setCopied] = useState('');

  async function check() {
    const reply = await ask<ReachabilityFacts>({ type: 'checkReachability' });
    if (reply.ok) {
      setFacts(reply.value);
      setError('');
    } else setError(plainError(reply.error));
  }

  useEffect(() => {
    void check();
    const timer = setInterval(() => void check(), RECHECK_MS);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, []);

  async function copyReport() {
    if (!facts) return;
    try {
      await navigator.clipboard.writeText(reachabilityReport(facts));
      setCopied('Report copied. It holds no token and no visitor data; paste it into your support request.');
    } catch {
      setCopied('Could not copy: select the report below and copy it yourself.');
    }
  }

  // The popup's "Can I be reached?" link lands here: bring the section into view once it has content.
  const checked = !!facts;
  useEffect(() => {
    if (checked && location.hash === '#reachability') document.getElementById('reachability-title')?.scrollIntoView();
  }, [checked]);

  const lines = facts ? describeReachability(facts) : [];
  const problems = lines.filter((line) => !line.ok).length;
  return (
    <Section id="reachability" title="Can I be reached?" status="">
      <p class="field__hint">Everything between a visitor starting a chat and you noticing it, checked now.</p>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      {!facts && !error && <p class="muted">Checking…</p>}
      {facts && (
        <>
          <p role="status" class={problems ? 'reach__summary reach__summary--fix' : 'reach__summary'}>
            {problems ? `${problems} thing${problems === 1 ? '' : 's'} to fix.` : 'All good: new chats will reach you.'}
          </p>
          <ul class="reach">
            {lines.map((line) => (
              <li key={line.id} class={`reach__line reach__line--${line.ok ? 'ok' : 'fix'}`}>
                <span class="reach__mark" aria-hidden="true">
                  {line.ok ? '✓' : '!'}
                </span>
                <div>
                  <strong>{line.label}</strong>
                  <span class="visually-hidden">{line.ok ? ' (fine)' : ' (needs a fix)'}</span>: {line.detail}
                  {line.fix && <p class="reach__fix">Fix: {line.fix}</p>}
                </div>
              </li>
            ))}
          </ul>
          <div class="reach__actions">
            <TestNotificationButton />
            <button type="button" onClick={() => void copyReport()}>
              Copy report for support
            </button>
          </div>
          <p class="field__hint" role="status">
            {copied}
          </p>
        </>
      )}
    </Section>
  );
}

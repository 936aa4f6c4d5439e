import { browser } from 'wxt/browser';
import { ShortcutList } from '../../components/ShortcutList';
import { HOMEPAGE_URL, NOT_AFFILIATED, PRIVACY_PAGE, SUPPORT_URL } from '../../lib/project';
import { Section } from './Section';

export function AboutSection() {
  const version = browser.runtime.getManifest().version;
  return (
    <Section id="about" title="About" status="">
      <p>Operator Companion for Zoho SalesIQ, version {version}.</p>
      <ul class="about__links">
        <li>
          <a href={browser.runtime.getURL(PRIVACY_PAGE)} target="_blank">
            Privacy policy
          </a>{' '}
          <span class="muted">(inside the extension; works offline)</span>
        </li>
        <li>
          <a href={HOMEPAGE_URL} target="_blank" rel="noopener noreferrer">
            Source code
          </a>{' '}
          <span class="muted">(MIT licence)</span>
        </li>
        <li>
          <a href={SUPPORT_URL} target="_blank" rel="noopener noreferrer">
            Support and bug reports
          </a>
        </li>
      </ul>
      <h3 class="about__subhead">Keyboard shortcuts</h3>
      <ShortcutList />
      <p class="field__hint">{NOT_AFFILIATED}</p>
    </Section>
  );
}

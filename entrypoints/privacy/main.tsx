import { render } from 'preact';
import '../../components/theme.css';
import './privacy.css';
import { MarkdownText } from '../../components/MarkdownText';
// PRIVACY.md in the repository is the one text; the build copies it in, so it works offline.
import policy from '../../PRIVACY.md?raw';

render(
  <main class="privacy">
    <MarkdownText source={policy} />
  </main>,
  document.getElementById('app')!,
);

import { render } from 'preact';
import '../../components/theme.css';

function OptionsApp() {
  return (
    <main>
      <h1>Settings</h1>
    </main>
  );
}

render(<OptionsApp />, document.getElementById('app')!);

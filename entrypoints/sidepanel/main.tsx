import { render } from 'preact';
import '../../components/theme.css';

function SidePanelApp() {
  return (
    <main>
      <h1>Visitor history</h1>
      <p>Pick up a chat to see who the visitor is.</p>
    </main>
  );
}

render(<SidePanelApp />, document.getElementById('app')!);

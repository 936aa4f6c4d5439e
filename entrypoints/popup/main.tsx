import { render } from 'preact';
import '../../components/theme.css';

function PopupApp() {
  return (
    <main>
      <h1>Waiting chats</h1>
      <p>No chats are waiting.</p>
    </main>
  );
}

render(<PopupApp />, document.getElementById('app')!);

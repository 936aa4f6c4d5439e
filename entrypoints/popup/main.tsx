import { render } from 'preact';
import styles from './popup.css?inline';
import { PopupApp, signedOutView } from './App';
import { readInitial, type PopupInitial } from './initial';
import { holdRememberedHeight } from './remembered-height';

// The styles ride in the script instead of a stylesheet of their own: one file less for the
// page to fetch, and a stylesheet would hold the script back until it arrived.
const sheet = document.createElement('style');
sheet.textContent = styles;
document.head.append(sheet);

// Paint once, with data: an unreadable database still gets a page (that says "Loading…").
const reading = readInitial();
holdRememberedHeight();
// A signed-out popup paints with its sign-in view, whose code only it needs.
const paint = (initial?: PopupInitial) => render(<PopupApp initial={initial} />, document.getElementById('app')!);
void reading.then(
  (initial) =>
    initial.session?.state === 'signed-in'
      ? paint(initial)
      : signedOutView.preload().then(
          () => paint(initial),
          () => paint(initial),
        ),
  () => paint(),
);

import { render } from 'preact';
import styles from './popup.css?inline';
import { PopupApp } from './App';
import { readInitial } from './initial';
import { holdRememberedHeight } from './remembered-height';

// The styles ride in the script instead of a stylesheet of their own: one file less for the
// page to fetch, and a stylesheet would hold the script back until it arrived.
const sheet = document.createElement('style');
sheet.textContent = styles;
document.head.append(sheet);

// Paint once, with data: an unreadable database still gets a page (that says "Loading…").
const reading = readInitial();
holdRememberedHeight();
void reading.then(
  (initial) => render(<PopupApp initial={initial} />, document.getElementById('app')!),
  () => render(<PopupApp />, document.getElementById('app')!),
);

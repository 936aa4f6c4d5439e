import { render } from 'preact';
import './popup.css';
import { PopupApp } from './App';
import { readInitial } from './initial';

// Paint once, with data: an unreadable database still gets a page (that says "Loading…").
void readInitial().then(
  (initial) => render(<PopupApp initial={initial} />, document.getElementById('app')!),
  () => render(<PopupApp />, document.getElementById('app')!),
);

import { render } from 'preact';
import './sidepanel.css';
import { SidePanelApp } from './App';
import { prime } from './initial';

void prime().finally(() => render(<SidePanelApp />, document.getElementById('app')!));

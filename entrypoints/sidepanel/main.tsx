import { render } from 'preact';
import '../../components/theme.css';
import '../../components/ui.css';
import './sidepanel.css';
import { SidePanelApp } from './App';
import { prime } from './initial';

void prime().finally(() => render(<SidePanelApp />, document.getElementById('app')!));

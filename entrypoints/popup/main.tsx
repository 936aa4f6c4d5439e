import { render } from 'preact';
import '../../components/theme.css';
import '../../components/ui.css';
import './popup.css';
import { PopupApp } from './App';

render(<PopupApp />, document.getElementById('app')!);

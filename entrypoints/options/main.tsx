import { render } from 'preact';
import '../../components/theme.css';
import '../../components/ui.css';
import './options.css';
import { OptionsApp } from './App';

render(<OptionsApp />, document.getElementById('app')!);

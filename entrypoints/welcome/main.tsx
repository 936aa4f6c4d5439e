import { render } from 'preact';
import './welcome.css';
import { WelcomeApp } from './App';

render(<WelcomeApp />, document.getElementById('app')!);

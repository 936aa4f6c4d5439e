import { startFirefox } from './drivers/firefox';
import { runScenarios } from './scenarios/index';

// The shared browser scenarios in Firefox ESR with the unchanged Firefox build
// (`npm run build:firefox`); tests/e2e/scenarios.e2e.ts runs the same ones in Chromium.
runScenarios('Firefox', startFirefox, ['stopBackground', 'panelUrl']);

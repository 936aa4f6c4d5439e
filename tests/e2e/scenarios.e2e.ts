import { startChromium } from '../browser/drivers/chromium';
import { runScenarios } from '../browser/scenarios/index';

// The shared browser scenarios (tests/browser/scenarios) in Chromium with the Chrome store build;
// tests/browser/firefox.e2e.ts runs the same ones in Firefox.
// Playwright's clicks leave the active tab alone, so a console page stays active beside the panel page.
runScenarios('Chromium', startChromium, ['panelBesideActiveTab']);

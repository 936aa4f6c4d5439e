/**
 * Every shared browser scenario, and the one way a test file runs them in a browser: a fresh
 * simulator and browser per scenario (each starts signed out, with its own chats), closed after.
 */
import { describe, it } from 'vitest';
import type { Ability, StartDriver } from '../driver';
import { lifecycleScenarios } from './lifecycle';
import { queueScenarios } from './queue';
import { sidePanelScenarios } from './side-panel';
import { signInScenarios } from './sign-in';
import type { Scenario } from './support';

const scenarioGroups: Record<string, Scenario[]> = {
  'sign-in': signInScenarios,
  queue: queueScenarios,
  'side panel': sidePanelScenarios,
  lifecycle: lifecycleScenarios,
};

export function runScenarios(browserName: string, start: StartDriver, abilities: Ability[]): void {
  for (const [group, scenarios] of Object.entries(scenarioGroups)) {
    describe(`${browserName}: ${group}`, () => {
      for (const scenario of scenarios) {
        // e.g. Chromium's worker cannot be stopped while Playwright is attached: reported as skipped.
        const test = (scenario.needs ?? []).every((ability) => abilities.includes(ability)) ? it : it.skip;
        test(scenario.name, async () => {
          const driver = await start(scenario.simulator);
          try {
            await scenario.run(driver);
          } finally {
            await driver.close();
          }
        });
      }
    });
  }
}

/**
 * Shared pieces of the browser scenarios: what a scenario is, signing in, simulator lookups.
 */
import { expect } from 'vitest';
import type { SimulatorOptions } from '../../simulator/types';
import type { Ability, Driver, UiPage } from '../driver';
import { sessionState } from '../extension-state';

export { readRecord, sessionState, storeCount } from '../extension-state';

export interface Scenario {
  name: string;
  /** Simulator options for this scenario's world (each scenario gets a fresh browser and simulator). */
  simulator?: SimulatorOptions;
  /** Driver abilities the scenario needs (e.g. stopping Firefox's event page). */
  needs?: Ability[];
  run(driver: Driver): Promise<void>;
}

/** Generous deadlines: a poll is 4.2 s while Available, and the machine is shared. */
export const POLL = { timeout: 20_000, interval: 200 } as const;

/** Opens the popup, clicks "Sign in with Zoho" and waits for the signed-in session. */
export async function signInFromPopup(driver: Driver): Promise<UiPage> {
  const popup = await driver.openPage('popup');
  await popup.click('button', 'Sign in with Zoho');
  await expect.poll(() => sessionState(driver), POLL).toBe('signed-in');
  return popup;
}

export function chatStatus(driver: Driver, chatId: string) {
  return driver.sim.state().conversations.find((c) => c.conversation.id === chatId)?.conversation;
}

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSimulator } from '../simulator/index';
import type { Simulator, SimulatorOptions } from '../simulator/types';
import { recordInPage, sessionStateInPage, storeCountInPage } from '../browser/extension-state';
import { launchExtension, waitFor, type ExtensionSession, type LaunchOptions } from './harness';

/**
 * A test world: the Zoho simulator plus Chromium running the store build mapped to it.
 * Tests drive the extension as an operator would: through the popup and options pages.
 */
export interface World {
  sim: Simulator;
  ext: ExtensionSession;
  relaunch(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(
  options: SimulatorOptions = {},
  browser: Pick<LaunchOptions, 'desktopWindow' | 'args'> = {},
): Promise<World> {
  // No seed chat by default: each test adds the chats it talks about.
  const sim = await startSimulator({ port: 0, seedChat: false, ...options });
  const world: World = {
    sim,
    ext: await launchExtension({ zohoPort: sim.port, ...browser }),
    async relaunch() {
      world.ext = await world.ext.relaunch();
    },
    async close() {
      await world.ext.close().catch(() => undefined);
      await sim.close();
    },
  };
  return world;
}

export async function openPopup(ext: ExtensionSession): Promise<Page> {
  const page = await ext.openPage('popup');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** Click "Sign in with Zoho" in the popup and wait until the queue shows. */
export async function signIn(world: World, { expectSignedIn = true } = {}): Promise<Page> {
  const popup = await openPopup(world.ext);
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  if (expectSignedIn) await expect.poll(() => sessionState(world.ext), { timeout: 15_000 }).toBe('signed-in');
  return popup;
}

/** The session record the background wrote, read from the extension's IndexedDB via the worker. */
export async function sessionState(ext: ExtensionSession): Promise<string | undefined> {
  return ext.worker.evaluate(sessionStateInPage);
}

/** Number of records in an IndexedDB store of the extension. */
export async function storeCount(ext: ExtensionSession, store: string): Promise<number> {
  return ext.worker.evaluate(storeCountInPage, store);
}

export async function badgeText(ext: ExtensionSession): Promise<string> {
  return ext.worker.evaluate(() => browser.action.getBadgeText({}));
}

export async function badgeTitle(ext: ExtensionSession): Promise<string> {
  return ext.worker.evaluate(() => browser.action.getTitle({}));
}

export async function notificationIds(ext: ExtensionSession): Promise<string[]> {
  return ext.worker.evaluate(async () => Object.keys(await browser.notifications.getAll()));
}

export function salesiqRequests(sim: Simulator) {
  return sim.requests().filter((r) => r.kind === 'salesiq');
}

export { waitFor };

/** One record of an IndexedDB store of the extension (e.g. the alert log), read via the worker. */
export async function readRecord<T = Record<string, unknown>>(
  ext: ExtensionSession,
  store: string,
  key: string,
): Promise<T | undefined> {
  return (await ext.worker.evaluate(recordInPage, [store, key] as const)) as T | undefined;
}

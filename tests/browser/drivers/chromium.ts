/**
 * The Chromium driver: Playwright with Debian's Chromium and the unchanged Chrome store build,
 * launched by the existing e2e harness (tests/e2e/harness.ts).
 */
import type { Page } from 'playwright-core';
import { startSimulator } from '../../simulator/index';
import { launchExtension, type ExtensionSession } from '../../e2e/harness';
import type { Driver, Name, Role, StartDriver, UiPage } from '../driver';
import { textMatches } from './find-by-role';

const FIND_TIMEOUT_MS = 15_000;

function byRole(page: Page, role: Role, name?: Name) {
  return page.getByRole(role, name === undefined ? {} : { name, exact: typeof name === 'string' });
}

function uiPage(page: Page): UiPage {
  return {
    async click(role, name, within) {
      const scope = within
        ? page.getByRole(within.role, { name: within.name, exact: typeof within.name === 'string' }).first()
        : page;
      const target = scope.getByRole(role, { name, exact: typeof name === 'string' }).first();
      await target.click({ timeout: FIND_TIMEOUT_MS });
    },
    count: (role, name) => byRole(page, role, name).count(),
    text: () => page.locator('body').innerText(),
    hasText: async (wanted) => textMatches(await page.locator('body').innerText(), wanted),
    async fill(role, name, text) {
      const field = byRole(page, role, name).first();
      await field.fill('', { timeout: FIND_TIMEOUT_MS });
      await field.pressSequentially(text);
    },
    value: (role, name) => byRole(page, role, name).first().inputValue({ timeout: FIND_TIMEOUT_MS }),
    press: (key) => page.keyboard.press(key),
    listTexts: (listName) =>
      page
        .getByRole('list', { name: listName, exact: typeof listName === 'string' })
        .getByRole('listitem')
        .allInnerTexts(),
    url: () => page.url(),
    close: () => page.close(),
  };
}

export const startChromium: StartDriver = async (options = {}) => {
  const sim = await startSimulator({ port: 0, seedChat: false, ...options });
  let ext: ExtensionSession = await launchExtension({ zohoPort: sim.port });

  const driver: Driver = {
    browserName: 'chromium',
    sim,
    get redirectUri() {
      return `https://${ext.extensionId}.chromiumapp.org/`;
    },
    async openPage(name, query = '') {
      const page = await ext.openPage(name, query);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: FIND_TIMEOUT_MS });
      return uiPage(page);
    },
    async openUrl(url, { role, name }) {
      const page = await ext.context.newPage();
      await page.goto(url);
      await byRole(page, role, name).first().waitFor({ timeout: FIND_TIMEOUT_MS });
      return uiPage(page);
    },
    async nextPage(action) {
      const opened = ext.context.waitForEvent('page');
      await action();
      return uiPage(await opened);
    },
    async tabUrls() {
      return ext.context.pages().map((p) => p.url());
    },
    badge: () =>
      ext.worker.evaluate(async () => ({
        text: await browser.action.getBadgeText({}),
        title: await browser.action.getTitle({}),
      })),
    notifications: () => ext.worker.evaluate(async () => Object.keys(await browser.notifications.getAll())),
    async clickNotification(id) {
      // Headless Chromium shows no notification to click; its own event dispatch runs the
      // extension's listener exactly as the desktop's click would.
      const shown = await driver.notifications();
      if (!shown.includes(id)) throw new Error(`No notification ${id} on screen to click`);
      await ext.worker.evaluate(
        (nid) => (browser.notifications.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(nid),
        id,
      );
    },
    evaluate: (fn, arg) => ext.worker.evaluate(fn as (a: unknown) => never, arg),
    async restart() {
      ext = await ext.relaunch();
    },
    // No stopBackground: Chromium's worker cannot be stopped while Playwright is attached to it.
    async close() {
      await ext.close().catch(() => undefined);
      await sim.close();
    },
  };
  return driver;
};

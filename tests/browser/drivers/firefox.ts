/**
 * The Firefox driver: firefox-esr with the unchanged Firefox build, puppeteer-core over WebDriver
 * BiDi (see tests/browser/firefox/launch.ts for the recipe and its traps).
 */
import { createHash } from 'node:crypto';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startSimulator } from '../../simulator/index';
import type { Driver, Name, Role, StartDriver, UiPage } from '../driver';
import { clickAlert } from '../firefox/alerts-stand-in';
import { closeFirefox, geckoId, launchFirefox, type FirefoxSession } from '../firefox/launch';
import { nameQuery, queryByRole, textMatches, type RoleQuery } from './find-by-role';

const FIND_TIMEOUT_MS = 15_000;

/**
 * queryByRole's source as a page expression. Under tsx (benchmarks, demo) esbuild keeps function
 * names by wrapping them in `__name(…)`, a helper the page does not have: give it a no-op one.
 */
function roleQuery(query: RoleQuery): string {
  return `((__name) => (${queryByRole.toString()})(${JSON.stringify(query)}))((target) => target)`;
}

async function findOne(page: Page, query: RoleQuery, what: string): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + FIND_TIMEOUT_MS;
  for (;;) {
    const handle = await page.evaluateHandle(`${roleQuery(query)}[0] ?? null`);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (element) return element;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`No ${what} on ${page.url()} after ${FIND_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function uiPage(page: Page): UiPage {
  const describe = (role: Role, name: Name) => `${role} "${String(name)}"`;
  // A background tab is not rendered: its content-visibility:auto rows are skipped (no text, and
  // clicks miss). Every step brings the page to the front first, as the operator looks at it.
  const front = () => page.bringToFront();
  const text = async () => {
    await front();
    return page.evaluate(() => document.body.innerText);
  };
  return {
    async click(role, name, within) {
      await front();
      const scope = within ? { within: { role: within.role, name: nameQuery(within.name) } } : {};
      const element = await findOne(page, { role, name: nameQuery(name), ...scope }, describe(role, name));
      await element.click();
    },
    async count(role, name) {
      await front();
      const query: RoleQuery = { role, ...(name === undefined ? {} : { name: nameQuery(name) }) };
      return page.evaluate(`${roleQuery(query)}.length`) as Promise<number>;
    },
    text,
    hasText: async (wanted) => textMatches(await text(), wanted),
    async fill(role, name, value) {
      await front();
      const element = await findOne(page, { role, name: nameQuery(name) }, describe(role, name));
      await element.evaluate((el) => {
        (el as HTMLInputElement).value = '';
        (el as HTMLInputElement).focus();
      });
      await element.type(value);
    },
    async value(role, name) {
      await front();
      const element = await findOne(page, { role, name: nameQuery(name) }, describe(role, name));
      return element.evaluate((el) => (el as HTMLInputElement).value);
    },
    async press(key) {
      await front();
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    },
    async listTexts(listName) {
      await front();
      const query: RoleQuery = { role: 'listitem', within: { role: 'list', name: nameQuery(listName) } };
      return page.evaluate(`${roleQuery(query)}.map((el) => el.innerText)`) as Promise<string[]>;
    },
    url: () => page.url(),
    close: () => page.close(),
  };
}

/** Firefox's identity.getRedirectURL(): https://<sha1 of the add-on id>.extensions.allizom.org/. */
function firefoxRedirectUri(): string {
  const hash = createHash('sha1').update(geckoId()).digest('hex');
  return `https://${hash}.extensions.allizom.org/`;
}

export const startFirefox: StartDriver = async (options = {}) => {
  const sim = await startSimulator({ port: 0, seedChat: false, ...options });
  let session: FirefoxSession = await launchFirefox({ zohoPort: sim.port });
  // Extension-API reads run in an options page kept open for them: it sends the background
  // nothing by itself, so it neither wakes the event page nor changes the polling cadence.
  let probe: Page | undefined;
  const probePage = async () => (probe ??= await session.openExtensionPage('options.html', 'h1'));

  const driver: Driver = {
    browserName: 'firefox',
    sim,
    redirectUri: firefoxRedirectUri(),
    async openPage(name, query = '') {
      return uiPage(await session.openExtensionPage(`${name}.html${query}`, 'h1'));
    },
    async openUrl(url, { role, name }) {
      const page = await session.browser.newPage();
      await page.goto(url);
      await findOne(page, { role, name: nameQuery(name) }, `${role} "${String(name)}"`);
      return uiPage(page);
    },
    async nextPage(action) {
      const opened = new Promise<Page>((resolve) => {
        session.browser.once(
          'targetcreated',
          (target: { page(): Promise<Page | null> }) => void target.page().then((p) => p && resolve(p)),
        );
      });
      await action();
      const page = await opened;
      await page.waitForSelector('body > *', { timeout: 15_000 });
      return uiPage(page);
    },
    async tabUrls() {
      return (await session.browser.pages()).map((p) => p.url());
    },
    async badge() {
      return (await probePage()).evaluate(async () => ({
        text: await browser.action.getBadgeText({}),
        title: await browser.action.getTitle({}),
      }));
    },
    async notifications() {
      return (await probePage()).evaluate(async () => Object.keys(await browser.notifications.getAll()));
    },
    async clickNotification(id) {
      if (!(await clickAlert(session.chrome, id))) throw new Error(`No notification ${id} on screen to click`);
    },
    async evaluate(fn, arg) {
      return (await probePage()).evaluate(fn as (a: unknown) => never, arg);
    },
    async restart() {
      await closeFirefox(session, { keepProfile: true });
      probe = undefined;
      session = await launchFirefox({ zohoPort: sim.port, profileDir: session.profileDir });
    },
    async stopBackground() {
      // What Firefox's idle timer calls after 30 s without events (ext-backgroundPage.js).
      const state = await session.chrome<string>(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId())});
        await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return String(extension.backgroundState);
      })()`);
      if (state !== 'stopped') throw new Error(`The event page did not stop (state ${state})`);
    },
    async panelUrl() {
      // The sidebar of the front window (browser-sidebar.js); an extension's panel page lives in
      // the inner browser of webext-panels.xhtml.
      return session.chrome<string | undefined>(`(() => {
        const sidebar = globalThis.SidebarController;
        if (!sidebar?.isOpen || sidebar.currentID !== ${JSON.stringify(`${widgetId(geckoId())}-sidebar-action`)}) return undefined;
        return sidebar.browser?.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec;
      })()`);
    },
    async close() {
      await closeFirefox(session);
      await sim.close();
    },
  };
  return driver;
};

/** Firefox's makeWidgetId (ExtensionCommon): the add-on id lower-cased, other than [a-z0-9_-] → "_". */
function widgetId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

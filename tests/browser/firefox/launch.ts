/**
 * Debian's firefox-esr running the unchanged Firefox build (`npm run build:firefox`), driven by
 * puppeteer-core over WebDriver BiDi. Why puppeteer and not Playwright: Playwright 1.65's
 * Firefox-over-BiDi mode fails on Firefox 153 (`emulation.setMediaFeaturesOverride: unknown
 * command`), and its own patched Firefox cannot be installed here (`playwright install` is off
 * limits). Recipe verified on these machines (Firefox ESR 153, puppeteer-core 25):
 * - The add-on is installed *permanently* from an archive (BiDi `webExtension.install` with
 *   `moz:permanent`), so it survives a browser restart; unsigned archives need
 *   `xpinstall.signatures.required=false`, which ESR honours.
 * - Its address is fixed with `extensions.webextensions.uuids`, so pages are `moz-extension://<uuid>/…`.
 * - Firefox has no `--host-resolver-rules`: `network.dns.localDomains` sends every Zoho host to
 *   127.0.0.1 and `network.socket.forcePort` sends port 443 to the simulator's port.
 *   `acceptInsecureCerts` covers the simulator's test certificate (background fetches and sign-in).
 * - `--remote-allow-system-access` lets the driver open extension pages and evaluate in the
 *   browser's chrome scope (needed for the notification stand-in and to stop the event page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { allZohoHosts } from '../../simulator/hosts';
import { installRecordingAlerts } from './alerts-stand-in';
import { assertFreshBuild } from '../../build-freshness';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../../..');
const FIREFOX_BUILD_DIR = join(ROOT, '.output/firefox-mv3');
/** Any fixed uuid: the extension's pages live at moz-extension://<this>/. */
const EXTENSION_UUID = '5f1c2a9e-8d3b-4c6e-9a7f-0b1d2e3c4f50';

function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** The add-on id from the build's manifest (browser_specific_settings.gecko.id). */
export function geckoId(): string {
  const manifestPath = join(assertFreshBuild(FIREFOX_BUILD_DIR, 'npm run build:firefox'), 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

let archive: string | undefined;
/** The build folder as an unsigned .xpi (web-ext's own packer), made once per test process. */
function buildArchive(): string {
  if (archive && existsSync(archive)) return archive;
  const dir = mkdtempSync(join(tmpdir(), 'oc-xpi-'));
  execFileSync(
    join(ROOT, 'node_modules/.bin/web-ext'),
    [
      'build',
      '--source-dir',
      FIREFOX_BUILD_DIR,
      '--artifacts-dir',
      dir,
      '--filename',
      'operator-companion.xpi',
      '--overwrite-dest',
    ],
    {
      stdio: 'ignore',
    },
  );
  archive = join(dir, 'operator-companion.xpi');
  return archive;
}

export interface FirefoxSession {
  browser: Browser;
  profileDir: string;
  extensionOrigin: string;
  /** A BiDi command as is (puppeteer has no API for the chrome scope or permanent installs). */
  bidi<T = Record<string, unknown>>(method: string, params: object): Promise<T>;
  /** Evaluates an expression in the browser's chrome scope (a browser window) and returns its JSON value. */
  chrome<T>(expression: string): Promise<T>;
  /** Opens an extension page in a new tab and waits until `selector` is in it. */
  openExtensionPage(path: string, selector?: string): Promise<Page>;
}

export interface FirefoxLaunchOptions {
  zohoPort: number;
  profileDir?: string;
  headless?: boolean;
  /** Replace the desktop's notification service with the recording stand-in (default: yes; headless has none). */
  recordAlerts?: boolean;
}

export async function launchFirefox(options: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const id = geckoId();
  const fresh = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'oc-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    userDataDir: profileDir,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 400, height: 640 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
      'network.dns.localDomains': allZohoHosts().join(','),
      'network.socket.forcePort': `443=${options.zohoPort}`,
    },
  });
  const connection = (browser as unknown as { connection: unknown }).connection as {
    send(method: string, params: object): Promise<{ result?: unknown }>;
  };
  const bidi = async <T>(method: string, params: object): Promise<T> => {
    const answer = await connection.send(method, params);
    return (answer.result ?? answer) as T;
  };
  const chrome = async <T>(expression: string): Promise<T> => {
    const tree = await bidi<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('No chrome-scope browsing context: is --remote-allow-system-access set?');
    const answer = await bidi<{ type: string; result?: { value?: string }; exceptionDetails?: { text?: string } }>(
      'script.evaluate',
      {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      },
    );
    if (answer.type === 'exception') throw new Error(`chrome scope: ${answer.exceptionDetails?.text ?? 'exception'}`);
    const value = answer.result?.value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  };
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const session: FirefoxSession = {
    browser,
    profileDir,
    extensionOrigin,
    bidi,
    chrome,
    async openExtensionPage(path, selector = 'body > *') {
      const page = await browser.newPage();
      // An extension page never reports "load" to the driver: do not wait for it, wait for content.
      await page.goto(`${extensionOrigin}/${path}`, { waitUntil: [] });
      await page.waitForSelector(selector, { timeout: 15_000 });
      return page;
    },
  };
  // Before the add-on starts on a fresh profile, so its first notification already has a service.
  if (options.recordAlerts ?? true) await installRecordingAlerts(chrome);
  if (fresh) {
    await bidi('webExtension.install', {
      extensionData: { type: 'archivePath', path: buildArchive() },
      'moz:permanent': true,
    });
  }
  return session;
}

/** Closes the browser; removes the profile unless it is kept for a restart. */
export async function closeFirefox(session: FirefoxSession, { keepProfile = false } = {}): Promise<void> {
  await session.browser.close().catch(() => undefined);
  if (!keepProfile) rmSync(session.profileDir, { recursive: true, force: true });
}

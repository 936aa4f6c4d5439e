import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from './chromium-path';
import { assertFreshBuild } from '../build-freshness';
import { DATA_CENTRES } from '../../lib/salesiq/data-centres';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export const STORE_BUILD_DIR = resolve(HERE, '../../.output/chrome-mv3');

export interface LaunchOptions {
  /** Port of a local HTTPS server that answers for every Zoho host (the simulator). */
  zohoPort?: number;
  /** Reuse a profile to test a browser restart. */
  userDataDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** A visible window (the demo on a machine with a display); tests are always headless. */
  headless?: boolean;
  /**
   * A desktop-sized window on a desktop-sized screen instead of a 400 × 640 page viewport. The
   * toolbar popup is laid out inside the browser window: a small window clips it to 280 px wide.
   */
  desktopWindow?: boolean;
  /**
   * A fresh profile is a new install, so the extension opens its welcome tab. Tests close it
   * (after it appeared) so every other page is opened on purpose; the onboarding tests keep it.
   */
  keepWelcomePage?: boolean;
  /** Device pixels per CSS pixel (the store screenshots use 2 for crisp text). */
  deviceScaleFactor?: number;
  /** Unpacked extensions loaded beside the store build (a benchmark's control extension). */
  extraExtensionDirs?: string[];
}

const DESKTOP_WINDOW_ARGS = ['--window-size=1280,800', '--screen-info={0,0 1600x1000}'];

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  openPage(name: 'popup' | 'sidepanel' | 'options' | 'offscreen', query?: string): Promise<Page>;
  /** Close the browser and start it again on the same profile, like a user restarting Chrome. */
  relaunch(): Promise<ExtensionSession>;
  close(): Promise<void>;
}

/** The registrable domains behind every Zoho DC host, e.g. "zoho.com", "zohocloud.ca". */
function zohoDomains(): string[] {
  const domains = DATA_CENTRES.map((dc) => dc.accountsHost.replace(/^accounts\./, ''));
  return [...new Set(domains)];
}

/** Chromium flags that send every Zoho host to 127.0.0.1:port and accept its test certificate. */
export function zohoMappingArgs(port: number): string[] {
  const rules = zohoDomains().map((domain) => `MAP *.${domain} 127.0.0.1:${port}`);
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

/**
 * The flags every browser test's Chromium runs with, besides the extension's; the background bench
 * launches Chromium without Playwright and uses them too.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertStoreBuild(): string {
  return assertFreshBuild(STORE_BUILD_DIR, 'npm run build');
}

/** Launch Debian Chromium with the unchanged store build loaded, as the platform notes describe. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = [assertStoreBuild(), ...(options.extraExtensionDirs ?? [])].join(',');
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'oc-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: options.headless === false || options.desktopWindow ? null : { width: 400, height: 640 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.zohoPort ? zohoMappingArgs(options.zohoPort) : []),
      ...(options.desktopWindow ? DESKTOP_WINDOW_ARGS : []),
      ...(options.args ?? []),
    ],
  });
  // The store build's worker (a control extension beside it has a worker of its own).
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL(worker.url()).host;
  if (ownsProfile && !options.keepWelcomePage) await (await welcomePage(context)).close();

  const session: ExtensionSession = {
    context,
    worker,
    extensionId,
    userDataDir,
    async openPage(name, query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html${query}`);
      return page;
    },
    async relaunch() {
      await context.close();
      return launchExtension({ ...options, userDataDir });
    },
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The tab the extension opens on install; fails loudly when it never comes. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const find = () => context.pages().find((page) => page.url().endsWith('/welcome.html'));
  return waitFor(find, (page): page is Page => !!page, {
    timeoutMs: 15_000,
    what: 'the welcome page',
  }) as Promise<Page>;
}

/** Poll a condition until it holds or the deadline passes; the last value is in the error. */
export async function waitFor<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

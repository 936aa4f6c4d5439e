/**
 * Debian Chromium with the unchanged store build, started without Playwright, so that no DevTools
 * client is attached unless the caller connects one. Playwright's persistent context attaches to
 * every target, the extension's service worker included, and enables Network and Runtime there:
 * each request the worker makes becomes CDP events that the browser process serialises over the
 * pipe, and a worker with a DevTools session never sleeps. A figure for the background's cost
 * measured that way is mostly the harness. The same flags as the browser tests' launchExtension.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Target } from 'puppeteer-core';
import { CHROMIUM_ARGS, assertStoreBuild, zohoMappingArgs } from '../e2e/harness';
import { chromiumPath } from '../e2e/chromium-path';

export interface UntetheredChromium {
  userDataDir: string;
  extensionId: string;
  /** A DevTools client (puppeteer-core); disconnect it before a window that must run untouched. */
  connect(): Promise<Browser>;
  close(): Promise<void>;
}

const isOurWorker = (t: Target) => t.type() === 'service_worker' && t.url().endsWith('/background.js');

/** The extension's service worker target; waits for the worker to be started (an alarm, a page). */
export function ourWorker(browser: Browser, timeout = 45_000): Promise<Target> {
  return browser.waitForTarget(isOurWorker, { timeout });
}

/**
 * `extraExtensionDirs`: unpacked extensions loaded beside the store build (a bench's control
 * extension, tests/bench/control-extension.ts).
 */
export async function launchUntethered(
  zohoPort: number,
  extraExtensionDirs: string[] = [],
): Promise<UntetheredChromium> {
  const extensionDir = [assertStoreBuild(), ...extraExtensionDirs].join(',');
  const userDataDir = mkdtempSync(join(tmpdir(), 'oc-profile-'));
  const child = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...zohoMappingArgs(zohoPort),
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  const endpoint = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4_000);
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new Error(`Chromium exited before DevTools listened:\n${stderr}`)));
    setTimeout(() => reject(new Error(`Chromium did not open DevTools in 30 s:\n${stderr}`)), 30_000).unref();
  });
  const close = async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const browserWSEndpoint = await endpoint;
    const connect = () => puppeteer.connect({ browserWSEndpoint, defaultViewport: null });
    const devtools = await connect();
    const extensionId = new URL((await ourWorker(devtools, 20_000)).url()).host;
    // A fresh profile is a new install: the extension opens its welcome tab; close it.
    const welcome = await devtools.waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 15_000 });
    await (await welcome.page())?.close();
    await devtools.disconnect();
    return { userDataDir, extensionId, connect, close };
  } catch (error) {
    await close();
    throw error;
  }
}

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Which Chromium the demo, the browser tests and the store screenshots drive: Debian's, or
 * CHROMIUM_PATH. Branded Google Chrome (137 and later) no longer loads unpacked extensions with
 * --load-extension, so it has to be Chromium or Chrome for Testing (Chromium extensions PSA
 * "Removing --load-extension flag in Chrome branded builds", groups.google.com/a/chromium.org).
 */
const DEFAULT_PATH = '/usr/bin/chromium';

function configuredPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_PATH;
}

function osId(): string {
  if (process.platform !== 'linux') return process.platform;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^ID=("?)([\w.-]+)\1$/m.exec(release)?.[2] ?? 'linux';
  } catch {
    return 'linux';
  }
}

/** The exact command for this system, in words. */
export function installHint(system = osId()): string {
  const chromeForTesting =
    'or Chrome for Testing: "npx @puppeteer/browsers install chrome@stable", then set CHROMIUM_PATH to the path it prints';
  const commands: Record<string, string> = {
    debian: 'sudo apt-get install -y chromium',
    ubuntu: 'sudo snap install chromium, then CHROMIUM_PATH=/snap/bin/chromium',
    fedora: 'sudo dnf install -y chromium',
    arch: 'sudo pacman -S chromium',
    darwin: 'brew install --cask chromium, then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium',
  };
  const command = commands[system];
  return `${command ? `Install it with "${command}", ` : ''}${chromeForTesting}. Google Chrome itself will not do: it no longer loads unpacked extensions from the command line.`;
}

/** The Chromium to launch. Missing means a loud failure with the fix, never a silent skip. */
export function chromiumPath(): string {
  const path = configuredPath();
  if (!existsSync(path)) throw new Error(`Chromium was not found at ${path}. ${installHint()}`);
  return path;
}

/**
 * For `npm run demo`: where Chromium is missing and this machine can install it (Debian as root,
 * as .ci/run does), install it and say so; elsewhere stop with the exact command.
 */
export function ensureChromium(log: (line: string) => void): string {
  const path = configuredPath();
  if (existsSync(path)) return path;
  const canInstall =
    !process.env.CHROMIUM_PATH &&
    osId() === 'debian' &&
    process.getuid?.() === 0 &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) return chromiumPath(); // throws with the command for this system
  log('Chromium is not installed: installing Debian\'s "chromium" package with apt-get (running as root)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  return chromiumPath();
}

import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Screenshots show Japanese text and emoji (the simulator's visitors): without fonts for them
 * Chromium draws boxes. On Debian/Ubuntu as root the fonts are installed here; elsewhere the
 * exact command is named and the store command stops.
 */
const PACKAGES = ['fonts-noto-cjk', 'fonts-noto-color-emoji'];

function installedFamilies(): string {
  const result = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : '';
}

function missingFonts(families = installedFamilies()): string[] {
  const missing: string[] = [];
  if (!/Noto Sans CJK|Noto Serif CJK/i.test(families)) missing.push('fonts-noto-cjk');
  if (!/Noto Color Emoji/i.test(families)) missing.push('fonts-noto-color-emoji');
  return missing;
}

export function ensureFonts(log: (line: string) => void): void {
  const missing = missingFonts();
  if (!missing.length) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `The screenshots need fonts for Japanese text and emoji (${missing.join(', ')}). Install them with ` +
        `"sudo apt-get install -y ${PACKAGES.join(' ')}" (Debian/Ubuntu), "sudo dnf install -y google-noto-sans-cjk-fonts google-noto-emoji-color-fonts" (Fedora), ` +
        `or your system's Noto CJK and Noto Color Emoji fonts, then run this again.`,
    );
  }
  log(`Installing fonts for the screenshots: ${missing.join(' ')} (apt-get, as root)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  execFileSync('fc-cache', ['-f'], { stdio: 'ignore' });
  const still = missingFonts();
  if (still.length) throw new Error(`Fonts still missing after installing: ${still.join(', ')}.`);
}

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { checkText, readListingText } from '../../tools/store/check';
import { pngSize, readPng, transparentBorder, writeOpaquePng } from '../../tools/store/png';
import { compareTrees } from '../../tools/store/source-build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The permissions the Chrome manifest asks for, from the same config the build uses. */
async function chromePermissions(): Promise<string[]> {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => {
    permissions: string[];
  };
  return manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }).permissions;
}

describe('the store listing text', () => {
  it('fits every store’s published limits and justifies each permission', async () => {
    expect(checkText(readListingText(ROOT), await chromePermissions())).toEqual([]);
  });

  it('flags a summary over 132 characters, a missing justification and a missing disclaimer', async () => {
    const text = readListingText(ROOT);
    const justifications = new Map(text.justifications);
    justifications.delete('alarms');
    const problems = checkText(
      {
        ...text,
        summary: 'x'.repeat(133),
        description: text.description.replace(/not affiliated with/gi, ''),
        justifications,
      },
      await chromePermissions(),
    );
    expect(problems).toContain('The summary (chrome) is 133 characters; at most 132.');
    expect(problems).toContain('No justification for "alarms" in store-listing/permissions.md.');
    expect(problems).toContain('The description must say the extension is not affiliated with Zoho.');
  });

  it('counts an emoji as one character, as the stores do', () => {
    const text = readListingText(ROOT);
    expect(
      checkText(
        { ...text, summary: '🇳'.repeat(132) },
        [...text.justifications.keys()].filter((k) => k !== 'host permissions'),
      ),
    ).toEqual([]);
  });
});

describe('store images', () => {
  it('writes opaque 24-bit PNGs and finds a transparent border', () => {
    const rgba = Buffer.alloc(4 * 4 * 4); // 4×4, all transparent
    rgba.set([10, 20, 30, 255], (1 * 4 + 1) * 4); // one opaque pixel inside
    const png = writeOpaquePng({ width: 4, height: 4, rgba });
    expect(pngSize(png)).toEqual({ width: 4, height: 4, colorType: 2 });
    const back = readPng(png);
    expect([...back.rgba.subarray((1 * 4 + 1) * 4, (1 * 4 + 1) * 4 + 4)]).toEqual([10, 20, 30, 255]);
    expect(transparentBorder({ width: 4, height: 4, rgba, colorType: 6 }, 1)).toBe(true);
    rgba[3] = 255;
    expect(transparentBorder({ width: 4, height: 4, rgba, colorType: 6 }, 1)).toBe(false);
  });
});

describe('the source rebuild comparison', () => {
  it('names each file that differs, is missing, or is extra', () => {
    const base = mkdtempSync(join(tmpdir(), 'oc-compare-'));
    try {
      for (const [dir, files] of [
        ['a', { 'x.js': '1', 'chunks/y.js': '2', 'gone.js': '3' }],
        ['b', { 'x.js': '1', 'chunks/y.js': '2!', 'extra.js': '4' }],
      ] as const) {
        mkdirSync(join(base, dir, 'chunks'), { recursive: true });
        for (const [file, body] of Object.entries(files)) writeFileSync(join(base, dir, file), body);
      }
      expect(compareTrees(join(base, 'a'), join(base, 'a'))).toEqual([]);
      expect(compareTrees(join(base, 'a'), join(base, 'b')).sort()).toEqual([
        'chunks/y.js: different bytes',
        'extra.js: only in the rebuild',
        'gone.js: missing from the rebuild',
      ]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('the demo’s Chromium hint', () => {
  it('names the exact command per system and warns off branded Chrome', async () => {
    const { installHint } = await import('../e2e/chromium-path');
    expect(installHint('debian')).toContain('"sudo apt-get install -y chromium"');
    expect(installHint('ubuntu')).toContain('snap install chromium');
    expect(installHint('darwin')).toContain('brew install --cask chromium');
    for (const system of ['debian', 'win32', 'freebsd']) {
      expect(installHint(system)).toContain('npx @puppeteer/browsers install chrome@stable');
      expect(installHint(system)).toMatch(/Google Chrome itself will not do/);
      expect(installHint(system)).not.toMatch(/playwright install/);
    }
  });
});

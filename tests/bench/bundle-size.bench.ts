import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Metrics } from './report';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const BUILD = resolve(HERE, '../../.output/chrome-mv3');
const OUTPUT = resolve(HERE, '../../.output');

const STATIC_IMPORT = /(?:import|from)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/**
 * Every JS file a page or script loads: its entry scripts and, transitively, their static
 * imports; with `lazy`, also what they import later (the popup loads Dexie and the canned search
 * right after its first paint, so they count as JS the popup loads).
 */
export function loadedScripts(entries: string[], { lazy = false } = {}): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const matches = [...code.matchAll(STATIC_IMPORT), ...(lazy ? code.matchAll(DYNAMIC_IMPORT) : [])];
    for (const match of matches) {
      const spec = match[1]!;
      queue.push(spec.startsWith('/') ? join(BUILD, spec) : resolve(dirname(file), spec));
    }
  }
  return [...seen];
}

function pageScripts(html: string): string[] {
  const source = readFileSync(join(BUILD, html), 'utf8');
  const refs = [...source.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)];
  return refs.map((m) => (m[1]!.startsWith('/') ? join(BUILD, m[1]!) : resolve(BUILD, m[1]!)));
}

function gzipKb(files: string[]): number {
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return round(bytes / 1024, 1);
}

export default async function bundleSize(): Promise<Metrics> {
  const zip = readdirSync(OUTPUT).find((f) => f.endsWith('-chrome.zip'));
  if (!zip) throw new Error('No Chrome zip in .output: the bench runner runs "npm run zip" first.');
  return {
    popup_js_gz_kb: {
      value: gzipKb(loadedScripts(pageScripts('popup.html'), { lazy: true })),
      unit: 'kB',
      target: 45,
      better: 'lower',
    },
    popup_first_paint_js_gz_kb: {
      value: gzipKb(loadedScripts(pageScripts('popup.html'))),
      unit: 'kB',
      target: 25,
      better: 'lower',
    },
    background_js_gz_kb: {
      value: gzipKb(loadedScripts([join(BUILD, 'background.js')], { lazy: true })),
      unit: 'kB',
      target: 60,
      better: 'lower',
    },
    chrome_zip_kb: {
      value: round(statSync(join(OUTPUT, zip)).size / 1024, 1),
      unit: 'kB',
      target: 300,
      better: 'lower',
    },
  };
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * AMO rebuilds the Firefox package from the sources zip and compares. This does the same: unzip
 * the sources into an empty folder, `npm ci`, build, and compare every file with the package we
 * built here. Returns the files that differ (empty: byte-identical).
 */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

export function compareTrees(expectedDir: string, actualDir: string): string[] {
  const expected = listFiles(expectedDir);
  const actual = new Set(listFiles(actualDir));
  const differences: string[] = [];
  for (const file of expected) {
    if (!actual.has(file)) differences.push(`${file}: missing from the rebuild`);
    else if (!readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file)))) differences.push(`${file}: different bytes`);
    actual.delete(file);
  }
  for (const extra of actual) differences.push(`${extra}: only in the rebuild`);
  return differences;
}

export function rebuildFromSources(sourcesZip: string, builtDir: string, log: (line: string) => void): string[] {
  const work = mkdtempSync(join(tmpdir(), 'oc-sources-'));
  try {
    execFileSync('unzip', ['-q', sourcesZip, '-d', work]);
    log(`Rebuilding from ${sourcesZip} in ${work} (npm ci, then the Firefox build)…`);
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], env });
    const rebuilt = join(work, '.output/firefox-mv3');
    if (!statSync(rebuilt, { throwIfNoEntry: false })?.isDirectory()) return ['the rebuild wrote no .output/firefox-mv3'];
    return compareTrees(builtDir, rebuilt);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

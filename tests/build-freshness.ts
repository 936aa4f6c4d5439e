import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
/** What goes into a build: a change to any of these makes `.output` stale. */
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json', 'PRIVACY.md'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/**
 * Browser tests load the built extension, never the sources: a build older than the sources
 * would pass or fail for code that is no longer there. Throws with the command that fixes it.
 */
export function assertFreshBuild(buildDir: string, buildCommand: string): string {
  const manifest = join(buildDir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`No build at ${buildDir}: run "${buildCommand}" first.`);
  const builtAt = statSync(manifest).mtimeMs;
  const changed = SOURCES.map((source) => [source, newestChange(join(ROOT, source))] as const).find(
    ([, at]) => at > builtAt,
  );
  if (changed) throw new Error(`The build at ${buildDir} is older than ${changed[0]}: run "${buildCommand}" first.`);
  return buildDir;
}

// `npm run bench`: build the store packages, run every tests/bench/*.bench.ts, print a table and
// write bench-results.json. Figures only: no pass/fail on timing, these machines are shared.
// Each bench runs in a process of its own: one bench's leftovers (a simulator holding 10,000
// canned responses, a browser still shutting down) must not weigh on the next one's timings.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printTable, writeReport, type Metrics } from './report';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const root = resolve(HERE, '../..');
const args = process.argv.slice(2);

if (args[0] === '--one') {
  // Child mode: run one bench file and hand its metrics back through a file.
  const [, file, out] = args as [string, string, string];
  const module = await import(pathToFileURL(resolve(HERE, file)).href);
  writeFileSync(out, JSON.stringify(await module.default()));
  process.exit(0);
}

const filter = args;
// Benches left out of the default run (it must stay under 15 minutes); name one to run it:
// `npm run bench -- shift` (about 12 minutes on its own), `npm run bench -- firefox-queue` (5),
// `npm run bench -- hostile` (1.5: a count, not a timing; tests/e2e/hostile.e2e.ts asserts the
// same corpus in every `npm test`).
const ONLY_WHEN_NAMED = ['shift.bench.ts', 'firefox-queue.bench.ts', 'hostile.bench.ts'];
execSync('npm run --silent zip', { cwd: root, stdio: 'inherit' });

const files = readdirSync(HERE)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (filter.length ? filter.some((name) => f.includes(name)) : !ONLY_WHEN_NAMED.includes(f)))
  .sort();

const metrics: Metrics = {};
const failed: string[] = [];
const started = Date.now();
const scratch = mkdtempSync(resolve(tmpdir(), 'bench-'));
try {
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const benchStarted = Date.now();
    const out = resolve(scratch, `${file}.json`);
    // The same node, with the same loader flags (tsx) this runner was started with.
    try {
      execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', file, out], {
        stdio: 'inherit',
      });
    } catch {
      // One bench's failure (its error is printed above) must not lose the others' figures.
      failed.push(file);
      continue;
    }
    Object.assign(metrics, JSON.parse(readFileSync(out, 'utf8')) as Metrics);
    console.log(`  (${file}: ${Math.round((Date.now() - benchStarted) / 1000)} s)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log('');
printTable(metrics);
console.log(`\n${files.length} benches in ${Math.round((Date.now() - started) / 1000)} s (after the build)`);
const out = resolve(root, 'bench-results.json');
// A run of some benches (`npm run bench -- shift`) updates their figures and keeps the others'.
const earlier: Metrics = filter.length && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Metrics) : {};
writeReport(out, { ...earlier, ...metrics });
console.log(`\nWrote ${out}`);
if (failed.length) {
  console.error(`\nFailed, no figures: ${failed.join(', ')}`);
  process.exitCode = 1;
}

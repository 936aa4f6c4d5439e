// `npm run bench`: build the store packages, run every tests/bench/*.bench.ts, print a table and
// write bench-results.json. Figures only: no pass/fail on timing, these machines are shared.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printTable, writeReport, type Metrics } from './report';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const root = resolve(HERE, '../..');
const filter = process.argv.slice(2);

execSync('npm run --silent zip', { cwd: root, stdio: 'inherit' });

const files = readdirSync(HERE)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter.length || filter.some((name) => f.includes(name)))
  .sort();

const metrics: Metrics = {};
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const module = await import(pathToFileURL(resolve(HERE, file)).href);
  Object.assign(metrics, await module.default());
}

console.log('');
printTable(metrics);
const out = resolve(root, 'bench-results.json');
writeReport(out, metrics);
console.log(`\nWrote ${out}`);

#!/usr/bin/env node
// `npm test`: every check, in the order CI needs them, with one honest closing line.
// Test counts come from vitest's JSON reports; each non-test step (typecheck, lint, format,
// unused code, builds) counts as one check. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs a subset
const wanted = (...names) => !only.length || names.some((name) => only.includes(name));
const summary = [];
let passed = 0;
let failed = 0;
let skipped = 0;
/** Each failed test by name, and each browser test that passed only on its second try. */
const failures = [];
const flaky = [];

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

/** `needed`: run it for the sake of these later suites too (a browser suite never tests a stale build). */
function check(name, command, args, needed = []) {
  if (!wanted(name, ...needed)) return true;
  const { ok, seconds } = run(command, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)`);
  return ok;
}

const firstLine = (text = '') => text.split('\n')[0].slice(0, 300);

function suite(name, args) {
  if (only.length && !only.includes(name)) return;
  const report = `${RESULTS}/${name}.json`;
  const { ok, seconds } = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  if (!existsSync(report)) {
    failed += 1;
    summary.push(`FAIL ${name}: the runner crashed before writing ${report}`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no test results but still failed: count it.
  const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const suitePassed = json.numPassedTests;
  const suiteFailed = json.numFailedTests + brokenFiles + (ok || json.numFailedTests + brokenFiles > 0 ? 0 : 1);
  const suiteSkipped = json.numPendingTests + json.numTodoTests;
  const flakyBefore = flaky.length;
  for (const file of json.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.assertionResults.length === 0)
      failures.push(`${name} ${where}: ${firstLine(file.message)}`);
    for (const test of file.assertionResults) {
      // A test that passed with errors recorded failed a first try (the browser suites retry once).
      if (test.status === 'failed')
        failures.push(`${name} ${where} › ${test.title}: ${firstLine(test.failureMessages[0])}`);
      else if (test.status === 'passed' && test.failureMessages.length)
        flaky.push(`${name} ${where} › ${test.title}: ${firstLine(test.failureMessages[0])}`);
    }
  }
  passed += suitePassed;
  failed += suiteFailed;
  skipped += suiteSkipped;
  summary.push(
    `${suiteFailed ? 'FAIL' : 'ok  '} ${name}: ${suitePassed} passed, ${suiteFailed} failed, ${suiteSkipped} skipped` +
      `${flaky.length > flakyBefore ? ` (${flaky.length - flakyBefore} passed only on a second try)` : ''} (${seconds.toFixed(1)} s)`,
  );
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
// House rules (ARCHITECTURE.md): lint with the runtime-boundary zones, formatting, unused code.
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.']);
check('knip', 'npx', ['knip']);
suite('unit', []);
// The browser suites load .output, so they always build first: `npm test -- e2e` included.
const built = check('build', 'npm', ['run', '--silent', 'build'], ['e2e']);
if (built) suite('e2e', ['--config', 'tests/e2e/vitest.config.ts']);
else if (wanted('e2e')) {
  failed += 1;
  summary.push('FAIL e2e: not run, the store build failed');
}
if (check('build:firefox', 'npm', ['run', '--silent', 'build:firefox'], ['lint:firefox', 'e2e-firefox'])) {
  check('lint:firefox', 'npm', ['run', '--silent', 'lint:firefox']);
  // The same browser scenarios as e2e, in Firefox ESR on the unchanged Firefox build.
  suite('e2e-firefox', ['--config', 'tests/browser/vitest.firefox.config.ts']);
} else if (wanted('lint:firefox', 'e2e-firefox')) {
  failed += 1;
  summary.push('FAIL e2e-firefox: not run, the Firefox build failed');
}

console.log('\nSummary');
for (const line of summary) console.log(`  ${line}`);
// Named here, just above the closing line, so a log that keeps only its tail still says which.
for (const line of failures) console.log(`  failed: ${line}`);
for (const line of flaky) console.log(`  passed on its second try (flaky, counted as passed): ${line}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

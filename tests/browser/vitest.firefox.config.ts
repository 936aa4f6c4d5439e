import { defineConfig } from 'vitest/config';

// Browser tests in Firefox ESR (puppeteer-core over WebDriver BiDi) on the Firefox build.
// One file, one browser at a time: two cores, and each scenario starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    // A real browser on a shared 2-core machine: one retry absorbs a scheduling hiccup, and
    // tests/run-all.mjs names every test that needed it, so a flake is reported, never hidden.
    retry: 1,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the store build. One file at a time: two cores, and every
// file starts its own browser and simulator.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A real browser on a shared 2-core machine: one retry absorbs a scheduling hiccup, and
    // tests/run-all.mjs names every test that needed it, so a flake is reported, never hidden.
    retry: 1,
    pool: 'forks',
  },
});

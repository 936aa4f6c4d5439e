import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the store build. One file at a time: two cores, and every
// file starts its own browser and simulator.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: logic against fakeBrowser and fake-indexeddb, plus the simulator's contract tests.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/simulator/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    restoreMocks: true,
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests that go through browser APIs: they run once more, built as for Firefox. */
const BROWSER_API_TESTS = [
  'tests/unit/capture-handlers.test.ts',
  'tests/unit/capture-problems.test.ts',
  'tests/unit/capture-target.test.ts',
  'tests/unit/capture-turn.test.ts',
  'tests/unit/full-page.test.ts',
  'tests/unit/menus.test.ts',
  'tests/unit/signal-records.test.ts',
  'tests/unit/storage-full.test.ts',
  'tests/unit/worker-restart.test.ts',
];

const shared = { setupFiles: ['tests/unit/setup.ts'], environment: 'node' as const, restoreMocks: true };

export default defineConfig({
  test: {
    projects: [
      { plugins: [WxtVitest()], test: { ...shared, name: 'chrome', include: ['tests/unit/**/*.test.ts'] } },
      {
        plugins: [WxtVitest({ browser: 'firefox', manifestVersion: 3 })],
        test: { ...shared, name: 'firefox', include: BROWSER_API_TESTS },
      },
    ],
  },
});

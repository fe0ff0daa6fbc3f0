import { defineConfig } from '@playwright/test';

// The Firefox smoke test: the Firefox build in Debian's Firefox ESR, driven through WebDriver
// BiDi with puppeteer-core (tests/firefox/firefox.ts); Playwright only runs and reports it.
export default defineConfig({
  testDir: 'tests/firefox',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
});

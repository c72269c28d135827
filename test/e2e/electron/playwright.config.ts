import { defineConfig } from '@playwright/test';

/**
 * The real desktop app under Playwright's `_electron` (app.spec.ts). It runs wherever an Electron binary
 * is present and reports itself skipped, with the reason, where it is not (our build machines).
 * `npx playwright test --config test/e2e/electron/playwright.config.ts` (`npm run test:electron`).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  // Why 90 s: the first start restores state and starts the local bucket; uploads wait on real I/O.
  timeout: 90_000,
  reporter: [['list']],
  outputDir: '../../../.tmp/e2e-electron-results',
});

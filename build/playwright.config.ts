import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/helpers/chromium.js';

/**
 * End-to-end tests: the built `dropsign web` (out/, `npm run build`) driven through Debian's Chromium.
 * `npm test` runs them after Vitest with `--reporter=list,json` (the JSON report feeds its summary line).
 */
export default defineConfig({
  testDir: '../test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: '../test/e2e/helpers/check-built.ts',
  outputDir: '../.tmp/playwright-results',
  // One browser at a time: each spec file starts its own `dropsign web`, and 2-core machines are common.
  workers: 1,
  forbidOnly: process.env['CI'] !== undefined,
  // Why 30 s: the slowest test uploads about 40 MiB through the real stack and reloads once (about 5 s here).
  timeout: 30_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: process.env['HEADED'] === undefined,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
});

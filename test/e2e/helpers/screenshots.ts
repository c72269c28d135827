/**
 * Screenshots of a screen in both themes, kept as test artifacts: attached to the test's report and
 * written to `.tmp/playwright-results/screenshots/NAME-light.png` and `NAME-dark.png`. The page follows
 * the OS theme by default, so emulating `prefers-color-scheme` switches it the way a user's OS would.
 */
import type { Page, TestInfo } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/cli-path.js';

/** Where every spec's screenshots go (next to Playwright's other results, outside any one test's folder). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.tmp', 'playwright-results', 'screenshots');

/** Takes `name` in light, then dark, then puts the page back in light. */
export async function screenshotBothThemes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    await testInfo.attach(`${name}-${colorScheme}`, { path: file, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

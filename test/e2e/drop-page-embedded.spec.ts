/**
 * A drop page for the bucket the app starts with: `dropsign web` runs the embedded local bucket, an upload
 * link to it is made with its page, and the page, opened from disk in Chromium (origin "null"), uploads
 * through it. The embedded bucket allows exactly that (PUT from pages opened from disk), so a new user can
 * try a drop page before configuring any cloud account.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDropsign } from '../helpers/run-dropsign.js';
import { startWebWithLocalBucket, type WebWithBucket } from './helpers/web-with-bucket.js';

let web: WebWithBucket;

test.beforeAll(async () => {
  web = await startWebWithLocalBucket();
});

test.afterAll(async () => {
  expect(await web.stop()).toBe(0);
});

test('a drop page for the app’s own bucket, opened from disk, uploads to it byte for byte', async ({ page }) => {
  const file = path.join(web.host.dataDir, 'drop-here.html');
  const made = await runDropsign(['link', 'put', 'inbox/from-page.bin', '--profile', 'local', '--endpoint', web.local.endpoint, '--page', file, '--json'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: path.dirname(web.host.dataDir), DROPSIGN_DATA_DIR: web.host.dataDir },
  });
  expect(made.code, made.stderr).toBe(0);

  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('#drop-page')).toHaveAttribute('data-state', 'ready');
  const bytes = randomBytes(64 * 1024);
  await page.setInputFiles('#file-input', { name: 'notes.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.locator('#drop-page')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#status-detail')).toHaveText(/^ETag: "[0-9A-F]{32}"$/);

  const download = await runDropsign(['link', 'get', 'inbox/from-page.bin', '--profile', 'local', '--endpoint', web.local.endpoint, '--json'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: path.dirname(web.host.dataDir), DROPSIGN_DATA_DIR: web.host.dataDir },
  });
  expect(download.code, download.stderr).toBe(0);
  const got = await fetch((JSON.parse(download.stdout) as { url: string }).url);
  expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
});

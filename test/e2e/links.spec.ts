/**
 * Links to hand to others, end to end in browser mode: the built `dropsign web`, its link screens in
 * Chromium, the embedded local bucket behind the built-in `local` profile. A recipient is played by Node's
 * fetch, sending exactly what the screen says to send (and, once, what it says not to).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openSocket } from '../integration/web-host/socket-client.js';
import { startDropsignWeb, type DropsignWeb } from './helpers/dropsign-web.js';
import { screenshotBothThemes } from './helpers/screenshots.js';

/** The 8-byte PNG signature and a little more: what the recipient uploads. */
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

let host: DropsignWeb;
test.beforeAll(async () => {
  host = await startDropsignWeb();
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

/** What the result screen hands over: the URL, and the headers the recipient must send. */
interface ShownLink {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** Reads the link and its headers off the result screen. */
async function shownLink(page: Page): Promise<ShownLink> {
  await expect(page.getByTestId('link-result')).toBeVisible();
  const url = await page.getByTestId('link-url').inputValue();
  const headers: Record<string, string> = {};
  for (const row of await page.getByTestId('link-header').all()) {
    const name = await row.getAttribute('data-name');
    if (name !== null) headers[name] = (await row.getByTestId('header-value').textContent()) ?? '';
  }
  return { url, headers };
}

/** Opens the link form and waits until the default profile's limits are in (the Create button works). */
async function openLinkForm(page: Page): Promise<void> {
  await page.goto(`${host.url}#/links/new`);
  await expect(page.getByRole('heading', { name: 'New link' })).toBeVisible();
  await expect(page.getByTestId('create-link')).toBeEnabled();
}

/** Fills in an upload link for `folder/name` locked to `contentType`, in the form already open. */
async function fillUploadLink(page: Page, folder: string, name: string, contentType: string): Promise<void> {
  await page.getByLabel('Folder (key prefix)').fill(folder);
  await page.getByLabel('File name', { exact: true }).fill(name);
  await page.getByLabel('Lock Content-Type').fill(contentType);
}

test('an upload link made on screen takes exactly the headers it shows, and a download link made on screen serves the bytes', async ({ page }, testInfo) => {
  await openLinkForm(page);
  await expect(page.getByLabel('Profile')).toHaveValue('local');
  await expect(page.getByRole('radio', { name: /Let someone upload \(PUT\)/ })).toBeChecked();
  await fillUploadLink(page, 'e2e', 'pixel.png', 'image/png');
  await expect(page.getByTestId('key-preview')).toHaveText('Key: e2e/pixel.png');
  await screenshotBothThemes(page, testInfo, 'links-form');

  await page.getByTestId('create-link').click();
  await expect(page.getByRole('heading', { name: 'Upload link ready' })).toBeFocused();
  const upload = await shownLink(page);
  expect(upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropsign\/e2e\/pixel\.png\?/);
  expect(upload.headers).toEqual({ 'content-type': 'image/png' });
  await expect(page.getByTestId('countdown')).toContainText(/Expires in (59 min \d+ s|1 h)/);
  await expect(page.getByTestId('snippet-curl')).toContainText('content-type: image/png');
  await expect(page.getByTestId('qr-code')).toBeVisible();
  await screenshotBothThemes(page, testInfo, 'links-result');

  // The recipient sends exactly the shown headers: the upload is taken.
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: PNG_BYTES });
  expect(put.status).toBe(200);

  // Another link from the same form: a download of what was just uploaded.
  await page.getByTestId('make-another').click();
  await expect(page.getByLabel('File name', { exact: true })).toHaveValue('pixel.png');
  await page.getByRole('radio', { name: /Let someone download \(GET\)/ }).check();
  await page.getByRole('radio', { name: '15 min' }).check();
  await page.getByTestId('create-link').click();
  await expect(page.getByRole('heading', { name: 'Download link ready' })).toBeVisible();
  const download = await shownLink(page);
  expect(download.headers).toEqual({});
  const got = await fetch(download.url);
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
});

test('the issued links list shows links made here, and exports them as CSV', async ({ page }, testInfo) => {
  // Two links made through the contract (as another window of the app would), then the list.
  const control = await openSocket(host.origin, host.token);
  try {
    for (const request of [
      { method: 'PUT', key: 'e2e/listed-upload.bin', contentType: 'application/octet-stream', expiresInSeconds: 900 },
      { method: 'GET', key: 'e2e/listed-download.bin', expiresInSeconds: 3600 },
    ]) {
      expect(await control.call('links:create', [request])).toMatchObject({ ok: true });
    }
  } finally {
    await control.close();
  }
  await page.goto(`${host.url}#/links`);
  await expect(page.getByRole('heading', { name: 'Issued links' })).toBeVisible();
  const listed = page.locator('[data-testid="issued-link"][data-key="e2e/listed-upload.bin"]');
  await expect(listed).toHaveCount(1);
  await expect(listed.getByTestId('issued-status')).toHaveText('Active');
  await expect(listed).toContainText('Upload');
  await expect(listed).toContainText('local');
  await expect(page.locator('[data-testid="issued-link"][data-key="e2e/listed-download.bin"]')).toContainText('Download');
  await expect(page.getByTestId('revocation-help')).toContainText('A presigned link cannot be revoked');
  await screenshotBothThemes(page, testInfo, 'links-issued');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('e2e/listed-upload.bin');
  expect(csv).toContain('e2e/listed-download.bin');
});

test('the inspector explains why an upload with another Content-Type was refused', async ({ page }, testInfo) => {
  await openLinkForm(page);
  await fillUploadLink(page, 'e2e', 'refused.png', 'image/png');
  await page.getByTestId('create-link').click();
  const link = await shownLink(page);

  // The recipient sends text/plain to a link locked to image/png: the bucket refuses.
  const refused = await fetch(link.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'not a picture' });
  expect(refused.status).toBe(403);
  const answer = await refused.text();
  expect(answer).toContain('SignatureDoesNotMatch');

  await page.getByTestId('nav-inspect').click();
  await page.getByLabel('Presigned link').fill(link.url);
  await page.getByLabel('What did the recipient get back? (optional)').fill(answer);
  await page.getByTestId('inspect-submit').click();
  const explained = page.getByTestId('inspect-answer');
  await expect(explained).toBeVisible();
  await expect(explained).toContainText(/Content-Type/i);
  await expect(explained).toContainText('text/plain');
  await expect(explained).toContainText('image/png');
  await expect(page.getByTestId('verification')).toHaveAttribute('data-kind', 'valid');
  await expect(page.getByTestId('verification')).toContainText('profile local');
  await screenshotBothThemes(page, testInfo, 'links-inspector');
});

/**
 * The profiles, history and settings screens end to end, in browser mode against the embedded local
 * bucket: a profile made in the form for the local bucket passes its test, one with a wrong secret is
 * explained; an uploaded file is found in History by search and its link copied; the theme and the
 * language follow the settings and survive a reload. Screenshots of each screen in both themes.
 *
 * The host runs without an OS keychain here (Playwright runs outside the private keyring session), so the
 * profiles keep their secrets in the encrypted file, whose passphrase the host gets from its environment.
 */
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { openSocket, type TestSocket } from '../integration/web-host/socket-client.js';
import { dropFiles } from './helpers/drop-files.js';
import { startDropsignWeb, type DropsignWeb } from './helpers/dropsign-web.js';
import { localBucketOf, type LocalBucket } from './helpers/local-bucket-keys.js';
import { screenshotBothThemes } from './helpers/screenshots.js';

/** The encrypted secret store's passphrase variable (electron/core/secrets/encrypted-file-secret-store.ts). */
const PASSPHRASE_VARIABLE = 'DROPSIGN_SECRETS_PASSPHRASE';

/** The page's globals this file uses, typed here because the tests' TypeScript has no DOM library. */
interface BrowserGlobals {
  readonly navigator: { readonly clipboard: { readText(): Promise<string> } };
}


let host: DropsignWeb;
let control: TestSocket;
let local: LocalBucket;

/** A call over the test's own contract socket that must succeed; resolves its value. */
async function call<T>(channel: string, args: unknown[] = []): Promise<T> {
  const result = (await control.call(channel, args)) as { ok: boolean; value?: T };
  expect(result, `${channel} answered ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  return result.value as T;
}

test.beforeAll(async () => {
  process.env[PASSPHRASE_VARIABLE] = 'end-to-end passphrase for profiles';
  try {
    host = await startDropsignWeb();
  } finally {
    delete process.env[PASSPHRASE_VARIABLE];
  }
  control = await openSocket(host.origin, host.token);
  local = await localBucketOf(host, control);
});

test.afterAll(async () => {
  await control.close();
  expect(await host.stop()).toBe(0);
});

/** Opens a screen from the section list. */
async function openSection(page: Page, section: 'profiles' | 'history' | 'settings'): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
}

/** Fills the new-profile form for the local bucket, with `secret`, and saves and tests it. */
async function addLocalBucketProfile(page: Page, name: string, secret: string): Promise<void> {
  await page.getByTestId('add-profile').click();
  await page.getByLabel('Name (required)').fill(name);
  await page.getByLabel('Region (required)').fill('cn-hangzhou');
  await page.getByLabel('Endpoint', { exact: true }).selectOption('custom');
  await page.getByLabel('Endpoint address (required)').fill(local.endpoint);
  await page.getByLabel('Addressing style').selectOption('path');
  await page.getByLabel('Bucket (required)').fill(local.bucket);
  await page.getByLabel('AccessKey ID (required)').fill(local.accessKeyId);
  await page.getByLabel('AccessKey secret (required)').fill(secret);
  await page.getByLabel('Keep the secret in').selectOption('encrypted-file');
}

test('a profile for the local bucket passes its test, and one with a wrong secret is explained', async ({ page }, testInfo) => {
  test.slow();
  await page.goto(host.url);
  await openSection(page, 'profiles');
  await expect(page.getByRole('heading', { name: 'Profiles', level: 1 })).toBeVisible();
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
  const keychain = (await call<{ keychain: { kind: string } }>('app:info')).keychain;
  if (keychain.kind !== 'available') await expect(page.getByTestId('keychain-note')).toBeVisible();
  await screenshotBothThemes(page, testInfo, 'profiles-list');

  await addLocalBucketProfile(page, 'lb', local.accessKeySecret);
  // The secret is written, never shown: a password field, and nothing echoes it.
  await expect(page.getByLabel('AccessKey secret (required)')).toHaveAttribute('type', 'password');
  await screenshotBothThemes(page, testInfo, 'profile-editor');
  await page.getByTestId('save-and-test').click();
  await expect(page.getByTestId('editor-status')).toHaveText('The profile “lb” was saved. It is now the default profile.');
  const passed = page.getByTestId('probe-report');
  await expect(passed).toHaveAttribute('data-outcome', 'passed');
  await expect(passed.getByRole('status')).toHaveText('Test passed');
  await expect(page).toHaveURL(/#\/profiles\/edit\/lb$/);
  await expect(page.getByLabel('AccessKey secret (optional)')).toHaveValue('');
  await screenshotBothThemes(page, testInfo, 'profile-test-passed');

  await page.getByTestId('back-to-profiles').click();
  await addLocalBucketProfile(page, 'lb-wrong', `${local.accessKeySecret}x`);
  await page.getByTestId('save-and-test').click();
  const failed = page.getByTestId('probe-report');
  await expect(failed).toHaveAttribute('data-failure', 'wrongSecret');
  await expect(failed.getByRole('status')).toHaveText('Test failed: wrong secret');
  await expect(failed).toContainText('Edit the profile and enter the secret that was issued with this AccessKey ID.');
  await expect(failed.locator('[data-check="secret"]')).toHaveAttribute('data-state', 'failed');
  await screenshotBothThemes(page, testInfo, 'profile-test-failed');

  // The list knows both, the first one saved as the default, with their secrets in the encrypted file.
  await page.getByTestId('back-to-profiles').click();
  const row = page.locator('[data-testid="profile-row"][data-name="lb"]');
  await expect(row.getByTestId('default-badge')).toBeVisible();
  await expect(row.getByTestId('secret-status')).toHaveText('Encrypted file');
  await row.getByTestId('test-profile').click();
  await expect(page.getByRole('region', { name: 'Test result of lb' }).getByRole('status')).toHaveText('Test passed');
});

test('an uploaded file is found in History by search, and its copied link serves it', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const name = `history-${randomBytes(4).toString('hex')}.txt`;
  const bytes = Buffer.from(`found again through the history: ${name}\n`);
  await page.goto(host.url);
  await dropFiles(page, page.getByTestId('drop-zone'), [{ name, mimeType: 'text/plain', buffer: bytes }]);
  await expect.poll(async () => (await call<{ entries: unknown[] }>('history:list', [{ text: name }])).entries.length).toBe(1);

  await openSection(page, 'history');
  await expect(page.getByTestId('history-entry').first()).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill(name.slice(0, 12));
  const rows = page.getByTestId('history-entry');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-name', name);
  await screenshotBothThemes(page, testInfo, 'history');

  await rows.first().getByTestId('copy-link').click();
  await expect(rows.first().getByTestId('copy-link')).toHaveText('Copied');
  const copied = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
  expect(copied).toBe(await rows.first().getByTestId('open-link').getAttribute('href'));
  const response = await fetch(copied);
  expect(response.status).toBe(200);
  expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

  await page.getByLabel('Search', { exact: true }).fill('no-such-file-anywhere');
  await expect(page.getByTestId('history-empty')).toContainText('Nothing matches “no-such-file-anywhere”');
});

test('the theme and the language follow the settings at once and survive a reload', async ({ page }, testInfo) => {
  try {
    await page.goto(host.url);
    await openSection(page, 'settings');
    await expect(page.getByLabel('Files uploading at once')).toHaveValue('4');
    // Browser mode cannot register a global shortcut: the field says so and takes nothing.
    await expect(page.getByLabel('Global shortcut for uploading the clipboard')).toBeDisabled();
    await screenshotBothThemes(page, testInfo, 'settings');

    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('nav-history')).toHaveText('历史记录');

    await page.reload();
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('radio', { name: '深色' })).toBeChecked();
    await openSection(page, 'history');
    await expect(page.getByRole('heading', { name: '历史记录', level: 1 })).toBeVisible();
  } finally {
    await call('settings:set', [{ theme: 'system', language: 'en' }]);
  }
});

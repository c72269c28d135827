/**
 * The upload screen end to end, in browser mode against the embedded local bucket: what a user does
 * (drop on any screen, pick a folder, paste, pause, resume, cancel, retry, copy a link, choose the
 * destination) and what they see (rows reaching "done", errors in plain words, links serving the same
 * bytes), with screenshots of the screen empty, busy and with an error, in both themes.
 *
 * Files are dropped from disk: a hidden input takes them (Playwright hands Chromium the paths, so a
 * 256 MiB file costs no copy through the test), then a drop carries the same File objects.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openSocket, type TestSocket } from '../integration/web-host/socket-client.js';
import { startDropsignWeb, type DropsignWeb } from './helpers/dropsign-web.js';
import { screenshotBothThemes } from './helpers/screenshots.js';

const MIB = 1024 * 1024;

/**
 * The encrypted secret store's passphrase variable (electron/core/secrets): the failing-upload test saves a
 * profile, and a browser-mode host without an OS keychain keeps secrets in the encrypted file only.
 */
const PASSPHRASE_VARIABLE = 'DROPSIGN_SECRETS_PASSPHRASE';

/** The page's globals this file uses, typed here because the tests' TypeScript has no DOM library. */
interface BrowserGlobals {
  readonly document: {
    createElement(tag: 'input'): { type: string; multiple: boolean; id: string; hidden: boolean; readonly files: readonly File[] | null };
    getElementById(id: string): { readonly files: readonly File[] | null } | null;
    readonly body: { append(node: unknown): void };
    dispatchEvent(event: unknown): boolean;
  };
  readonly DataTransfer: new () => { readonly items: { add(file: File): unknown } };
  readonly ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  readonly navigator: { readonly clipboard: { readText(): Promise<string> } };
}

let host: DropsignWeb;
let control: TestSocket;

test.beforeAll(async () => {
  process.env[PASSPHRASE_VARIABLE] = 'end-to-end passphrase';
  try {
    host = await startDropsignWeb();
  } finally {
    delete process.env[PASSPHRASE_VARIABLE];
  }
  control = await openSocket(host.origin, host.token);
});

test.afterAll(async () => {
  await control.close();
  expect(await host.stop()).toBe(0);
});

/** A call over the test's own contract socket that must succeed; resolves its value. */
async function call(channel: string, args: unknown[] = []): Promise<unknown> {
  const result = (await control.call(channel, args)) as { ok: boolean; value?: unknown; error?: unknown };
  expect(result, `${channel} answered ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  return result.value;
}

/** The row of the file called `name`. */
function row(page: Page, name: string): Locator {
  return page.locator(`[data-testid="transfer"][data-name="${name}"]`);
}

/** Drops files from disk on `target`, as a drag from a file manager does. */
async function dropFromDisk(page: Page, target: Locator, files: readonly string[]): Promise<void> {
  const id = `e2e-files-${Date.now()}`;
  await page.evaluate((inputId) => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const input = document.createElement('input');
    Object.assign(input, { type: 'file', multiple: true, id: inputId, hidden: true });
    document.body.append(input);
  }, id);
  await page.locator(`#${id}`).setInputFiles([...files]);
  const transfer = await page.evaluateHandle((inputId) => {
    const { document, DataTransfer } = globalThis as unknown as BrowserGlobals;
    const data = new DataTransfer();
    for (const file of document.getElementById(inputId)?.files ?? []) data.items.add(file);
    return data;
  }, id);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}

/** Pastes a file from disk (Ctrl/Cmd+V with a file on the clipboard) with the focus on the page. */
async function pasteFromDisk(page: Page, file: string): Promise<void> {
  const id = `e2e-paste-${Date.now()}`;
  await page.evaluate((inputId) => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const input = document.createElement('input');
    Object.assign(input, { type: 'file', id: inputId, hidden: true });
    document.body.append(input);
  }, id);
  await page.locator(`#${id}`).setInputFiles(file);
  await page.evaluate((inputId) => {
    const { document, DataTransfer, ClipboardEvent } = globalThis as unknown as BrowserGlobals;
    const data = new DataTransfer();
    for (const picked of document.getElementById(inputId)?.files ?? []) data.items.add(picked);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, id);
}

/** The bytes a finished row's share link serves. */
async function bytesBehindLink(page: Page, name: string): Promise<Buffer> {
  const href = await row(page, name).getByTestId('link').getAttribute('href');
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropsign\//);
  const response = await fetch(href ?? '');
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
}

test('a folder, a unicode name, an empty file and a 50 MiB file dropped on another screen all upload, and their links serve the same bytes', async ({ page, context }, testInfo) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const folder = testInfo.outputPath('album');
  await mkdir(path.join(folder, 'day 2'), { recursive: true });
  const inFolder = { 'cover.txt': Buffer.from('the album cover\n'), 'day 2/beach.txt': Buffer.from('one folder down\n') };
  for (const [name, bytes] of Object.entries(inFolder)) await writeFile(path.join(folder, name), bytes);
  const loose = { '報告 résumé ✓.txt': Buffer.from('unicode names survive\n'), 'empty.bin': Buffer.alloc(0), 'fifty.bin': randomBytes(50 * MIB) };
  const loosePaths: string[] = [];
  for (const [name, bytes] of Object.entries(loose)) {
    const file = testInfo.outputPath(name);
    await writeFile(file, bytes);
    loosePaths.push(file);
  }
  const pasted = testInfo.outputPath('pasted note.txt');
  await writeFile(pasted, 'pasted with Ctrl+V\n');

  await page.goto(host.url);
  await expect(page.getByText('Nothing uploading yet')).toBeVisible();
  await expect(page.getByTestId('destination')).toHaveText('dropsign/');
  await screenshotBothThemes(page, testInfo, 'upload-empty');

  // The folder through its picker, on the upload screen: it keeps its structure in the keys.
  await page.getByTestId('pick-folder').setInputFiles(folder);
  await expect(row(page, 'beach.txt')).toHaveAttribute('data-state', 'done');

  // A drop on another screen uploads too, and brings the user back to the upload screen.
  await page.getByTestId('nav-history').click();
  await expect(page.getByTestId('pick-files')).toHaveCount(0);
  await dropFromDisk(page, page.getByTestId('drop-zone'), loosePaths);
  await expect(page).toHaveURL(`${host.origin}/#/`);
  // Queued after the drop's files (a paste stages faster than a 50 MiB drop), so it is the last row.
  await expect(page.getByTestId('transfer')).toHaveCount(5);
  await pasteFromDisk(page, pasted);

  await expect(page.locator('[data-testid="transfer"][data-state="done"]')).toHaveCount(6, { timeout: 60_000 });
  await expect(page.getByTestId('totals')).toContainText('6 of 6 files done');
  await expect(page.getByTestId('filter-done')).toContainText('6');
  for (const [name, bytes] of Object.entries(loose)) expect((await bytesBehindLink(page, name)).equals(bytes), name).toBe(true);
  expect((await bytesBehindLink(page, 'cover.txt')).equals(inFolder['cover.txt'])).toBe(true);
  expect((await bytesBehindLink(page, 'beach.txt')).equals(inFolder['day 2/beach.txt'])).toBe(true);
  expect((await bytesBehindLink(page, 'pasted note.txt')).toString()).toBe('pasted with Ctrl+V\n');
  const folderLink = await row(page, 'beach.txt').getByTestId('link').getAttribute('href');
  expect(decodeURIComponent(new URL(folderLink ?? '').pathname)).toBe('/dropsign/album/day 2/beach.txt');
  await expect(row(page, 'beach.txt')).toContainText('dropsign/album/day 2/beach.txt');

  // Copy link: the clipboard holds a link that downloads the same bytes.
  const big = row(page, 'fifty.bin');
  await big.getByRole('button', { name: 'Copy the share link of fifty.bin' }).click();
  await expect(big.getByTestId('copy-link')).toHaveText('Copied');
  const copied = await readClipboard(page);
  const download = await fetch(copied);
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer()).equals(loose['fifty.bin'])).toBe(true);

  // The keyboard reaches the list and walks it.
  await page.locator('[data-testid="transfer"]').first().focus();
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="transfer"]:focus')).toHaveAttribute('data-name', 'pasted note.txt');
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid="transfer"]:focus')).toHaveAttribute('aria-posinset', '1');
});

test('pause, resume and cancel act on the row they name, and a paused upload finishes whole', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await call('transfers:clear-finished');
  // An empty queue takes new transfer settings at once: one file at a time, so the second waits its turn.
  await call('settings:set', [{ concurrency: 1 }]);
  try {
    const first = testInfo.outputPath('first.bin');
    const second = testInfo.outputPath('second.bin');
    // Why 256 MiB: on loopback an upload this size lasts a second or more, time enough to click during it.
    await writeFile(first, randomBytes(256 * MIB));
    await writeFile(second, randomBytes(256 * MIB));
    await page.goto(host.url);
    await page.getByTestId('pick-files').setInputFiles([first, second]);

    const a = row(page, 'first.bin');
    const b = row(page, 'second.bin');
    await expect(a).toHaveAttribute('data-state', 'uploading', { timeout: 60_000 });
    await a.getByRole('button', { name: 'Pause first.bin' }).click();
    await expect(a).toHaveAttribute('data-state', 'paused');
    await expect(a.getByTestId('status')).toHaveText('Paused');

    // With the first paused, the second takes the slot; cancel it mid-upload.
    await expect(b).toHaveAttribute('data-state', 'uploading');
    await b.getByRole('button', { name: 'Cancel second.bin' }).click();
    await expect(b).toHaveAttribute('data-state', 'canceled');
    await expect(a).toHaveAttribute('data-state', 'paused');

    await a.getByRole('button', { name: 'Resume first.bin' }).click();
    await expect(a).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    expect((await bytesBehindLink(page, 'first.bin')).equals(await readFile(first))).toBe(true);

    await page.getByTestId('filter-failed').click();
    await expect(page.getByTestId('transfer')).toHaveCount(1);
    await b.getByRole('button', { name: 'Retry second.bin' }).click();
    await page.getByTestId('filter-all').click();
    await expect(b).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    expect((await bytesBehindLink(page, 'second.bin')).equals(await readFile(second))).toBe(true);

    // A busy screen for the screenshots: a few more files, one at a time, the first still moving.
    const more = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        const file = testInfo.outputPath(`batch-${index + 1}.bin`);
        await writeFile(file, randomBytes(32 * MIB));
        return file;
      }),
    );
    await page.getByTestId('pick-files').setInputFiles(more);
    await expect(row(page, 'batch-1.bin')).toHaveAttribute('data-state', /uploading|done/, { timeout: 30_000 });
    await screenshotBothThemes(page, testInfo, 'upload-busy');
    await expect(page.locator('[data-testid="transfer"][data-state="done"]')).toHaveCount(7, { timeout: 60_000 });
  } finally {
    await call('settings:set', [{ concurrency: 4 }]);
  }
});

test('a failing upload says what went wrong in plain words, and Retry works once it is fixed', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await call('transfers:clear-finished');
  const info = (await call('app:info')) as { localBucket: { kind: string; endpoint?: string } };
  expect(info.localBucket.kind).toBe('running');
  const keys = JSON.parse(await readFile(path.join(host.dataDir, 'local-bucket', 'access-key.json'), 'utf8')) as { accessKeyId: string; accessKeySecret: string };
  // A profile for the local bucket with the right key id and the wrong secret: every signature fails.
  const profile = {
    name: 'wrong-secret',
    provider: 'oss',
    region: 'cn-hangzhou',
    endpoint: { kind: 'custom', url: info.localBucket.endpoint },
    style: 'path',
    bucket: 'dropsign',
    accessKeyId: keys.accessKeyId,
    secretStore: 'encrypted-file',
  };
  await call('profiles:save', [{ profile, secret: { accessKeySecret: 'not-the-secret' } }]);
  // The first profile saved becomes the default; keep `local` the default, so choosing this one is remembered.
  await call('profiles:set-default', ['local']);
  const file = testInfo.outputPath('signed.txt');
  await writeFile(file, 'uploaded once the secret is right\n');

  await page.goto(host.url);
  await page.getByLabel('Profile', { exact: true }).selectOption('wrong-secret');
  await expect.poll(async () => ((await call('settings:get')) as { uploadProfile: string | null }).uploadProfile).toBe('wrong-secret');
  await page.getByTestId('pick-files').setInputFiles(file);

  const failed = row(page, 'signed.txt');
  await expect(failed).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const explained = failed.getByTestId('row-error');
  await expect(explained).toContainText('The server rejected the signature');
  await expect(explained).toContainText('Check the AccessKey secret in the profile');
  await expect(explained).toContainText('Request ID:');
  await expect(page.getByTestId('announcer')).toHaveText(/1 upload failed|Uploads finished: 0 of 1 file uploaded, 1 failed/);
  await screenshotBothThemes(page, testInfo, 'upload-error');

  // The fix: the right secret. Retry signs with it.
  await call('profiles:save', [{ profile, secret: { accessKeySecret: keys.accessKeySecret }, replace: true }]);
  await failed.getByRole('button', { name: 'Retry signed.txt' }).click();
  await expect(failed).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect((await bytesBehindLink(page, 'signed.txt')).toString()).toBe('uploaded once the secret is right\n');

  // A prefix that makes keys OSS refuses: the files are not queued, and a notice says why and what to do.
  await page.getByLabel('Profile', { exact: true }).selectOption('local');
  await page.getByLabel('Key prefix', { exact: true }).fill('/from-root');
  await page.getByLabel('Key prefix', { exact: true }).press('Enter');
  await expect.poll(async () => ((await call('settings:get')) as { uploadPrefix: string | null }).uploadPrefix).toBe('/from-root');
  const second = testInfo.outputPath('second.txt');
  await writeFile(second, 'second try\n');
  await page.getByTestId('pick-files').setInputFiles(second);
  const notice = page.getByTestId('notice').filter({ hasText: 'The object key is not valid' });
  await expect(notice).toContainText('Change the key prefix');
  await expect(notice).toContainText('second.txt was not added to the queue.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByLabel('Key prefix', { exact: true }).fill('from-root');
  await page.getByLabel('Key prefix', { exact: true }).blur();
  await expect(page.getByTestId('destination')).toHaveText('dropsign/from-root/');
  await page.getByTestId('pick-files').setInputFiles(second);
  await expect(row(page, 'second.txt')).toHaveAttribute('data-state', 'done');
  await expect(row(page, 'second.txt')).toContainText('dropsign/from-root/second.txt');
  await page.getByRole('button', { name: "Use the profile's prefix" }).click();
  await expect.poll(async () => ((await call('settings:get')) as { uploadPrefix: string | null }).uploadPrefix).toBe(null);
});

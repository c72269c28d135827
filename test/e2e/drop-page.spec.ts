/**
 * The drop page end to end: the built `dropsign local-bucket --cors-origin '*'`, an upload link made by
 * the built `dropsign link put --page`, and the page opened from disk in Chromium (origin "null"), as a
 * recipient opens a file they were sent. The file picked has a type the link does not sign, so the upload
 * works only if the page sends exactly the signed headers; the object must arrive byte for byte. A second
 * upload to the same no-overwrite link shows the bucket's refusal; a page whose link has expired says so.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_PATH, REPO_ROOT } from '../helpers/cli-path.js';
import { runDropsign, type CliRun } from '../helpers/run-dropsign.js';
import { screenshotBothThemes } from './helpers/screenshots.js';

/** Why 20 s: the first start on a cold 2-core machine makes the bucket's keys and its folders. */
const READY_TIMEOUT_MS = 20_000;

let work = '';
let dataDir = '';
let bucket: ChildProcess | undefined;
let endpoint = '';

/** Runs the built `dropsign ARGS` against this spec's data directory. */
function dropsign(...args: string[]): Promise<CliRun> {
  return runDropsign(args, { cwd: work, env: { PATH: process.env['PATH'] ?? '', HOME: work, DROPSIGN_DATA_DIR: dataDir } });
}

/** What `dropsign link put|get --json` prints, as far as these tests read it. */
interface MadeLink {
  readonly url: string;
  readonly expiresAt: string;
  readonly page?: string;
}

async function makeLink(...args: string[]): Promise<MadeLink> {
  const run = await dropsign('link', ...args, '--profile', 'local', '--endpoint', endpoint, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as MadeLink;
}

test.beforeAll(async () => {
  await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  work = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'e2e-drop-page-'));
  dataDir = path.join(work, 'data');
  // The built-in `local` profile signs with the keys of the data directory's local bucket: run that one.
  const child = spawn(process.execPath, [CLI_PATH, 'local-bucket', '--data-dir', path.join(dataDir, 'local-bucket'), '--bucket', 'dropsign', '--port', '0', '--json', '--cors-origin', '*'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bucket = child;
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local bucket did not start:\n${out}`)), READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { endpoint: string }).endpoint);
    });
    child.once('exit', () => reject(new Error(`the local bucket exited:\n${out}`)));
  });
});

test.afterAll(async () => {
  if (bucket !== undefined && bucket.exitCode === null) {
    const exited = new Promise((resolve) => bucket?.once('exit', resolve));
    bucket.kill('SIGINT');
    await exited;
  }
  await rm(work, { recursive: true, force: true });
});

test('a drop page opened from disk uploads the file byte for byte with exactly the signed headers', async ({ page }, testInfo) => {
  const file = path.join(work, 'upload-report.html');
  const link = await makeLink('put', 'inbox/report.bin', '--meta', 'from=e2e', '--forbid-overwrite', '--page', file);
  expect(link.page).toBe(file);
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('heading', { name: 'Upload a file' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^\(expires in (59 min \d+ s|1 h)\)$/);
  await expect(page.locator('#drop-page')).toHaveAttribute('data-state', 'ready');

  // A PNG by its type, which the link does not sign: the page must send no Content-Type, or the bucket refuses.
  const bytes = randomBytes(300 * 1024);
  await page.setInputFiles('#file-input', { name: 'my report.png', mimeType: 'image/png', buffer: bytes });
  await expect(page.getByRole('status')).toContainText('Ready to upload my report.png (300 kB) as inbox/report.bin.');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.locator('#drop-page')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('status')).toContainText('Done: 300 kB uploaded as dropsign/inbox/report.bin.');
  await expect(page.locator('#status-detail')).toHaveText(/^ETag: "[0-9A-F]{32}"$/);
  await expect(page.locator('#progress-text')).toContainText('300 kB of 300 kB · 100%');
  await screenshotBothThemes(page, testInfo, 'drop-page');

  const download = await makeLink('get', 'inbox/report.bin');
  const got = await fetch(download.url);
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

  // The link refuses to replace the object: the bucket's answer, read through CORS, is explained.
  await page.setInputFiles('#file-input', { name: 'again.png', mimeType: 'image/png', buffer: Buffer.from('again') });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.locator('#drop-page')).toHaveAttribute('data-failure', 'exists');
  await expect(page.getByRole('status')).toContainText('Something is already stored as inbox/report.bin, and this link may not replace it.');
  await expect(page.locator('#status-detail')).toContainText('The bucket answered: FileAlreadyExists');

  expect(blocked).toEqual([]);
  for (const url of requested.slice(1)) expect(url.startsWith(`${endpoint}/`), url).toBe(true);
});

test('the drop page of a link that has expired says so and takes no file', async ({ page }) => {
  const file = path.join(work, 'upload-expired.html');
  const link = await makeLink('put', 'inbox/late.bin', '--expires', '1s', '--page', file);
  // Why 200 ms: past the expiry, whatever the rounding of the second it was signed in.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(link.expiresAt) - Date.now()) + 200));
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('#drop-page')).toHaveAttribute('data-state', 'expired');
  await expect(page.getByRole('status')).toContainText('This link expired at');
  await expect(page.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Choose a file to upload, or drop one here' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('#file-input')).toBeDisabled();
});

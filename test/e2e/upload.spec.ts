/**
 * Browser mode end to end: the built `dropsign web`, its page in Chromium, files dropped and picked, the
 * embedded local bucket behind it. What a user sees (rows reaching "done", links that serve the same
 * bytes), and what a reload in the middle of a queue shows.
 */
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openSocket } from '../integration/web-host/socket-client.js';
import { dropFiles, type FileToDrop } from './helpers/drop-files.js';
import { startDropsignWeb, type DropsignWeb } from './helpers/dropsign-web.js';

const MIB = 1024 * 1024;

/** The page's clipboard, typed here because the tests' TypeScript has no DOM library. */
interface BrowserClipboard {
  readonly navigator: { readonly clipboard: { readText(): Promise<string> } };
}

let host: DropsignWeb;
test.beforeAll(async () => {
  host = await startDropsignWeb();
});
test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

/** The bytes a finished row's share link serves. */
async function bytesBehindLink(page: Page, name: string): Promise<Buffer> {
  const href = await page.locator(`[data-testid="transfer"][data-name="${name}"] [data-testid="link"]`).getAttribute('href');
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropsign\//);
  const response = await fetch(href ?? '');
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

test('dropped and picked files upload to the local bucket, and their links serve the same bytes', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const folder = testInfo.outputPath('photos');
  await mkdir(path.join(folder, 'sub'), { recursive: true });
  const picked = { 'a.txt': Buffer.from('first file\n'), 'sub/b.txt': Buffer.from('second file, one folder down\n') };
  for (const [name, bytes] of Object.entries(picked)) await writeFile(path.join(folder, name), bytes);
  const dropped: FileToDrop[] = [
    { name: 'résumé 履歴書 ✓.txt', mimeType: 'text/plain', buffer: Buffer.from('unicode names survive\n') },
    { name: 'empty.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) },
    { name: 'five-mib.bin', mimeType: 'application/octet-stream', buffer: randomBytes(5 * MIB) },
  ];

  await page.goto(host.url);
  // The token leaves the address bar at once (history, bookmarks, screen shares).
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(page.getByText('Nothing uploading yet')).toBeVisible();

  await page.getByTestId('pick-folder').setInputFiles(folder);
  await dropFiles(page, page.getByTestId('drop-zone'), dropped);

  const rows = page.getByTestId('transfer');
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[data-testid="transfer"][data-state="done"]')).toHaveCount(5);
  await expect(page.getByTestId('totals')).toContainText('5 of 5 files done');

  for (const file of dropped) expect((await bytesBehindLink(page, file.name)).equals(file.buffer)).toBe(true);
  expect((await bytesBehindLink(page, 'a.txt')).equals(picked['a.txt'])).toBe(true);
  expect((await bytesBehindLink(page, 'b.txt')).equals(picked['sub/b.txt'])).toBe(true);
  // The folder kept its structure in the keys, as a desktop drop of the folder does.
  const folderLink = await page.locator('[data-testid="transfer"][data-name="b.txt"] [data-testid="link"]').getAttribute('href');
  expect(new URL(folderLink ?? '').pathname).toBe('/dropsign/photos/sub/b.txt');

  // copyLinkOnFinish (on by default): when the run ends, the last file's link is on the clipboard.
  const readClipboard = (): Promise<string> => page.evaluate(() => (globalThis as unknown as BrowserClipboard).navigator.clipboard.readText());
  const links = await page.getByTestId('link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  await expect.poll(readClipboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropsign\//);
  expect(links).toContain(await readClipboard());

  const row = page.locator('[data-testid="transfer"][data-name="empty.bin"]');
  await row.getByTestId('copy-link').click();
  await expect(row.getByTestId('copy-link')).toHaveText('Copied');
  expect(await readClipboard()).toBe(await row.getByTestId('link').getAttribute('href'));

  // Uploaded files leave the spool; nothing waits there any more.
  await expect.poll(async () => (await readdir(path.join(host.dataDir, 'web-spool'))).length).toBe(0);
});

test('a page reloaded in the middle of a queue catches up from the snapshot and follows it to the end', async ({ page }) => {
  const control = await openSocket(host.origin, host.token);
  try {
    // One file at a time, so most of the queue is still waiting when its pause lands.
    expect(await control.call('transfers:clear-finished', [])).toMatchObject({ ok: true });
    expect(await control.call('settings:set', [{ concurrency: 1 }])).toMatchObject({ ok: true });
    await page.goto(host.url);
    const files: FileToDrop[] = Array.from({ length: 12 }, (_, index) => ({
      name: `batch-${String(index).padStart(2, '0')}.bin`,
      mimeType: 'application/octet-stream',
      buffer: randomBytes(3 * MIB),
    }));
    // Each file is paused the moment the host announces it: files are staged and enqueued in batches as
    // they arrive, and a 3 MiB upload can finish before a pause sent after the last row would land.
    const pauses: Promise<unknown>[] = [];
    control.socket.on('message', (data: Buffer) => {
      const parsed = JSON.parse(data.toString()) as unknown;
      for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
        const { event, payload } = message as { event?: string; payload?: unknown };
        if (event !== 'transfers:events' || !Array.isArray(payload)) continue;
        for (const added of payload as { kind: string; transfer?: { id: string; name: string } }[]) {
          if (added.kind === 'added' && added.transfer?.name.startsWith('batch-') === true) pauses.push(control.call('transfers:pause', [added.transfer.id]));
        }
      }
    });
    await dropFiles(page, page.getByTestId('drop-zone'), files);
    const batchRows = page.locator('[data-testid="transfer"][data-name^="batch-"]');
    await expect(batchRows).toHaveCount(files.length);
    await expect.poll(() => pauses.length).toBe(files.length);
    await Promise.all(pauses);

    await page.reload();
    await expect(page).toHaveURL(`${host.origin}/`);
    // The reloaded page knows the whole queue from the snapshot, with states as they are.
    await expect(batchRows).toHaveCount(files.length);
    await expect(page.locator('[data-testid="transfer"][data-name^="batch-"][data-state="uploading"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="transfer"][data-name^="batch-"][data-state="paused"]')).not.toHaveCount(0);

    expect(await control.call('transfers:resume', [])).toMatchObject({ ok: true });
    await expect(page.locator('[data-testid="transfer"][data-name^="batch-"][data-state="done"]')).toHaveCount(files.length);
    const last = files.at(-1) as FileToDrop;
    expect((await bytesBehindLink(page, last.name)).equals(last.buffer)).toBe(true);
  } finally {
    await control.call('settings:set', [{ concurrency: 4 }]);
    await control.close();
  }
});

/**
 * Unfinished uploads end to end, in browser mode against the embedded local bucket: multipart uploads are
 * begun in the bucket as another tool would (a presigned `POST ?uploads`) and never finished; one of them
 * has a checkpoint in a queue on this machine, as `dropsign upload` leaves one, and one holds two parts. The
 * profiles screen finds them (with what each holds, when asked), offers all but that one, aborts the
 * chosen ones after asking, and says what happened; the page's own channel refuses the locally resumable
 * one too. Screenshots in both themes.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { presign } from '../../electron/core/signing/presign.js';
import { CheckpointStore } from '../../electron/core/transfer/engine/checkpoint-store.js';
import type { QueryParam } from '../../electron/shared/signing.js';
import { startWebWithLocalBucket, type WebWithBucket } from './helpers/web-with-bucket.js';
import { screenshotBothThemes } from './helpers/screenshots.js';

let web: WebWithBucket;

test.beforeAll(async () => {
  web = await startWebWithLocalBucket();
});

test.afterAll(async () => {
  expect(await web.stop()).toBe(0);
});

/** Sends a signed request about `key` to the app's bucket, as another tool would; the answer's body. */
async function call(method: 'POST' | 'PUT', key: string, query: QueryParam[], body?: Buffer): Promise<string> {
  const { url } = presign(
    { accessKeyId: web.local.accessKeyId, accessKeySecret: web.local.accessKeySecret },
    { scheme: 'oss-v4', method, endpoint: web.local.endpoint, style: 'path', bucket: web.local.bucket, key, region: 'cn-hangzhou', expiresInSeconds: 60, query },
    { now: Date.now },
  );
  const response = await fetch(url, { method, ...(body === undefined ? {} : { body }) });
  expect(response.status).toBe(200);
  return response.text();
}

/** Begins a multipart upload of `key` and leaves it unfinished, as a tool that crashed would; its upload id. */
async function beginUpload(key: string): Promise<string> {
  return /<UploadId>([^<]+)<\/UploadId>/.exec(await call('POST', key, [{ name: 'uploads' }]))?.[1] ?? '';
}

/** Stores part `partNumber` of the upload `uploadId` of `key`. */
async function uploadPart(key: string, uploadId: string, partNumber: number, body: Buffer): Promise<void> {
  await call('PUT', key, [{ name: 'partNumber', value: String(partNumber) }, { name: 'uploadId', value: uploadId }], body);
}

test('unfinished uploads are found on the profiles screen, and the chosen ones aborted', async ({ page }, testInfo) => {
  test.slow();
  const crashed = await beginUpload('videos/crashed 1+1.mov');
  const lost = await beginUpload('backups/lost.tar');
  const paused = await beginUpload('videos/paused.mov');
  await uploadPart('videos/crashed 1+1.mov', crashed, 1, Buffer.alloc(300 * 1024, 1));
  await uploadPart('videos/crashed 1+1.mov', crashed, 2, Buffer.alloc(5, 2));
  // A `dropsign upload` queue on this machine will resume `paused`: its checkpoint, as the engine writes it.
  const checkpoints = new CheckpointStore(path.join(web.host.dataDir, 'cli', 'e2e-destination', 'checkpoints'));
  await checkpoints.create('t1', { uploadId: paused, key: 'videos/paused.mov', size: 100 << 20, mtimeMs: 1, partSize: 8 << 20 });
  await checkpoints.close();

  await page.goto(web.host.url);
  await page.getByTestId('nav-profiles').click();
  const section = page.getByRole('region', { name: 'Unfinished uploads' });
  await expect(section.getByLabel('Profile')).toHaveValue('local');
  await expect(section.getByTestId('unfinished-table')).toHaveCount(0);

  const withSizes = section.getByRole('checkbox', { name: 'Include what each holds (one more request per upload)' });
  await withSizes.check();
  await section.getByRole('button', { name: 'Find unfinished uploads' }).click();
  await expect(section.getByTestId('unfinished-summary')).toHaveText('3 unfinished uploads in dropsign (profile “local”), holding 300 kB.');
  const rows = section.getByTestId('unfinished-row');
  await expect(rows).toHaveCount(3);
  for (const [index, key] of ['backups/lost.tar', 'videos/crashed 1+1.mov', 'videos/paused.mov'].entries()) await expect(rows.nth(index)).toHaveAttribute('data-key', key);
  await expect(section.getByRole('columnheader', { name: 'Holds' })).toBeVisible();
  await expect(section.locator(`[data-testid="unfinished-row"][data-upload-id="${crashed}"] .unfinished-holds`)).toHaveText('300 kB in 2 parts');
  await expect(section.locator(`[data-testid="unfinished-row"][data-upload-id="${lost}"] .unfinished-holds`)).toHaveText('No parts');
  const pausedRow = section.locator(`[data-testid="unfinished-row"][data-upload-id="${paused}"]`);
  await expect(pausedRow.getByTestId('resumable-badge')).toHaveText('Resumable here');
  await expect(pausedRow.getByRole('checkbox')).toBeDisabled();
  await expect(section.getByRole('button', { name: 'Select those older than a day' })).toBeDisabled();
  await screenshotBothThemes(page, testInfo, 'unfinished-uploads');

  await section.getByRole('checkbox', { name: 'Select every upload that can be aborted' }).check();
  await expect(section.getByTestId('unfinished-selected')).toHaveText('2 selected');
  await section.getByRole('button', { name: 'Abort selected' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Abort 2 unfinished uploads?' });
  await expect(dialog).toContainText('Their parts are deleted for good');
  await expect(dialog).toContainText('2 of them started less than a day ago');
  await screenshotBothThemes(page, testInfo, 'unfinished-confirm');
  await dialog.getByRole('button', { name: 'Abort 2 uploads' }).click();

  await expect(section.getByTestId('unfinished-run')).toHaveText('2 uploads aborted: their parts are deleted.');
  for (const id of [crashed, lost]) await expect(section.locator(`[data-testid="unfinished-row"][data-upload-id="${id}"]`)).toHaveAttribute('data-outcome', 'aborted');
  await expect(pausedRow).toHaveAttribute('data-outcome', 'resumable');
  await screenshotBothThemes(page, testInfo, 'unfinished-aborted');

  // The bucket agrees, and the channel itself will not abort what a local queue will resume.
  const left = (await web.control.call('unfinished:list', [{ profile: 'local' }])) as { ok: boolean; value: { uploads: { uploadId: string }[] } };
  expect(left.value.uploads.map((upload) => upload.uploadId)).toEqual([paused]);
  const refused = await web.control.call('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'videos/paused.mov', uploadId: paused }] }]);
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { reason: 'resumable-here' } } });

  await withSizes.uncheck();
  await section.getByRole('button', { name: 'Find unfinished uploads' }).click();
  await expect(section.getByTestId('unfinished-summary')).toHaveText('One unfinished upload in dropsign (profile “local”).');
  await expect(section.getByRole('columnheader', { name: 'Holds' })).toHaveCount(0);
});

/**
 * Browser mode after a restart: uploads whose files were in the (now emptied) spool are removed from the
 * restored queue instead of coming back as failed with `file-vanished`; uploads of real files stay.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/core/app/index.js';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store.js';
import { dropSpooledLeftovers, SpoolStore } from '../../../electron/web-host/index.js';

let work = '';
let dataDir = '';
const memory = new MemorySecretStore();
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-leftovers-'));
  dataDir = path.join(work, 'data');
});
afterEach(async () => rm(work, { recursive: true, force: true }));

function services(): Promise<AppServices> {
  return createAppServices({ appDataDir: dataDir, face: 'browser', version: '0.0.0-test', env: {}, home: work, localBucket: { port: 0 }, secretStores: () => memory });
}

describe('dropSpooledLeftovers', () => {
  it('removes restored uploads of spooled files and keeps the others', async () => {
    const spoolDir = path.join(dataDir, 'web-spool');
    const first = await SpoolStore.create(spoolDir);
    await mkdir(path.join(spoolDir, 'batch-1'), { recursive: true });
    const spooled = path.join(spoolDir, 'batch-1', 'from-the-page.txt');
    const real = path.join(work, 'on-disk.txt');
    await writeFile(spooled, 'bytes the page sent\n');
    await writeFile(real, 'a file of the user\n');

    const before = await services();
    // Paused before anything moves, so both are still queued when the session ends.
    await before.invoke('transfers:pause', []);
    const added = await before.invoke('transfers:enqueue', [{ paths: [spooled, real] }]);
    expect(added.ok).toBe(true);
    expect(before.snapshot().transfers).toHaveLength(2);
    await before.close();
    await first.dispose();

    const spool = await SpoolStore.create(spoolDir);
    const after = await services();
    try {
      expect(after.snapshot().transfers.map((transfer) => transfer.name).sort()).toEqual(['from-the-page.txt', 'on-disk.txt']);
      expect(await dropSpooledLeftovers(after, spool)).toBe(1);
      expect(after.snapshot().transfers.map((transfer) => transfer.name)).toEqual(['on-disk.txt']);
      expect(await dropSpooledLeftovers(after, spool)).toBe(0);
    } finally {
      await after.close();
      await spool.dispose();
    }
  });
});

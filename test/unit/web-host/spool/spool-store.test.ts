import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../../electron/web-host/spool/spool-batch-writer.js';
import { SpoolStore } from '../../../../electron/web-host/spool/spool-store.js';

let work = '';
let root = '';
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-spool-'));
  root = path.join(work, 'web-spool');
});
afterEach(async () => rm(work, { recursive: true, force: true }));

const plenty = { freeBytes: () => Promise.resolve(Number.MAX_SAFE_INTEGER) };

/** Spools one request of `files` (path → text) whole; answers each file's outcome. */
async function spoolRequest(spool: SpoolStore, files: Readonly<Record<string, string>>): Promise<readonly FileOutcome[]> {
  const entries = Object.entries(files);
  const opened = await spool.openBatch(entries.map(([file, text]) => ({ path: file, size: Buffer.byteLength(text) })));
  if (!opened.ok) throw new Error(opened.error.message);
  for (const [index, [, text]] of entries.entries()) await opened.value.receive(index, Readable.from([Buffer.from(text)]));
  return opened.value.commit();
}

async function idsOf(spool: SpoolStore, files: Readonly<Record<string, string>>): Promise<string[]> {
  return (await spoolRequest(spool, files)).map((outcome) => {
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.id;
  });
}

/** Every file under `dir`, as relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

async function take(spool: SpoolStore, ids: readonly string[]): Promise<readonly string[]> {
  const taken = await spool.take(ids);
  if (!taken.ok) throw new Error(taken.error.message);
  return taken.value;
}

describe('SpoolStore.create', () => {
  it('empties what an earlier run left, and keeps the folder private', async () => {
    await mkdir(path.join(root, 'old'), { recursive: true });
    await writeFile(path.join(root, 'old', 'left.bin'), 'x');
    const spool = await SpoolStore.create(root, {}, plenty);
    expect(await readdir(root)).toEqual([]);
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    await spool.dispose();
    await expect(stat(root)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('SpoolStore.openBatch', () => {
  it('stores a request\'s files under fresh ids, straight in one private batch folder with their paths', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const outcomes = await spoolRequest(spool, { 'photos/a.txt': 'hello', 'empty.bin': '' });
    expect(outcomes).toEqual([
      { ok: true, value: { id: expect.stringMatching(/^[0-9a-f]{32}$/), size: 5 } },
      { ok: true, value: { id: expect.stringMatching(/^[0-9a-f]{32}$/), size: 0 } },
    ]);
    const [batch, ...others] = await readdir(root);
    expect(others).toEqual([]);
    expect(batch).toMatch(/^batch-[0-9a-f]{32}$/);
    const file = path.join(root, batch ?? '', 'photos', 'a.txt');
    expect(await readFile(file, 'utf8')).toBe('hello');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(spool.pendingCount).toBe(2);
  });

  it('refuses a file over the size limit or with a bad path on its own, and takes the others', async () => {
    const spool = await SpoolStore.create(root, { maxFileBytes: 3 }, plenty);
    const outcomes = await spoolRequest(spool, { 'big.bin': 'four', '../up.txt': 'x', 'ok.txt': 'ok' });
    expect(outcomes).toMatchObject([
      { ok: false, error: { code: 'file-too-large' } },
      { ok: false, error: { code: 'invalid-argument' } },
      { ok: true, value: { size: 2 } },
    ]);
    expect(spool.pendingCount).toBe(1);
  });

  it('refuses a request the disk cannot hold with room to spare, without reading it', async () => {
    const spool = await SpoolStore.create(root, { reserveBytes: 50 }, { freeBytes: () => Promise.resolve(80) });
    expect(await spool.openBatch([{ path: 'a', size: 20 }, { path: 'b', size: 20 }])).toMatchObject({
      ok: false,
      error: { code: 'file-too-large', message: expect.stringContaining('free disk space') },
    });
    expect(await spool.openBatch([{ path: 'a', size: 30 }])).toMatchObject({ ok: true });
  });

  it('bounds the requests arriving at once and the files waiting, counting files still arriving', async () => {
    const spool = await SpoolStore.create(root, { maxPendingFiles: 3, maxConcurrentReceives: 1 }, plenty);
    const first = await spool.openBatch([{ path: 'a', size: 0 }, { path: 'b', size: 0 }]);
    if (!first.ok) throw new Error(first.error.message);
    expect(await spool.openBatch([{ path: 'c', size: 0 }])).toMatchObject({ ok: false, error: { code: 'server-busy', message: expect.stringContaining('at once') } });
    await first.value.receive(0, Readable.from([]));
    await first.value.receive(1, Readable.from([]));
    await first.value.commit();
    expect(await spool.openBatch([{ path: 'c', size: 0 }, { path: 'd', size: 0 }])).toMatchObject({ ok: false, error: { code: 'server-busy', message: expect.stringContaining('waiting') } });
    const third = await spool.openBatch([{ path: 'c', size: 0 }]);
    expect(third).toMatchObject({ ok: true });
    if (third.ok) await third.value.abort();
  });
});

describe('SpoolStore.take', () => {
  it('takes a request\'s files where they are, by their top-level entries, moving nothing', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const ids = await idsOf(spool, { 'photos/a.txt': 'a', 'photos/sub/b.txt': 'b', 'c.txt': 'c' });
    const [batch] = await readdir(root);
    const taken = await take(spool, ids);
    expect(taken).toEqual([path.join(root, batch ?? '', 'photos'), path.join(root, batch ?? '', 'c.txt')]);
    expect(await readFile(path.join(taken[0] ?? '', 'sub', 'b.txt'), 'utf8')).toBe('b');
    expect(spool.pendingCount).toBe(0);
  });

  it('gives two requests of one drop that share a folder each their own batch, so both keep folder/sub/file', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const first = await idsOf(spool, { 'folder/sub/one.txt': '1' });
    const second = await idsOf(spool, { 'folder/sub/two.txt': '2' });
    const taken = [...(await take(spool, first)), ...(await take(spool, second))];
    expect(taken.map((entry) => path.basename(entry))).toEqual(['folder', 'folder']);
    expect(new Set(taken.map((entry) => path.dirname(entry))).size).toBe(2);
    expect(await readFile(path.join(taken[0] ?? '', 'sub', 'one.txt'), 'utf8')).toBe('1');
    expect(await readFile(path.join(taken[1] ?? '', 'sub', 'two.txt'), 'utf8')).toBe('2');
  });

  it('moves files taken apart from the rest of their request into a fresh batch, keeping their paths', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const [a = '', b = '', c = ''] = await idsOf(spool, { 'photos/a.txt': 'a', 'photos/b.txt': 'b', 'c.txt': 'c' });
    const [original] = await readdir(root);
    const moved = await take(spool, [b]);
    expect(moved.map((entry) => path.basename(entry))).toEqual(['photos']);
    expect(path.dirname(moved[0] ?? '')).not.toBe(path.join(root, original ?? ''));
    expect(await readdir(moved[0] ?? '')).toEqual(['b.txt']);
    // The rest of the request is then whole again, and taken in place.
    expect(await take(spool, [c, a])).toEqual([path.join(root, original ?? '', 'c.txt'), path.join(root, original ?? '', 'photos')]);
    expect(await readdir(path.join(root, original ?? '', 'photos'))).toEqual(['a.txt']);
  });

  it('takes all or nothing: an unknown, repeated or used id refuses the request and moves nothing', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const [id = ''] = await idsOf(spool, { 'a.txt': 'a' });
    for (const ids of [[id, 'f'.repeat(32)], [id, id], ['../../etc'], [id.toUpperCase()]]) {
      expect(await spool.take(ids)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(spool.pendingCount).toBe(1);
    expect(await spool.take([id])).toMatchObject({ ok: true });
    expect(await spool.take([id])).toMatchObject({ ok: false });
  });
});

describe('SpoolStore.release and discard', () => {
  it('delete each released file, and the batch folder with the last of its files', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const ids = await idsOf(spool, { 'photos/sub/a.txt': 'a', 'photos/b.txt': 'b', 'c.txt': 'c' });
    const [photos = '', loose = ''] = await take(spool, ids);
    await spool.release(path.join(photos, 'sub', 'a.txt'));
    await spool.release(loose);
    expect(await filesUnder(root)).toEqual([path.join(path.basename(path.dirname(photos)), 'photos', 'b.txt')]);
    await spool.release(path.join(photos, 'b.txt'));
    expect(await readdir(root)).toEqual([]);
  });

  it('climb from a released file once part of its folder was discarded, deleting the folders it leaves empty', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const ids = await idsOf(spool, { 'photos/sub/a.txt': 'a', 'photos/b.txt': 'b', 'gone/c.txt': 'c' });
    const [photos = '', gone = ''] = await take(spool, ids);
    await spool.discard(gone);
    await spool.release(path.join(photos, 'sub', 'a.txt'));
    expect(await readdir(photos)).toEqual(['b.txt']);
    await spool.release(path.join(photos, 'b.txt'));
    expect(await readdir(root)).toEqual([]);
  });

  it('leave everything outside the spool alone', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const outside = path.join(work, 'mine.txt');
    await writeFile(outside, 'keep');
    await spool.release(outside);
    await spool.discard(work);
    expect(await readFile(outside, 'utf8')).toBe('keep');
  });
});

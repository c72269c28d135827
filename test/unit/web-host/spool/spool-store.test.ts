import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpoolStore } from '../../../../electron/web-host/spool/spool-store.js';

let work = '';
let root = '';
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-spool-'));
  root = path.join(work, 'web-spool');
});
afterEach(async () => rm(work, { recursive: true, force: true }));

const body = (text: string): Readable => Readable.from([Buffer.from(text)]);
const plenty = { freeBytes: () => Promise.resolve(Number.MAX_SAFE_INTEGER) };

async function receive(spool: SpoolStore, relativePath: string, text: string): Promise<string> {
  const result = await spool.receive(body(text), relativePath, Buffer.byteLength(text));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
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

describe('SpoolStore.receive', () => {
  it('stores exactly the announced bytes under a fresh id, readable by the user only', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const id = await receive(spool, 'photos/a.txt', 'hello');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const file = path.join(root, id, 'photos', 'a.txt');
    expect(await readFile(file, 'utf8')).toBe('hello');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(spool.pendingCount).toBe(1);
    expect(await receive(spool, 'empty.bin', '')).not.toBe(id);
  });

  it('keeps nothing from a body shorter or longer than announced', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    expect(await spool.receive(body('abc'), 'short.bin', 10)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    expect(await spool.receive(body('abcdef'), 'long.bin', 3)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    const broken = new Readable({ read() { this.destroy(new Error('client went away')); } });
    expect(await spool.receive(broken, 'gone.bin', 3)).toMatchObject({ ok: false });
    expect(await readdir(root)).toEqual([]);
    expect(spool.pendingCount).toBe(0);
  });

  it('refuses a file over the size limit, or one the disk cannot hold with room to spare, without reading it', async () => {
    const spool = await SpoolStore.create(root, { maxFileBytes: 100, reserveBytes: 50 }, { freeBytes: () => Promise.resolve(80) });
    const stream = body('x'.repeat(101));
    expect(await spool.receive(stream, 'big.bin', 101)).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
    expect(stream.readableDidRead).toBe(false);
    const full = await spool.receive(body('x'.repeat(40)), 'fits-not.bin', 40);
    expect(full).toMatchObject({ ok: false, error: { code: 'file-too-large', message: expect.stringContaining('free disk space') } });
    expect(await spool.receive(body('x'.repeat(30)), 'fits.bin', 30)).toMatchObject({ ok: true });
  });

  it('bounds the files waiting and the files arriving at once', async () => {
    const spool = await SpoolStore.create(root, { maxPendingFiles: 2, maxConcurrentReceives: 1 }, plenty);
    const slow = new PassThrough();
    const first = spool.receive(slow, 'slow.bin', 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await spool.receive(body('x'), 'second.bin', 1)).toMatchObject({ ok: false, error: { code: 'server-busy' } });
    slow.end('x');
    expect(await first).toMatchObject({ ok: true });
    await receive(spool, 'two.bin', 'x');
    expect(await spool.receive(body('x'), 'three.bin', 1)).toMatchObject({ ok: false, error: { code: 'server-busy' } });
  });
});

describe('SpoolStore.take', () => {
  it('moves one request\'s files into a batch with their folders and answers its top-level entries', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const ids = [await receive(spool, 'photos/a.txt', 'a'), await receive(spool, 'photos/sub/b.txt', 'b'), await receive(spool, 'c.txt', 'c')];
    const taken = await spool.take(ids);
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.value.map((entry) => path.basename(entry))).toEqual(['photos', 'c.txt']);
    const batch = path.dirname(taken.value[0] ?? '');
    expect(path.basename(batch)).toMatch(/^batch-[0-9a-f]{32}$/);
    expect(await readFile(path.join(batch, 'photos', 'sub', 'b.txt'), 'utf8')).toBe('b');
    expect(await readdir(root)).toEqual([path.basename(batch)]);
    expect(spool.pendingCount).toBe(0);
  });

  it('takes all or nothing: an unknown, repeated or used id refuses the request and moves nothing', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const id = await receive(spool, 'a.txt', 'a');
    for (const ids of [[id, 'f'.repeat(32)], [id, id], ['../../etc'], [id.toUpperCase()]]) {
      expect(await spool.take(ids)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(spool.pendingCount).toBe(1);
    expect(await spool.take([id])).toMatchObject({ ok: true });
    expect(await spool.take([id])).toMatchObject({ ok: false });
  });
});

describe('SpoolStore.release and discard', () => {
  it('delete a spooled file and the folders it leaves empty, and nothing outside the spool', async () => {
    const spool = await SpoolStore.create(root, {}, plenty);
    const ids = [await receive(spool, 'photos/sub/a.txt', 'a'), await receive(spool, 'photos/b.txt', 'b')];
    const taken = await spool.take(ids);
    if (!taken.ok) throw new Error(taken.error.message);
    const photos = taken.value[0] ?? '';
    await spool.release(path.join(photos, 'sub', 'a.txt'));
    expect(await readdir(photos)).toEqual(['b.txt']);
    await spool.release(path.join(photos, 'b.txt'));
    expect(await readdir(root)).toEqual([]);

    const outside = path.join(work, 'mine.txt');
    await writeFile(outside, 'keep');
    await spool.release(outside);
    await spool.discard(work);
    expect(await readFile(outside, 'utf8')).toBe('keep');
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchWriter, SMALL_FILE_BYTES, type BatchHooks, type CheckedFile } from '../../../../electron/web-host/spool/spool-batch-writer.js';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dropsign-batch-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const accepted = (relativePath: string, size: number): CheckedFile => ({ kind: 'accepted', relativePath, size });
const bytes = (count: number): Buffer => Buffer.alloc(count, 7);

function hooks(): BatchHooks & { readonly admitted: string[][]; readonly settled: () => number } {
  const admitted: string[][] = [];
  const settle = vi.fn();
  return {
    admitted,
    settled: () => settle.mock.calls.length,
    admit: (files) => {
      admitted.push(files.map((file) => file.relativePath));
      return files.map((_, index) => `id-${index}`);
    },
    settle,
  };
}

/** Every file under `dir`, as relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('BatchWriter', () => {
  it('writes small and large files whole and registers them; a part of the wrong length fails that file alone', async () => {
    const hook = hooks();
    const large = SMALL_FILE_BYTES + 10;
    const writer = new BatchWriter(root, [accepted('a/small.bin', 3), accepted('a/large.bin', large), accepted('short.bin', 5), accepted('long.bin', 2), accepted('large-short.bin', large)], hook);
    await writer.receive(0, Readable.from([bytes(3)]));
    await writer.receive(1, Readable.from([bytes(1000), bytes(large - 1000)]));
    await writer.receive(2, Readable.from([bytes(4)]));
    await writer.receive(3, Readable.from([bytes(3)]));
    await writer.receive(4, Readable.from([bytes(large - 1)]));
    const outcomes = await writer.commit();
    expect(outcomes).toMatchObject([
      { ok: true, value: { id: 'id-0', size: 3 } },
      { ok: true, value: { id: 'id-1', size: large } },
      { ok: false, error: { code: 'file-unreadable', message: 'The file did not arrive whole (4 of 5 bytes).' } },
      { ok: false, error: { code: 'file-unreadable', message: 'The file did not arrive whole (3 of 2 bytes).' } },
      { ok: false, error: { code: 'file-unreadable', message: `The file did not arrive whole (${large - 1} of ${large} bytes).` } },
    ]);
    expect(hook.admitted).toEqual([['a/small.bin', 'a/large.bin']]);
    expect(hook.settled()).toBe(1);
    const [batch] = await readdir(root);
    expect(await filesUnder(path.join(root, batch ?? ''))).toEqual([path.join('a', 'large.bin'), path.join('a', 'small.bin')]);
    expect((await readFile(path.join(root, batch ?? '', 'a', 'large.bin'))).length).toBe(large);
  });

  it('reads a refused file\'s part to its end and writes nothing for it', async () => {
    const hook = hooks();
    const refused: CheckedFile = { kind: 'refused', error: { code: 'invalid-argument', message: 'Bad name.', hint: 'Rename it.' } };
    const writer = new BatchWriter(root, [refused, accepted('ok.txt', 2)], hook);
    const part = Readable.from([bytes(10)]);
    await writer.receive(0, part);
    await new Promise((resolve) => part.once('end', resolve));
    await writer.receive(1, Readable.from([bytes(2)]));
    expect(await writer.commit()).toMatchObject([{ ok: false, error: { message: 'Bad name.' } }, { ok: true }]);
  });

  it('keeps two files of the same path apart, in two batch folders', async () => {
    const hook = hooks();
    const writer = new BatchWriter(root, [accepted('a.txt', 1), accepted('a.txt', 1)], hook);
    await writer.receive(0, Readable.from([Buffer.from('1')]));
    await writer.receive(1, Readable.from([Buffer.from('2')]));
    expect(await writer.commit()).toMatchObject([{ ok: true }, { ok: true }]);
    const folders = await readdir(root);
    expect(folders).toHaveLength(2);
    expect((await Promise.all(folders.map((folder) => readFile(path.join(root, folder, 'a.txt'), 'utf8')))).sort()).toEqual(['1', '2']);
  });

  it('deletes a batch folder none of whose files arrived', async () => {
    const writer = new BatchWriter(root, [accepted('deep/down/a.txt', 5)], hooks());
    await writer.receive(0, Readable.from([bytes(1)]));
    expect(await writer.commit()).toMatchObject([{ ok: false }]);
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves nothing behind when aborted in the middle of a file, and registers nothing', async () => {
    const hook = hooks();
    const large = SMALL_FILE_BYTES * 4;
    const writer = new BatchWriter(root, [accepted('done.txt', 2), accepted('cut/large.bin', large)], hook);
    await writer.receive(0, Readable.from([bytes(2)]));
    const part = new PassThrough();
    const receiving = writer.receive(1, part);
    part.write(bytes(SMALL_FILE_BYTES));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // What the parser does to the part being read when the request is cut off.
    part.destroy(new Error('Unexpected end of form'));
    await writer.abort();
    await receiving;
    expect(await readdir(root)).toEqual([]);
    expect(hook.admitted).toEqual([]);
    expect(hook.settled()).toBe(1);
  });
});

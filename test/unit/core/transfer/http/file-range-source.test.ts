import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRange, fileError, openRangeSource, readRangeWhole, readRangeWholeSync } from '../../../../../electron/core/transfer/http/file-range-source.js';
import type { FileRange } from '../../../../../electron/core/transfer/object-api.js';
import { DropsignError } from '../../../../../electron/shared/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-range-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('openRangeSource', () => {
  it('streams exactly [start, end) in chunks of at most the chunk size', async () => {
    const file = path.join(dir, 'a.bin');
    await writeFile(file, Buffer.from('0123456789abcdef'));
    const source = await openRangeSource({ path: file, start: 3, end: 11 }, 4);
    expect(source.length).toBe(8);
    const chunks: Buffer[] = [];
    for await (const chunk of source.stream ?? []) chunks.push(chunk as Buffer);
    expect(chunks.every((c) => c.length <= 4)).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe('3456789a');
  });

  it('gives no stream for an empty range, but still checks the file is there', async () => {
    const file = path.join(dir, 'empty.bin');
    await writeFile(file, '');
    expect(await openRangeSource({ path: file, start: 0, end: 0 })).toEqual({ length: 0, stream: undefined });
    await expect(openRangeSource({ path: path.join(dir, 'missing'), start: 0, end: 0 })).rejects.toMatchObject({ code: 'file-vanished' });
  });

  it('a range past the end of the file yields fewer bytes (the sender turns that into file-changed)', async () => {
    const file = path.join(dir, 'short.bin');
    await writeFile(file, 'abc');
    const source = await openRangeSource({ path: file, start: 0, end: 10 });
    expect((await readAll(source.stream as NodeJS.ReadableStream)).length).toBe(3);
  });

  it('refuses a malformed range as a caller bug', async () => {
    expect(() => checkRange({ path: 'x', start: 5, end: 4 })).toThrow(RangeError);
    expect(() => checkRange({ path: 'x', start: -1, end: 4 })).toThrow(RangeError);
    expect(() => checkRange({ path: 'x', start: 0.5, end: 4 })).toThrow(RangeError);
    await expect(openRangeSource({ path: 'x', start: 2, end: 1 })).rejects.toThrow(RangeError);
  });
});

// The asynchronous reader and its synchronous twin (used by the CLI while the disk is fast) give the same
// bytes and the same errors.
const wholeReaders = [
  { name: 'readRangeWhole', read: readRangeWhole },
  { name: 'readRangeWholeSync', read: async (range: FileRange) => readRangeWholeSync(range) },
] as const;

describe.each(wholeReaders)('$name', ({ read }) => {
  it('reads exactly [start, end) into one buffer', async () => {
    const file = path.join(dir, 'whole.bin');
    await writeFile(file, Buffer.from('0123456789abcdef'));
    expect((await read({ path: file, start: 3, end: 11 })).toString()).toBe('3456789a');
    expect((await read({ path: file, start: 0, end: 16 })).toString()).toBe('0123456789abcdef');
  });

  it('reads an empty range as no bytes, but still checks the file is there', async () => {
    const file = path.join(dir, 'empty-whole.bin');
    await writeFile(file, '');
    expect((await read({ path: file, start: 0, end: 0 })).length).toBe(0);
    await expect(read({ path: path.join(dir, 'missing'), start: 0, end: 0 })).rejects.toMatchObject({ code: 'file-vanished' });
  });

  it('throws file-changed, saying where the file ended, for a range past its end', async () => {
    const file = path.join(dir, 'short-whole.bin');
    await writeFile(file, 'abcde');
    await expect(read({ path: file, start: 2, end: 10 })).rejects.toMatchObject({
      code: 'file-changed',
      details: { expectedBytes: 10, readableBytes: 5 },
    });
  });

  it('throws file-unreadable with the errno for a folder', async () => {
    await expect(read({ path: dir, start: 0, end: 4 })).rejects.toMatchObject({ code: 'file-unreadable', details: { errno: 'EISDIR' } });
  });

  it('refuses a malformed range as a caller bug', async () => {
    await expect(read({ path: 'x', start: 2, end: 1 })).rejects.toThrow(RangeError);
  });
});

describe('fileError', () => {
  it('maps a missing file to file-vanished and others to file-unreadable with the errno', () => {
    const gone = fileError('/p/a.txt', Object.assign(new Error('x'), { code: 'ENOENT' }));
    expect(gone).toBeInstanceOf(DropsignError);
    expect(gone.code).toBe('file-vanished');
    const denied = fileError('/p/a.txt', Object.assign(new Error('x'), { code: 'EACCES' }));
    expect(denied).toMatchObject({ code: 'file-unreadable', details: { errno: 'EACCES', path: '/p/a.txt' } });
    expect(denied.hint).toMatch(/permissions/);
  });
});

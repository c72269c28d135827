import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isErrno, isTempNameFor, publishFile, tempPathFor, writeFileAtomic, writevAll } from '../../../../electron/core/storage/atomic-write.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomic-write', () => {
  it('replaces a file through a temporary one, with the given mode, leaving no temporary file', async () => {
    const target = path.join(dir, 'state.json');
    await writeFile(target, 'old');
    await writeFileAtomic(tempPathFor(target), target, 'new', 0o640);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('refuses to reuse an existing temporary name', async () => {
    const target = path.join(dir, 'state.json');
    const temp = tempPathFor(target);
    await writeFile(temp, 'someone else');
    await expect(writeFileAtomic(temp, target, 'x')).rejects.toSatisfy((error: unknown) => isErrno(error, 'EEXIST'));
  });

  it('publishes create-only with EEXIST when the target exists, removing the temporary file', async () => {
    const target = path.join(dir, 'sub', 'object');
    await mkdir(path.dirname(target));
    const first = tempPathFor(target);
    await writeFile(first, 'one');
    await publishFile(first, target, 'create-only');
    const second = tempPathFor(target);
    await writeFile(second, 'two');
    await expect(publishFile(second, target, 'create-only')).rejects.toSatisfy((error: unknown) => isErrno(error, 'EEXIST'));
    expect(await readFile(target, 'utf8')).toBe('one');
    expect(await readdir(path.dirname(target))).toEqual(['object']);
  });

  it('creates missing directories on the way (either mode), and a missing temporary file still fails', async () => {
    const temp = path.join(dir, 'temp-a');
    await writeFile(temp, 'a');
    await publishFile(temp, path.join(dir, 'x', 'y', 'a'), 'replace');
    const other = path.join(dir, 'temp-b');
    await writeFile(other, 'b');
    await publishFile(other, path.join(dir, 'z', 'b'), 'create-only');
    expect(await readFile(path.join(dir, 'x', 'y', 'a'), 'utf8')).toBe('a');
    expect(await readFile(path.join(dir, 'z', 'b'), 'utf8')).toBe('b');
    expect((await readdir(dir)).sort()).toEqual(['x', 'z']);
    await expect(publishFile(path.join(dir, 'gone'), path.join(dir, 'w', 'c'), 'replace')).rejects.toSatisfy((error: unknown) => isErrno(error, 'ENOENT'));
  });

  it('writes every chunk in order with writevAll, empty ones included', async () => {
    const file = await open(path.join(dir, 'chunks'), 'w');
    const chunks = [Buffer.from('ab'), Buffer.alloc(0), Buffer.alloc(300_000, 7), Buffer.from('z')];
    await writevAll(file, chunks);
    await file.close();
    expect((await readFile(path.join(dir, 'chunks'))).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('makes unique temporary names beside the target and recognises them', () => {
    const target = path.join(dir, 'queue.json');
    const a = tempPathFor(target);
    expect(path.dirname(a)).toBe(dir);
    expect(a).not.toBe(tempPathFor(target));
    expect(isTempNameFor('queue.json', path.basename(a))).toBe(true);
    expect(isTempNameFor('queue.json', 'queue.json.corrupt-1')).toBe(false);
  });
});

import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadableFile } from '../../../electron/cli/local-file.js';
import { DropsignError } from '../../../electron/shared/errors.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropsign-local-file-'));
  await writeFile(join(dir, 'a file.txt'), 'hello');
  await mkdir(join(dir, 'sub'));
  await symlink(join(dir, 'a file.txt'), join(dir, 'link'));
  await writeFile(join(dir, 'locked'), 'x');
  await chmod(join(dir, 'locked'), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(path: string): Promise<string | undefined> {
  try {
    await checkReadableFile(path, dir, '--curl');
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    expect((error as DropsignError).message).toContain('--curl');
    return (error as DropsignError).code;
  }
}

describe('checkReadableFile', () => {
  it('resolves a readable regular file against cwd', async () => {
    await expect(checkReadableFile('a file.txt', dir, '--curl')).resolves.toBe(join(dir, 'a file.txt'));
    await expect(checkReadableFile(join(dir, 'link'), '/', '--curl')).resolves.toBe(join(dir, 'link'));
  });

  it('reports a missing file as file-not-found', async () => {
    expect(await codeOf('missing.txt')).toBe('file-not-found');
    expect(await codeOf('a file.txt/below')).toBe('file-not-found');
  });

  it('refuses a directory as invalid-argument', async () => {
    expect(await codeOf('sub')).toBe('invalid-argument');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as file-unreadable', async () => {
    expect(await codeOf('locked')).toBe('file-unreadable');
  });
});

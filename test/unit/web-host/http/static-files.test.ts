import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaticRoot, resolveStaticFile } from '../../../../electron/web-host/http/static-files.js';

let work = '';
let root = '';
beforeAll(async () => {
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'dropsign-static-')));
  root = path.join(work, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app.js'), '');
  await writeFile(path.join(root, 'assets', 'ünï cödé.svg'), '<svg/>');
  await writeFile(path.join(root, '.hidden'), '');
  await writeFile(path.join(work, 'secret.txt'), 'outside');
  await symlink(path.join(work, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('maps / to index.html and paths to files under the root, percent-decoded', async () => {
    expect(await resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(await resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(await resolveStaticFile(root, '/assets/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9.svg')).toBe(path.join(root, 'assets', 'ünï cödé.svg'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/escape.txt',
    '/.hidden',
    '/assets',
    '/index.html%00',
    '/%ZZ',
    '/nope.js',
  ])('serves nothing for %s', async (pathname) => {
    expect(await resolveStaticFile(root, pathname)).toBeUndefined();
  });
});

describe('openStaticRoot', () => {
  it('finds a built renderer, and says how to build one when there is none', async () => {
    expect(await openStaticRoot(root)).toBe(root);
    await expect(openStaticRoot(path.join(work, 'missing'))).rejects.toThrow('The browser app is not built');
    await expect(openStaticRoot(path.join(root, 'assets'))).rejects.toMatchObject({ hint: expect.stringContaining('npm run build') });
  });
});

/**
 * `--page FILE [--page-language L]` of `dropsign link put`: where the page goes is checked before any link
 * is made, and the page is written whole with mode 0600 (it carries the link), replacing an older one.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropPageTarget, writeDropPage } from '../../../../electron/cli/commands/link-drop-page.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-page-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LINK = {
  method: 'PUT',
  url: 'http://127.0.0.1:47110/dropsign/inbox/a.txt?x-oss-signature=abc',
  headers: { 'content-type': 'text/plain' },
  expiresAt: '2099-01-01T00:00:00.000Z',
  bucket: 'dropsign',
  key: 'inbox/a.txt',
} as const;

describe('dropPageTarget', () => {
  it('is nothing without --page, and resolves the path against the working folder, in English by default', async () => {
    expect(await dropPageTarget({}, dir)).toBeUndefined();
    expect(await dropPageTarget({ page: 'up.html' }, dir)).toEqual({ path: path.join(dir, 'up.html'), language: 'en' });
    expect(await dropPageTarget({ page: 'up.html', 'page-language': 'zh-CN' }, dir)).toEqual({ path: path.join(dir, 'up.html'), language: 'zh-CN' });
  });

  it('refuses a language the page does not speak, a language without a page, a missing folder and a folder', async () => {
    await expect(dropPageTarget({ page: 'up.html', 'page-language': 'fr' }, dir)).rejects.toMatchObject({ code: 'invalid-argument', details: { flag: 'page-language' } });
    await expect(dropPageTarget({ 'page-language': 'en' }, dir)).rejects.toMatchObject({ code: 'missing-argument', details: { flag: 'page' } });
    await expect(dropPageTarget({ page: 'nowhere/up.html' }, dir)).rejects.toMatchObject({ code: 'invalid-argument', message: '--page "nowhere/up.html" is in a folder that does not exist.' });
    await mkdir(path.join(dir, 'sub'));
    await expect(dropPageTarget({ page: 'sub' }, dir)).rejects.toMatchObject({ code: 'invalid-argument', message: '--page "sub" is a folder.' });
  });
});

describe('writeDropPage', () => {
  it('writes the page with mode 0600, replacing an older file and its looser mode', async () => {
    const file = path.join(dir, 'up.html');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeDropPage({ path: file, language: 'zh-CN' }, LINK);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const html = await readFile(file, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('connect-src http://127.0.0.1:47110;');
  });
});

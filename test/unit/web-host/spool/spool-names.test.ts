import { describe, expect, it } from 'vitest';
import { spoolRelativePath } from '../../../../electron/web-host/spool/spool-names.js';

describe('spoolRelativePath', () => {
  it('is the name alone, or the folder path ending with it', () => {
    expect(spoolRelativePath('a.txt', null, 'linux')).toEqual({ ok: true, value: 'a.txt' });
    expect(spoolRelativePath('a.txt', '', 'linux')).toEqual({ ok: true, value: 'a.txt' });
    expect(spoolRelativePath('b.txt', 'photos/2024/b.txt', 'linux')).toEqual({ ok: true, value: 'photos/2024/b.txt' });
    expect(spoolRelativePath('履歴書 ✓.txt', null, 'linux')).toEqual({ ok: true, value: '履歴書 ✓.txt' });
  });

  it.each([
    [null, null],
    ['', null],
    ['.', null],
    ['..', null],
    ['a', '../a'],
    ['a', 'x/../a'],
    ['a', '/a'],
    ['a', 'x//a'],
    ['a', 'x/./a'],
    ['a', 'b'],
    ['a\\b', null],
    ['a\u0000', null],
    ['a\u001f', null],
    ['x'.repeat(256), null],
    ['a', `${'d/'.repeat(600)}a`],
  ])('refuses name %j with path %j', (name, relativePath) => {
    expect(spoolRelativePath(name, relativePath, 'linux')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses on Windows what Windows cannot hold', () => {
    for (const name of ['a:b', 'a?', 'CON', 'nul.txt', 'trailing.', 'trailing ']) {
      expect(spoolRelativePath(name, null, 'win32'), name).toMatchObject({ ok: false });
      expect(spoolRelativePath(name, null, 'linux'), name).toMatchObject({ ok: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { spoolRelativePath } from '../../../../electron/web-host/spool/spool-names.js';

describe('spoolRelativePath', () => {
  it('is a name alone, or a folder path ending with it', () => {
    expect(spoolRelativePath('a.txt', 'linux')).toEqual({ ok: true, value: 'a.txt' });
    expect(spoolRelativePath('photos/2024/b.txt', 'linux')).toEqual({ ok: true, value: 'photos/2024/b.txt' });
    expect(spoolRelativePath('履歴書 ✓.txt', 'linux')).toEqual({ ok: true, value: '履歴書 ✓.txt' });
  });

  it.each([
    [''],
    ['.'],
    ['..'],
    ['../a'],
    ['x/../a'],
    ['/a'],
    ['a/'],
    ['x//a'],
    ['x/./a'],
    ['a\\b'],
    ['..\\..\\a'],
    ['a\u0000'],
    ['a\u001f'],
    ['x'.repeat(256)],
    [`${'d/'.repeat(600)}a`],
  ])('refuses %j', (relativePath) => {
    expect(spoolRelativePath(relativePath, 'linux')).toMatchObject({ ok: false, error: { code: 'invalid-argument', hint: expect.any(String) } });
  });

  it('refuses on Windows what Windows cannot hold', () => {
    for (const name of ['a:b', 'a?', 'CON', 'nul.txt', 'trailing.', 'trailing ']) {
      expect(spoolRelativePath(name, 'win32'), name).toMatchObject({ ok: false });
      expect(spoolRelativePath(name, 'linux'), name).toMatchObject({ ok: true });
    }
  });
});

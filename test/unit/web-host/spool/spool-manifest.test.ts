import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../electron/web-host/spool/spool-manifest.js';

const text = (value: unknown): string => JSON.stringify(value);

describe('parseManifest', () => {
  it('reads each file\'s path and size, in order, leaving the paths to be checked one by one', () => {
    expect(parseManifest(text({ files: [{ path: 'photos/a.jpg', size: 3 }, { path: '../escape', size: 0 }] }), 10)).toEqual({
      ok: true,
      value: [
        { path: 'photos/a.jpg', size: 3 },
        { path: '../escape', size: 0 },
      ],
    });
  });

  it.each([
    ['not JSON', '{"files": ['],
    ['no files', text({ files: [] })],
    ['more files than allowed', text({ files: Array.from({ length: 3 }, (_, index) => ({ path: `f${index}`, size: 1 })) })],
    ['a negative size', text({ files: [{ path: 'a', size: -1 }] })],
    ['a fractional size', text({ files: [{ path: 'a', size: 1.5 }] })],
    ['a size past what a number holds exactly', text({ files: [{ path: 'a', size: 2 ** 60 }] })],
    ['a path that is not text', text({ files: [{ path: 7, size: 1 }] })],
    ['an unknown field', text({ files: [{ path: 'a', size: 1, mode: 0o777 }] })],
    ['a prototype key', '{"files": [{"path": "a", "size": 1}], "__proto__": {"polluted": true}}'],
    ['an absurdly long path', text({ files: [{ path: 'x'.repeat(5000), size: 1 }] })],
  ])('refuses %s as a whole, with a sentence and what to do', (_case, manifest) => {
    expect(parseManifest(manifest, 2)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/\.$/), hint: expect.any(String) } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileKeyTemplate,
  DEFAULT_KEY_TEMPLATE,
  renameForConflict,
  renderObjectKey,
  templateNeedsHash,
  type KeyContext,
  type KeyFile,
} from '../../../../electron/core/transfer/object-key.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

const SHA = 'ABCDEF0123456789'.repeat(4);
const ctx: KeyContext = { now: new Date('2024-03-05T07:08:09.123Z'), uuid: () => '123e4567-e89b-42d3-a456-426614174000', sha256: SHA };
const file = (relativePath: string, size = 10): KeyFile => ({ relativePath, name: relativePath.split('/').pop() ?? '', size, mtimeMs: 1 });
const photo = file('trip/day 1/cat.photo.JPG');

function thrown(run: () => unknown): DropsignError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    return error as DropsignError;
  }
  throw new Error('expected a DropsignError');
}

describe('renderObjectKey', () => {
  it.each([
    ['{path}', 'trip/day 1/cat.photo.JPG'],
    ['{dir}', 'trip/day 1'],
    ['{name}', 'cat.photo.JPG'],
    ['{base}', 'cat.photo'],
    ['{ext}', 'JPG'],
    ['{date}/{name}', '2024-03-05/cat.photo.JPG'],
    ['{time}', '070809'],
    ['{year}/{month}/{day}', '2024/03/05'],
    ['{timestamp}', '1709622489123'],
    ['{uuid}.{ext}', '123e4567-e89b-42d3-a456-426614174000.JPG'],
    ['{sha256:8}.{ext}', 'abcdef01.JPG'],
    ['{sha256:4}', 'abcd'],
    ['{sha256}', SHA.toLowerCase()],
    ['{sha256:64}', SHA.toLowerCase()],
    ['{{literal}}-{name}', '{literal}-cat.photo.JPG'],
    ['a}}b{{c', 'a}b{c'],
  ])('renders %s', (template, expected) => {
    expect(renderObjectKey(template, '', photo, ctx)).toBe(expected);
  });

  it('uses {path} by default', () => {
    expect(DEFAULT_KEY_TEMPLATE).toBe('{path}');
  });

  it('drops the "/" after an empty {dir} and the "." before an empty {ext}', () => {
    const readme = file('README');
    expect(renderObjectKey('{dir}/{name}', '', readme, ctx)).toBe('README');
    expect(renderObjectKey('{base}-{sha256:6}.{ext}', '', readme, ctx)).toBe('README-abcdef');
    expect(renderObjectKey('{dir}/{base}.{ext}', 'p', file('a/b/c.txt'), ctx)).toBe('p/a/b/c.txt');
  });

  it('treats a leading dot as part of the name, not an extension', () => {
    const dotfile = file('cfg/.bashrc');
    expect(renderObjectKey('{base}|{ext}', '', dotfile, ctx)).toBe('.bashrc|');
    expect(renderObjectKey('{base}|{ext}', '', file('archive.tar.gz'), ctx)).toBe('archive.tar|gz');
  });

  it('calls uuid once per key, however often it appears', () => {
    let calls = 0;
    const counting: KeyContext = { ...ctx, uuid: () => `u${++calls}` };
    expect(renderObjectKey('{uuid}/{uuid}', '', photo, counting)).toBe('u1/u1');
    expect(renderObjectKey('{name}', '', photo, counting)).toBe('cat.photo.JPG');
    expect(calls).toBe(1);
  });

  it.each([
    ['', 'cat.jpg'],
    ['up', 'up/cat.jpg'],
    ['up/', 'up/cat.jpg'],
    ['up//', 'up/cat.jpg'],
    ['a/b', 'a/b/cat.jpg'],
  ])('joins the prefix %j with exactly one slash', (prefix, expected) => {
    expect(renderObjectKey('{name}', prefix, file('cat.jpg'), ctx)).toBe(expected);
  });

  it('keeps odd characters as they are and normalises to NFC', () => {
    expect(renderObjectKey('{path}', '', file('+ % # ? & x.txt'), ctx)).toBe('+ % # ? & x.txt');
    const decomposed = 'cafe\u0301.txt';
    expect(renderObjectKey('{name}', 'Cafe\u0301s', file(decomposed), ctx)).toBe('Caf\u00e9s/caf\u00e9.txt');
  });

  it.each([
    ['', /is empty/, ''],
    ['{nme}', /unknown placeholder \{nme\}/, ''],
    ['{Name}', /unknown placeholder \{Name\}/, ''],
    ['{sha256:3}', /3 digits/, ''],
    ['{sha256:65}', /65 digits/, ''],
    ['{sha256:x}', /unknown placeholder \{sha256:x\}/, ''],
    ['{name', /"\{" at position 1 that is never closed/, ''],
    ['{a{name}', /"\{" at position 1 that is never closed/, ''],
    ['name}', /"\}" at position 5 with no "\{"/, ''],
  ])('rejects the template %j naming the problem', (template, message) => {
    const error = thrown(() => renderObjectKey(template, '', photo, ctx));
    expect(error.code).toBe('invalid-key-template');
    expect(error.message).toMatch(message);
    expect(error.hint).toContain('{path}');
    expect(error.details).toEqual({ template });
  });

  it('rejects keys OSS would refuse, naming the file and the template', () => {
    const cases: [string, string, KeyFile][] = [
      ['/{name}', '', photo],
      ['{name}', '/abs', photo],
      ['{dir}/../{name}', '', photo],
      ['{name}', '', file('.')],
      ['{name}', '', file('x'.repeat(1024))],
      ['{name}', '', file('tab\there')],
    ];
    for (const [template, prefix, input] of cases) {
      const error = thrown(() => renderObjectKey(template, prefix, input, ctx));
      expect(error.code).toBe('invalid-key');
      expect(error.message).toContain(`The key template ${JSON.stringify(template)}`);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.details).toMatchObject({ template, prefix });
    }
  });

  it('says the SHA-256 is missing when the template needs it', () => {
    const error = thrown(() => renderObjectKey('{sha256:8}', '', photo, { now: ctx.now, uuid: ctx.uuid }));
    expect(error.code).toBe('internal');
    expect(thrown(() => renderObjectKey('{sha256:8}', '', photo, { ...ctx, sha256: 'abc' })).code).toBe('internal');
  });

  it('with {path}, either gives a valid key or throws a DropsignError (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', '.', '..', ' ', '+', '%', '#', '?', '&', '\\', '\t', '\u0000', 'é', 'e\u0301', '日本', '😀', '\uD800'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    );
    const segment = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const relativePath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/'));
    const prefix = fc.oneof(fc.constant(''), segment, segment.map((s) => `${s}/`));
    fc.assert(
      fc.property(relativePath, prefix, (path, pre) => {
        try {
          const key = renderObjectKey('{path}', pre, file(path), ctx);
          expect(key.startsWith('/')).toBe(false);
          expect(key.split('/')).not.toContain('..');
          expect(new TextEncoder().encode(key).length).toBeLessThanOrEqual(1023);
          expect(key).toBe(key.normalize('NFC'));
        } catch (error) {
          expect(error).toBeInstanceOf(DropsignError);
          expect((error as DropsignError).code).toBe('invalid-key');
        }
      }),
    );
  });
});

describe('templateNeedsHash and compileKeyTemplate', () => {
  it('tells whether the file must be hashed first', () => {
    expect(templateNeedsHash('{date}/{sha256:8}.{ext}')).toBe(true);
    expect(templateNeedsHash('{path}')).toBe(false);
    expect(templateNeedsHash('{{sha256:8}}')).toBe(false);
    expect(() => templateNeedsHash('{oops}')).toThrow(DropsignError);
  });

  it('compiles once and renders many', () => {
    const template = compileKeyTemplate('{dir}/{base}-{uuid}.{ext}');
    expect(template.needsHash).toBe(false);
    expect(template.render('u', file('a/b.png'), ctx)).toBe('u/a/b-123e4567-e89b-42d3-a456-426614174000.png');
    expect(template.render('u', file('c'), ctx)).toBe('u/c-123e4567-e89b-42d3-a456-426614174000');
  });
});

describe('renameForConflict', () => {
  it.each([
    ['photo.jpg', 1, 'photo (1).jpg'],
    ['photo.jpg', 12, 'photo (12).jpg'],
    ['dir/archive.tar.gz', 2, 'dir/archive.tar (2).gz'],
    ['my.dir/README', 1, 'my.dir/README (1)'],
    ['.bashrc', 1, '.bashrc (1)'],
    ['a/.env.local', 3, 'a/.env (3).local'],
    ['ends.', 1, 'ends (1).'],
    ['folder/', 1, 'folder (1)/'],
    ['+ % # ?.txt', 1, '+ % # ? (1).txt'],
  ])('renames %j (n = %i) to %j', (key, n, expected) => {
    expect(renameForConflict(key, n)).toBe(expected);
  });

  it('refuses a number below 1 or not whole', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(thrown(() => renameForConflict('a.txt', n)).code).toBe('invalid-argument');
  });

  it('refuses a result longer than OSS allows', () => {
    expect(thrown(() => renameForConflict(`${'x'.repeat(1019)}.txt`, 1)).code).toBe('invalid-key');
  });
});

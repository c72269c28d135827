import { describe, expect, it } from 'vitest';
import { parseHeaderFlags, parseHeaderNameFlags, parseQueryFlags } from '../../../electron/cli/request-flags.js';
import { DropsignError } from '../../../electron/shared/errors.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    expect((error as DropsignError).message).not.toMatch(/[\r\n]/);
    return (error as DropsignError).code;
  }
  return undefined;
}

describe('parseHeaderFlags', () => {
  it('splits at the first colon and trims name and value', () => {
    expect(
      parseHeaderFlags([
        'Content-Type: text/plain',
        'x-oss-meta-note:  a: b  c ',
        'X-Empty:',
        'content-md5:eB5eJF1ptWaXm4bijSPyxw==',
      ]),
    ).toEqual({
      'Content-Type': 'text/plain',
      'x-oss-meta-note': 'a: b  c',
      'X-Empty': '',
      'content-md5': 'eB5eJF1ptWaXm4bijSPyxw==',
    });
  });

  it('keeps unicode values as given', () => {
    expect(parseHeaderFlags(['x-oss-meta-name: 猫.txt'])).toEqual({ 'x-oss-meta-name': '猫.txt' });
  });

  it('gives nothing for no flags', () => {
    expect(parseHeaderFlags([])).toEqual({});
  });

  it.each([
    ['no colon', ['Content-Type text/plain']],
    ['empty name', [': value']],
    ['blank name', ['   : value']],
    ['space in the name', ['Content Type: x']],
    ['non-token name', ['Cont(ent: x']],
    ['newline in the value', ['x-oss-meta-a: one\ntwo']],
    ['carriage return in the value', ['x-oss-meta-a: one\rtwo']],
    ['a repeated name, any case', ['Content-Type: a', 'content-type: b']],
    ['a newline and no colon', ['first\nsecond']],
  ])('refuses %s with invalid-header on one line', (_why, values) => {
    expect(codeOf(() => parseHeaderFlags(values))).toBe('invalid-header');
  });
});

describe('parseHeaderNameFlags', () => {
  it('accepts header names, trimmed', () => {
    expect(parseHeaderNameFlags(['host', ' Content-Length '])).toEqual(['host', 'Content-Length']);
  });

  it.each([[''], ['host: x'], ['two words'], ['a;b']])('refuses %j with invalid-header', (value) => {
    expect(codeOf(() => parseHeaderNameFlags([value]))).toBe('invalid-header');
  });
});

describe('parseQueryFlags', () => {
  it('reads name=value, a bare name as value-less, and splits at the first =', () => {
    const values = ['versionId=abc', 'uploads', 'a=b=c', 'empty=', 'x-oss-process=image/resize,w_100'];
    expect(parseQueryFlags(values)).toEqual([
      { name: 'versionId', value: 'abc' },
      { name: 'uploads' },
      { name: 'a', value: 'b=c' },
      { name: 'empty', value: '' },
      { name: 'x-oss-process', value: 'image/resize,w_100' },
    ]);
  });

  it('keeps values raw, unicode and reserved characters included', () => {
    expect(parseQueryFlags(['response-content-disposition=attachment; filename="猫 1+1.txt"'])).toEqual([
      { name: 'response-content-disposition', value: 'attachment; filename="猫 1+1.txt"' },
    ]);
  });

  it.each([[''], ['='], ['=value']])('refuses %j (no name) with invalid-query', (value) => {
    expect(codeOf(() => parseQueryFlags([value]))).toBe('invalid-query');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  decodeContinuationToken,
  encodeContinuationToken,
  listPage,
  parseListRequest,
  type ListEntry,
  type ListRequest,
} from '../../../../electron/core/local-bucket/list-objects.js';
import { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';

const entry = (key: string): ListEntry => ({ key, size: 1, etag: '"E"', lastModified: 0, type: 'Normal' });
const request = (over: Partial<ListRequest>): ListRequest => ({
  version: 1,
  prefix: '',
  delimiter: '',
  after: '',
  maxKeys: 1000,
  encodeUrl: false,
  marker: '',
  startAfter: '',
  fetchOwner: false,
  ...over,
});
const keysOf = (entries: readonly ListEntry[]): string[] => entries.map((e) => e.key);

describe('listPage', () => {
  const bucket = ['a/1', 'a/2', 'a/b/3', 'b', 'c/4', 'c/5', 'd'].map(entry);

  it('lists every key in byte order without a delimiter', () => {
    const page = listPage([...bucket].reverse(), request({}));
    expect(keysOf(page.contents)).toEqual(['a/1', 'a/2', 'a/b/3', 'b', 'c/4', 'c/5', 'd']);
    expect(page.commonPrefixes).toEqual([]);
    expect(page.isTruncated).toBe(false);
  });

  it('rolls keys up into common prefixes with a delimiter', () => {
    const page = listPage(bucket, request({ delimiter: '/' }));
    expect(keysOf(page.contents)).toEqual(['b', 'd']);
    expect(page.commonPrefixes).toEqual(['a/', 'c/']);
  });

  it('rolls up below a prefix', () => {
    const page = listPage(bucket, request({ prefix: 'a/', delimiter: '/' }));
    expect(keysOf(page.contents)).toEqual(['a/1', 'a/2']);
    expect(page.commonPrefixes).toEqual(['a/b/']);
  });

  it('counts a common prefix once toward max-keys and resumes after it', () => {
    const first = listPage(bucket, request({ delimiter: '/', maxKeys: 1 }));
    expect(first.commonPrefixes).toEqual(['a/']);
    expect(first).toMatchObject({ isTruncated: true, next: 'a/' });
    const second = listPage(bucket, request({ delimiter: '/', maxKeys: 2, after: 'a/' }));
    expect(keysOf(second.contents)).toEqual(['b']);
    expect(second.commonPrefixes).toEqual(['c/']);
    expect(second).toMatchObject({ isTruncated: true, next: 'c/' });
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF5E sorts after U+1F600 in UTF-16 (0xFF5E > 0xD83D) but before it in UTF-8 (EF BD 9E < F0 9F 98 80).
    const page = listPage([entry('\u{1F600}'), entry('\uFF5E')], request({}));
    expect(keysOf(page.contents)).toEqual(['\uFF5E', '\u{1F600}']);
    expect(compareKeys('\uFF5E', '\u{1F600}')).toBeLessThan(0);
  });

  it('never reports max-keys=0 as truncated', () => {
    expect(listPage(bucket, request({ maxKeys: 0 }))).toEqual({ contents: [], commonPrefixes: [], isTruncated: false });
  });

  it('pages through to exactly the one-shot listing, for any page size (property)', () => {
    const keyArb = fc.string({ unit: fc.constantFrom('a', 'b', '/', 'é', '\u{1F600}'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('', '/'), fc.constantFrom('', 'a', 'a/'), (keys, maxKeys, delimiter, prefix) => {
        const entries = keys.map(entry);
        const whole = listPage(entries, request({ delimiter, prefix }));
        const expected = [...keysOf(whole.contents), ...whole.commonPrefixes].sort(compareKeys);
        const seen: string[] = [];
        let after = '';
        for (let guard = 0; guard < 100; guard++) {
          const page = listPage(entries, request({ delimiter, prefix, maxKeys, after }));
          seen.push(...keysOf(page.contents), ...page.commonPrefixes);
          if (!page.isTruncated) break;
          after = page.next ?? '';
        }
        expect([...seen].sort(compareKeys)).toEqual(expected);
        expect(new Set(seen).size).toBe(seen.length);
      }),
    );
  });
});

describe('parseListRequest', () => {
  it('reads v1 and v2 parameters with OSS defaults', () => {
    expect(parseListRequest([])).toMatchObject({ version: 1, maxKeys: 100, prefix: '', delimiter: '', after: '' });
    const v2 = parseListRequest([
      { name: 'list-type', value: '2' },
      { name: 'start-after', value: 'k' },
      { name: 'max-keys', value: '1000' },
      { name: 'encoding-type', value: 'url' },
    ]);
    expect(v2).toMatchObject({ version: 2, after: 'k', maxKeys: 1000, encodeUrl: true });
  });

  it('lets a continuation token win over start-after', () => {
    const token = encodeContinuationToken('photos/\u{1F600}');
    expect(decodeContinuationToken(token)).toBe('photos/\u{1F600}');
    const parsed = parseListRequest([
      { name: 'list-type', value: '2' },
      { name: 'start-after', value: 'a' },
      { name: 'continuation-token', value: token },
    ]);
    expect(parsed.after).toBe('photos/\u{1F600}');
  });

  it.each([
    [[{ name: 'max-keys', value: '1001' }]],
    [[{ name: 'max-keys', value: '-1' }]],
    [[{ name: 'max-keys', value: 'ten' }]],
    [[{ name: 'list-type', value: '3' }]],
    [[{ name: 'encoding-type', value: 'base64' }]],
    [[{ name: 'list-type', value: '2' }, { name: 'continuation-token', value: '!!' }]],
  ])('refuses %j with InvalidArgument', (query) => {
    try {
      parseListRequest(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OssError);
      expect((error as OssError).response.code).toBe('InvalidArgument');
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { PresignResult } from '../../../../../electron/shared/signing.js';
import { encodeKeyForUrl, makeShareLink, renderPublicUrl, validatePublicUrlTemplate } from '../../../../../electron/core/transfer/engine/share-link.js';

describe('share links', () => {
  it('encodes a key per segment, keeping the slashes', () => {
    expect(encodeKeyForUrl('a b/c+d/日本.txt')).toBe('a%20b/c%2Bd/%E6%97%A5%E6%9C%AC.txt');
    expect(encodeKeyForUrl("it's (1)!*.jpg")).toBe('it%27s%20%281%29%21%2A.jpg');
  });

  it('fills public URL templates', () => {
    expect(renderPublicUrl('https://cdn.example.com/{key}', 'dir/a b.png', 'photos')).toBe('https://cdn.example.com/dir/a%20b.png');
    expect(renderPublicUrl('https://{bucket}.example.com/x/{key}?v=1', 'k', 'photos')).toBe('https://photos.example.com/x/k?v=1');
  });

  it.each([
    ['ftp://cdn.example.com/{key}', 'does not start with http'],
    ['https://cdn.example.com/static.png', 'has no {key}'],
    ['https://cdn.example.com/{path}', 'unknown placeholder {path}'],
  ])('rejects %s', (template, message) => {
    expect(() => validatePublicUrlTemplate(template)).toThrow(message);
  });

  it('accepts http(s) templates with {key} (and {bucket} even as the host)', () => {
    expect(() => validatePublicUrlTemplate('https://cdn.example.com/{key}')).not.toThrow();
    expect(() => validatePublicUrlTemplate('https://{bucket}.oss-cn-hangzhou.aliyuncs.com/{key}')).not.toThrow();
  });

  it('makes a presigned link from the signer, with its expiry', () => {
    const signed: PresignResult = { url: 'https://b.example.com/k?sig', method: 'GET', signedHeaders: {}, expiresAt: '2026-01-15T13:00:00Z', signedAt: '2026-01-15T12:00:00Z' };
    const calls: [string, number][] = [];
    const link = makeShareLink({ kind: 'presigned', expiresInSeconds: 3600 }, 'k', 'b', (key, seconds) => {
      calls.push([key, seconds]);
      return signed;
    });
    expect(link).toEqual({ kind: 'presigned', url: signed.url, expiresAt: signed.expiresAt });
    expect(calls).toEqual([['k', 3600]]);
    expect(makeShareLink({ kind: 'none' }, 'k', 'b', () => signed)).toBeUndefined();
  });
});

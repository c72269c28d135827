import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../../../electron/core/integrity/crc64.js';
import { BodyDigest } from '../../../../../electron/core/transfer/http/body-digest.js';

describe('BodyDigest', () => {
  it('gives the CRC-64, MD5 and length of the whole body, however it is chunked', () => {
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) & 0xff));
    const digest = new BodyDigest(true);
    for (let at = 0; at < data.length; at += 777) digest.update(data.subarray(at, at + 777));
    expect(digest.bytes).toBe(data.length);
    expect(digest.crc64()).toBe(formatCrc64(crc64(data)));
    expect(digest.md5Hex()).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('skips MD5 when not asked, and an empty body has CRC 0', () => {
    const digest = new BodyDigest(false);
    expect(digest.crc64()).toBe('0');
    expect(digest.md5Hex()).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../../../electron/core/integrity/crc64.js';
import { combinePartCrcs } from '../../../../../electron/core/transfer/engine/upload-multipart.js';

function bytes(size: number, seed: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed * 7) & 0xff;
  return data;
}

describe('combinePartCrcs', () => {
  it('gives the CRC-64 of the whole object from its parts’ CRCs and sizes', () => {
    const parts = [bytes(1000, 1), bytes(4096, 2), bytes(1, 3), bytes(777, 4)];
    const records = parts.map((data, i) => ({ n: i + 1, etag: `e${i}`, crc64: formatCrc64(crc64(data)), size: data.length }));
    expect(combinePartCrcs(records)).toBe(formatCrc64(crc64(Buffer.concat(parts))));
  });

  it('is the part’s own CRC for one part, and 0 for none', () => {
    const data = bytes(123, 9);
    expect(combinePartCrcs([{ n: 1, etag: 'e', crc64: formatCrc64(crc64(data)), size: 123 }])).toBe(formatCrc64(crc64(data)));
    expect(combinePartCrcs([])).toBe('0');
  });

  it('is undefined when a part’s CRC cannot be read', () => {
    expect(combinePartCrcs([{ n: 1, etag: 'e', crc64: 'not-a-number', size: 1 }])).toBeUndefined();
  });
});

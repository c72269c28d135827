import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Crc64, crc64, crc64Combine, formatCrc64, parseCrc64 } from '../../../../electron/core/integrity/crc64.js';

/** Bit-at-a-time CRC-64/XZ straight from its definition: the oracle for the table-driven code. */
function reference(data: Uint8Array): bigint {
  const poly = 0xc96c5795d7870f42n;
  let crc = 0xffffffffffffffffn;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc ^ 0xffffffffffffffffn;
}

describe('crc64 (CRC-64/ECMA-182 as OSS uses it)', () => {
  it('gives the catalogue check value for "123456789"', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(0x995dc9bbdf1939fan);
  });

  it('is 0 for no data', () => {
    expect(crc64(new Uint8Array())).toBe(0n);
    expect(new Crc64().digestDecimal()).toBe('0');
  });

  it('matches the bit-at-a-time definition for every length around the 8-byte blocks', () => {
    for (let length = 0; length < 40; length++) {
      const data = randomBytes(length);
      expect(crc64(data)).toBe(reference(data));
    }
  });

  it('matches the definition on arbitrary data (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (data) => crc64(data) === reference(data)));
  });

  it('matches the definition at every alignment of the data in memory (word-read fast path)', () => {
    const backing = randomBytes(200);
    for (let offset = 0; offset < 8; offset++) {
      for (const length of [15, 16, 17, 23, 24, 31, 33, 64, 100, 191]) {
        const view = backing.subarray(offset, offset + length);
        expect(crc64(view), `offset ${offset}, length ${length}`).toBe(reference(view));
        expect(crc64(new Uint8Array(view)), `copy, length ${length}`).toBe(reference(view));
      }
    }
  });

  it('matches the definition across the 4 KiB blocks of the fast path, at every alignment', () => {
    const backing = randomBytes(12_300);
    for (let offset = 0; offset < 4; offset++) {
      for (const length of [4095, 4096, 4097, 4104, 8191, 8200, 12_289]) {
        const view = backing.subarray(offset, offset + length);
        expect(crc64(view), `offset ${offset}, length ${length}`).toBe(reference(view));
      }
    }
  });

  it('gives the same value however the data is split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 5 }), (data, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        const crc = new Crc64();
        let from = 0;
        for (const to of [...points, data.length]) {
          crc.update(data.subarray(from, to));
          from = to;
        }
        return crc.digest() === crc64(data);
      }),
    );
  });

  it('combines the CRCs of two pieces into the CRC of their concatenation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const joined = Buffer.concat([a, b]);
        return crc64Combine(crc64(a), crc64(b), b.length) === crc64(joined);
      }),
    );
  });

  it('combines runs built by doubling (16 MiB of zeros from 1 MiB)', () => {
    const zeros = new Uint8Array(1 << 20);
    let crc = crc64(zeros);
    for (let length = zeros.length; length < 16 << 20; length *= 2) crc = crc64Combine(crc, crc, length);
    const direct = new Crc64();
    for (let i = 0; i < 16; i++) direct.update(zeros);
    expect(crc).toBe(direct.digest());
  });

  it('combines associatively at multipart sizes (5 GiB parts), without the data', () => {
    const [a, b, c] = [0x0123456789abcdefn, 0xfedcba9876543210n, 0x0f0f0f0f0f0f0f0fn];
    const lenB = 5 * 1024 ** 3;
    const lenC = 5 * 1024 ** 3 - 7;
    const left = crc64Combine(crc64Combine(a, b, lenB), c, lenC);
    const right = crc64Combine(a, crc64Combine(b, c, lenC), lenB + lenC);
    expect(left).toBe(right);
  });

  it('formats and parses the decimal header form', () => {
    expect(formatCrc64(0x995dc9bbdf1939fan)).toBe('11051210869376104954');
    expect(parseCrc64('11051210869376104954')).toBe(0x995dc9bbdf1939fan);
    expect(parseCrc64('18446744073709551615')).toBe(0xffffffffffffffffn);
    expect(parseCrc64('18446744073709551616')).toBeUndefined();
    expect(parseCrc64('-1')).toBeUndefined();
    expect(parseCrc64('0x10')).toBeUndefined();
  });
});

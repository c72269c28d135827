import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceParts } from '../../../../electron/core/local-bucket/manifest-stream.js';

describe('sliceParts', () => {
  it('maps a range onto the parts it covers, across boundaries', () => {
    const parts: [number, number][] = [[1, 10], [2, 5], [3, 0], [4, 7]];
    expect(sliceParts(parts, 8, 16)).toEqual([
      { partNumber: 1, start: 8, end: 9 },
      { partNumber: 2, start: 0, end: 4 },
      { partNumber: 4, start: 0, end: 1 },
    ]);
    expect(sliceParts(parts, 10, 10)).toEqual([{ partNumber: 2, start: 0, end: 0 }]);
    expect(sliceParts(parts, 0, 21)).toHaveLength(3);
    expect(sliceParts(parts, 5, 4)).toEqual([]);
  });

  it('covers exactly the requested bytes, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (sizes, a, b) => {
          const total = sizes.reduce((sum, size) => sum + size, 0);
          fc.pre(total > 0);
          const [start, end] = [a % total, b % total].sort((x, y) => x - y) as [number, number];
          const parts = sizes.map((size, index): [number, number] => [index + 1, size]);
          const offsets = new Map<number, number>();
          let offset = 0;
          for (const [n, size] of parts) {
            offsets.set(n, offset);
            offset += size;
          }
          const covered = sliceParts(parts, start, end).flatMap((slice) => {
            expect(slice.start).toBeLessThanOrEqual(slice.end);
            const base = offsets.get(slice.partNumber) ?? 0;
            return Array.from({ length: slice.end - slice.start + 1 }, (_, i) => base + slice.start + i);
          });
          expect(covered).toEqual(Array.from({ length: end - start + 1 }, (_, i) => start + i));
        },
      ),
    );
  });
});

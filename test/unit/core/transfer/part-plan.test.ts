import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MULTIPART_THRESHOLD,
  DEFAULT_PART_SIZE,
  GIB,
  MIB,
  OSS_PART_LIMITS,
  partCountOf,
  partRange,
  planParts,
  S3_PART_LIMITS,
  type PartPlan,
} from '../../../../electron/core/transfer/part-plan.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

const MAX_OBJECT = 48.8e12;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    return (error as DropsignError).code;
  }
  return 'no error';
}

/** Every part's range, in order; checks they tile [0, size) and respect the limits. */
function checkTiling(plan: PartPlan): void {
  let next = 0;
  const count = partCountOf(plan);
  for (let part = 1; part <= count; part++) {
    const range = partRange(plan, part);
    expect(range.start).toBe(next);
    expect(range.length).toBe(range.end - range.start);
    if (part < count) expect(range.length).toBe(plan.kind === 'multipart' ? plan.partSize : plan.size);
    next = range.end;
  }
  expect(next).toBe(plan.size);
}

describe('planParts', () => {
  it('uses 64 MiB and 8 MiB by default', () => {
    expect(DEFAULT_MULTIPART_THRESHOLD).toBe(64 * MIB);
    expect(DEFAULT_PART_SIZE).toBe(8 * MIB);
  });

  it.each([
    [0, { kind: 'single', size: 0 }],
    [1, { kind: 'single', size: 1 }],
    [64 * MIB, { kind: 'single', size: 64 * MIB }],
    [64 * MIB + 1, { kind: 'multipart', size: 64 * MIB + 1, partSize: 8 * MIB, partCount: 9 }],
    [5 * GIB, { kind: 'multipart', size: 5 * GIB, partSize: 8 * MIB, partCount: 640 }],
    [5 * GIB + 1, { kind: 'multipart', size: 5 * GIB + 1, partSize: 8 * MIB, partCount: 641 }],
    // 10,000 parts of 8 MiB is the last size the default part size covers.
    [10_000 * 8 * MIB, { kind: 'multipart', size: 10_000 * 8 * MIB, partSize: 8 * MIB, partCount: 10_000 }],
    [10_000 * 8 * MIB + 1, { kind: 'multipart', size: 10_000 * 8 * MIB + 1, partSize: 9 * MIB, partCount: 8889 }],
    [MAX_OBJECT, { kind: 'multipart', size: MAX_OBJECT, partSize: 4654 * MIB, partCount: 10_000 }],
  ])('plans %i bytes', (size, expected) => {
    const plan = planParts(size);
    expect(plan).toEqual(expected);
    if (size <= 20 * GIB) checkTiling(plan);
  });

  it('always goes multipart above 5 GiB, whatever the threshold', () => {
    expect(planParts(5 * GIB, { threshold: 5 * GIB }).kind).toBe('single');
    expect(planParts(5 * GIB + 1, { threshold: 5 * GIB }).kind).toBe('multipart');
    expect(codeOf(() => planParts(1, { threshold: 5 * GIB + 1 }))).toBe('invalid-part-size');
  });

  it('refuses objects over 48.8 TB', () => {
    expect(codeOf(() => planParts(MAX_OBJECT + 1))).toBe('file-too-large');
  });

  it('takes a part size within the limits, and refuses one outside them', () => {
    expect(planParts(100 * MIB, { partSize: 100 * 1024, threshold: 0 })).toMatchObject({ partSize: 100 * 1024, partCount: 1024 });
    expect(planParts(100 * MIB, { partSize: 5 * GIB, threshold: 0 })).toMatchObject({ partCount: 1 });
    for (const partSize of [100 * 1024 - 1, 5 * GIB + 1, 0, -1, 1.5, Number.NaN]) {
      expect(codeOf(() => planParts(100 * MIB, { partSize }))).toBe('invalid-part-size');
    }
    expect(codeOf(() => planParts(100 * MIB, { partSize: MIB, limits: S3_PART_LIMITS }))).toBe('invalid-part-size');
  });

  it('grows a small part size to a whole MiB so the file fits in 10,000 parts', () => {
    const plan = planParts(50 * GIB, { partSize: 100 * 1024 });
    expect(plan).toMatchObject({ kind: 'multipart', partSize: 6 * MIB });
    expect(partCountOf(plan)).toBeLessThanOrEqual(10_000);
  });

  it('multipart with threshold 0 still sends an empty file in one PUT', () => {
    expect(planParts(0, { threshold: 0 })).toEqual({ kind: 'single', size: 0 });
    expect(planParts(10, { threshold: 0 })).toEqual({ kind: 'multipart', size: 10, partSize: 8 * MIB, partCount: 1 });
  });

  it('refuses sizes that are not whole bytes', () => {
    for (const size of [-1, 0.5, Number.POSITIVE_INFINITY]) expect(codeOf(() => planParts(size))).toBe('invalid-argument');
  });

  it('keeps every plan within the limits, and its ranges tile the file (property)', () => {
    const size = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: MAX_OBJECT }));
    const partSize = fc.option(fc.integer({ min: OSS_PART_LIMITS.minPartSize, max: OSS_PART_LIMITS.maxPartSize }), { nil: undefined });
    const threshold = fc.option(fc.integer({ min: 0, max: 5 * GIB }), { nil: undefined });
    fc.assert(
      fc.property(size, partSize, threshold, (bytes, part, limit) => {
        const plan = planParts(bytes, { ...(part === undefined ? {} : { partSize: part }), ...(limit === undefined ? {} : { threshold: limit }) });
        if (plan.kind === 'single') {
          expect(bytes).toBeLessThanOrEqual(5 * GIB);
          expect(partRange(plan, 1)).toEqual({ start: 0, end: bytes, length: bytes });
          return;
        }
        expect(plan.partCount).toBeLessThanOrEqual(10_000);
        expect(plan.partSize).toBeGreaterThanOrEqual(OSS_PART_LIMITS.minPartSize);
        expect(plan.partSize).toBeLessThanOrEqual(OSS_PART_LIMITS.maxPartSize);
        expect((plan.partCount - 1) * plan.partSize).toBeLessThan(bytes);
        expect(plan.partCount * plan.partSize).toBeGreaterThanOrEqual(bytes);
        const last = partRange(plan, plan.partCount);
        expect(last.end).toBe(bytes);
        expect(last.length).toBeGreaterThan(0);
        expect(partRange(plan, 1).start).toBe(0);
        if (plan.partCount > 1) expect(partRange(plan, 2).start).toBe(partRange(plan, 1).end);
      }),
      { numRuns: 500 },
    );
  });
});

describe('partRange', () => {
  it('gives start inclusive and end exclusive, the last part shorter', () => {
    const plan = planParts(20 * MIB + 5, { threshold: 0 });
    expect(partRange(plan, 1)).toEqual({ start: 0, end: 8 * MIB, length: 8 * MIB });
    expect(partRange(plan, 3)).toEqual({ start: 16 * MIB, end: 20 * MIB + 5, length: 4 * MIB + 5 });
    checkTiling(plan);
  });

  it('refuses parts that do not exist', () => {
    const plan = planParts(20 * MIB, { threshold: 0 });
    for (const part of [0, 4, 1.5, -1]) expect(codeOf(() => partRange(plan, part))).toBe('invalid-argument');
    expect(codeOf(() => partRange(planParts(10), 2))).toBe('invalid-argument');
  });
});

/**
 * Whether a file goes up in one PUT or in parts, and how big the parts are, within the object store's
 * limits. Parts are numbered from 1, as OSS and S3 number them.
 */
import { DropsignError } from '../../shared/errors.js';

/** One mebibyte. */
export const MIB = 1024 * 1024;
/** One gibibyte. */
export const GIB = 1024 * MIB;

/** The limits of one object store. */
export interface PartLimits {
  /** Largest single PUT. */
  readonly maxSinglePut: number;
  /** Smallest part except the last. */
  readonly minPartSize: number;
  readonly maxPartSize: number;
  readonly maxParts: number;
  /** Largest object. */
  readonly maxObjectSize: number;
}

/**
 * Alibaba Cloud OSS: PutObject up to 5 GiB; parts 100 KiB to 5 GiB (the last may be smaller), at most
 * 10,000 of them; objects up to 48.8 TB (decimal, as OSS documents it).
 */
export const OSS_PART_LIMITS: PartLimits = {
  maxSinglePut: 5 * GIB,
  minPartSize: 100 * 1024,
  maxPartSize: 5 * GIB,
  maxParts: 10_000,
  maxObjectSize: 48.8e12,
};

/** Amazon S3 and most S3-compatible stores: as OSS, but parts of at least 5 MiB (except the last). */
export const S3_PART_LIMITS: PartLimits = { ...OSS_PART_LIMITS, minPartSize: 5 * MIB };

/**
 * Files above this size go up in parts. Why 64 MiB: below it one PUT finishes in seconds on a typical
 * uplink, so a failure costs little to redo; above it parts bring parallelism within the file, retries of
 * one part instead of the file, and resume after a restart.
 */
export const DEFAULT_MULTIPART_THRESHOLD = 64 * MIB;

/**
 * The part size before growth. Why 8 MiB: at or above S3's 5 MiB minimum, so one plan suits every store;
 * a failed part costs at most 8 MiB to send again and a resume loses at most that per part in flight;
 * parts are streamed from disk, so memory does not grow with it (concurrency × part size is only what may
 * be re-sent, not what is held). 10,000 parts of 8 MiB cover 78 GiB; larger files grow the part size.
 */
export const DEFAULT_PART_SIZE = 8 * MIB;

/** How a file is uploaded. `size` is the file's size in bytes. */
export type PartPlan =
  | { readonly kind: 'single'; readonly size: number }
  | { readonly kind: 'multipart'; readonly size: number; readonly partSize: number; readonly partCount: number };

/** What to plan with. */
export interface PartPlanOptions {
  /** Files larger than this go multipart (a file of exactly this size does not). Default 64 MiB. */
  readonly threshold?: number;
  /** The wished part size; grown (never shrunk) when the file would need more parts than allowed. Default 8 MiB. */
  readonly partSize?: number;
  /** The store's limits. Default {@link OSS_PART_LIMITS}. */
  readonly limits?: PartLimits;
}

/** The binary size in readable units (`5 GiB`, `100 KiB`), for messages. */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  // Why 1024: binary units, as the limits are.
  while (value >= 1024 && unit < units.length - 1 && Number.isInteger(value / 1024)) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en-US')} ${units[unit]}`;
}

function checkWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DropsignError('invalid-argument', `The ${what} must be a whole number of bytes, not ${value}.`, 'This is a bug in Dropsign; please report it.');
  }
}

/**
 * Plans the upload of a file of `size` bytes: one PUT up to the threshold (and never above the single-PUT
 * limit), otherwise parts of the wished size, grown to a whole number of MiB when the file would need
 * more than the part limit. Throws `file-too-large` beyond the object limit and `invalid-part-size` for a
 * part size or threshold outside the store's limits.
 */
export function planParts(size: number, options: PartPlanOptions = {}): PartPlan {
  const limits = options.limits ?? OSS_PART_LIMITS;
  const threshold = options.threshold ?? DEFAULT_MULTIPART_THRESHOLD;
  const wished = options.partSize ?? DEFAULT_PART_SIZE;
  checkWhole(size, 'file size');
  checkWhole(threshold, 'multipart threshold');
  if (threshold > limits.maxSinglePut) {
    throw new DropsignError(
      'invalid-part-size',
      `The multipart threshold of ${formatBytes(threshold)} is above the ${formatBytes(limits.maxSinglePut)} a single upload may have.`,
      `Choose a threshold of at most ${formatBytes(limits.maxSinglePut)}.`,
    );
  }
  if (!Number.isSafeInteger(wished) || wished < limits.minPartSize || wished > limits.maxPartSize) {
    throw new DropsignError(
      'invalid-part-size',
      `A part size of ${Number.isSafeInteger(wished) ? formatBytes(wished) : String(wished)} is outside the ${formatBytes(limits.minPartSize)} to ${formatBytes(limits.maxPartSize)} the store allows.`,
      `Choose a part size between ${formatBytes(limits.minPartSize)} and ${formatBytes(limits.maxPartSize)}, for example 8 MiB.`,
      { partSize: wished, minPartSize: limits.minPartSize, maxPartSize: limits.maxPartSize },
    );
  }
  if (size > limits.maxObjectSize) {
    throw new DropsignError(
      'file-too-large',
      `The file is ${size.toLocaleString('en-US')} bytes; the largest object the store accepts is ${limits.maxObjectSize.toLocaleString('en-US')} bytes (48.8 TB).`,
      'Split the file (for example with split or 7-Zip volumes) and upload the pieces.',
      { size, maxObjectSize: limits.maxObjectSize },
    );
  }
  if (size <= threshold) return { kind: 'single', size };
  // Grow to a whole number of MiB: round sizes read better in logs and keep parts aligned to disk blocks.
  const needed = Math.ceil(size / limits.maxParts);
  const partSize = needed > wished ? Math.min(Math.ceil(needed / MIB) * MIB, limits.maxPartSize) : wished;
  return { kind: 'multipart', size, partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}

/** The number of parts of a plan (1 for a single PUT). */
export function partCountOf(plan: PartPlan): number {
  return plan.kind === 'single' ? 1 : plan.partCount;
}

/**
 * The bytes of part `partNumber` (1-based): `start` inclusive, `end` exclusive, `length = end - start`.
 * (`fs.createReadStream` and HTTP Range take an inclusive end: pass `end - 1`.) A single PUT is part 1.
 */
export function partRange(plan: PartPlan, partNumber: number): { start: number; end: number; length: number } {
  const count = partCountOf(plan);
  if (!Number.isSafeInteger(partNumber) || partNumber < 1 || partNumber > count) {
    throw new DropsignError(
      'invalid-argument',
      `Part ${partNumber} does not exist; this upload has ${count} part${count === 1 ? '' : 's'}.`,
      'This is a bug in Dropsign; please report it.',
    );
  }
  if (plan.kind === 'single') return { start: 0, end: plan.size, length: plan.size };
  const start = (partNumber - 1) * plan.partSize;
  const end = Math.min(start + plan.partSize, plan.size);
  return { start, end, length: end - start };
}

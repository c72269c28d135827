import bytes from 'bytes';
import { DropsignError } from '../shared/errors.js';

/** `64MB`, `8 MiB`, `100KB`, `1.5GB`, `1048576`: a number and an optional binary unit. */
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgtp]i?b?|b)?$/i;

/**
 * Reads a size flag (`--part-size 16MB`). Units are binary, as storage limits are: `MB` and `MiB` both mean
 * 1,048,576 bytes. Anything else is a one-line `invalid-argument` error naming the flag.
 */
export function parseSizeFlag(text: string, flag: string): number {
  const match = SIZE.exec(text.trim());
  const unit = (match?.[2] ?? 'b').toLowerCase().replace('i', '');
  // bytes.parse floors fractions (0.5B would be 0), so it gives only the unit's size; the product must be whole.
  const unitSize = bytes.parse(`1${unit.endsWith('b') ? unit : `${unit}b`}`);
  const value = match === null || unitSize === null ? null : Number(match[1]) * unitSize;
  if (value === null || !Number.isSafeInteger(value)) {
    throw new DropsignError(
      'invalid-argument',
      `--${flag} ${JSON.stringify(text)} is not a size.`,
      `Give a size such as 64MB, 8MiB or 1048576 (units are binary: 1 MB = 1,048,576 bytes).`,
      { flag },
    );
  }
  return value;
}

/** A byte count for people: `1.2 MB`, `64 KB`, `0 B`. */
export function formatSize(count: number): string {
  return bytes.format(count, { unitSeparator: ' ', decimalPlaces: 1 }) ?? `${count} B`;
}

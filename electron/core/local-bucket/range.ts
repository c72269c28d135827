/**
 * The Range header of GetObject, resolved against an object's size as OSS does.
 */
import type { RangeBehavior } from './types.js';

/** What to send for a GET. `end` is inclusive. */
export type RangeDecision =
  | { readonly kind: 'full' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=([0-9]*)-([0-9]*)$/;

/**
 * Resolves `header` for an object of `size` bytes.
 *
 * A header that is not a byte range (`byte=0-1`, `bytes=5-2`, `bytes=-`) is ignored (full object), as HTTP
 * and OSS both do. For a syntactically valid range:
 * - `standard`: the end is clamped to the object; a start at or past the end, a zero-length suffix
 *   (`bytes=-0`), any range of an empty object, or several ranges → unsatisfiable (416 InvalidRange).
 * - `oss-default`: any range not wholly inside the object, and several ranges, are ignored (full object).
 */
export function resolveRange(header: string | undefined, size: number, behavior: RangeBehavior): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const text = header.trim();
  if (text.includes(',')) {
    return behavior === 'standard' && /^bytes=/.test(text) ? { kind: 'unsatisfiable' } : { kind: 'full' };
  }
  const match = SINGLE_RANGE.exec(text);
  if (match === null) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };

  if (first === '') {
    // Suffix range: the last N bytes.
    const count = Number(last);
    if (behavior === 'oss-default') {
      return count === 0 || count > size ? { kind: 'full' } : { kind: 'partial', start: size - count, end: size - 1 };
    }
    if (count === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - count), end: size - 1 };
  }

  const start = Number(first);
  const requestedEnd = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (requestedEnd < start) return { kind: 'full' };
  if (behavior === 'oss-default') {
    if (start >= size || (last !== '' && requestedEnd >= size)) return { kind: 'full' };
    return { kind: 'partial', start, end: Math.min(requestedEnd, size - 1) };
  }
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(requestedEnd, size - 1) };
}

/** The behaviour for one request: the `x-oss-range-behavior: standard` header overrides the server default. */
export function rangeBehaviorFor(header: string | undefined, serverDefault: RangeBehavior): RangeBehavior {
  return header?.trim().toLowerCase() === 'standard' ? 'standard' : serverDefault;
}

/**
 * fast-check arbitraries and URL helpers shared by the signing property tests.
 */

import fc from 'fast-check';

/** Pieces that stress key encoding: reserved and unsafe URL characters, non-ASCII, emoji. */
const KEY_PIECES = [
  'a', 'Z', '0', 'photo', ' ', '+', '%', '?', '#', '~', '/', '-', '_', '.', '&', '=', ';', ':', '@', '$', ',',
  '!', "'", '(', ')', '*', '[', ']', '"', '<', '>', '^', '`', '{', '}', '|', 'é', 'ü', '日本', '中文', '😀', '👍🏽',
  '%2F', '%20', 'a+b', '..x', 'x..',
];

/** True when a key passes the OSS key rules (no leading slash or backslash, no `.`/`..` segment). */
export function isSendableKey(key: string): boolean {
  return (
    key.length > 0 &&
    !key.startsWith('/') &&
    !key.startsWith('\\') &&
    !key.split('/').some((segment) => segment === '.' || segment === '..') &&
    new TextEncoder().encode(key).length <= 1023
  );
}

/** Object keys: unicode, spaces, `+ % ? # ~ /`, emoji. */
export const keyArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...KEY_PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((pieces) => pieces.join(''))
  .filter(isSendableKey);

/** Whole-second signing times between 2001 and 2099 (ali-oss rounds `Date.now()` to seconds for V1). */
export const timeArb: fc.Arbitrary<number> = fc
  // Why these bounds: 2001-09-09 and 2099-12-31 in Unix seconds, well inside every format's range.
  .integer({ min: 1_000_000_000, max: 4_102_444_799 })
  .map((seconds) => seconds * 1000);

/** V4 validity in seconds, 1 s to 7 days. */
export const expiresArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 604_800 }),
  fc.constantFrom(1, 60, 3600, 86_400, 604_800),
);

/** Access key ids and secrets as the consoles issue them (letters and digits, sometimes `/` and `+`). */
export const accessKeyIdArb: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9]{8,30}$/);
export const secretArb: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9/+]{16,40}$/);

/** STS-like tokens: base64 text with `+ / =`, the characters that must be percent-encoded in a query. */
export const tokenArb: fc.Arbitrary<string> = fc.base64String({ minLength: 8, maxLength: 120 }).map((b64) => `CAIS${b64}`);

/** Header values made of visible ASCII and inner spaces (validation rejects anything else). */
export const headerValueArb: fc.Arbitrary<string> = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 })
  .filter((value) => value.trim() !== '');

/** A Content-MD5 value: base64 of 16 bytes. */
export const contentMd5Arb: fc.Arbitrary<string> = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => Buffer.from(bytes).toString('base64'));

/** Content types, with parameters and the odd spacing users paste. */
export const contentTypeArb: fc.Arbitrary<string> = fc.constantFrom(
  'application/octet-stream',
  'image/png',
  'text/plain; charset=utf-8',
  'video/mp4',
  'application/json',
);

/** Free-text query values: any unicode, including `& = + %` and spaces. */
export const queryValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('attachment; filename="a b+c.txt"', 'image/resize,w_100/format,webp', '1', 'a&b=c', '100%'),
);

/** The decoded, comparable parts of a URL: origin, decoded path and sorted decoded query pairs. */
export interface UrlParts {
  readonly origin: string;
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
}

/** Parses a URL into {@link UrlParts}. A bare `uploads` and `uploads=` both give `['uploads', '']`. */
export function urlParts(url: string): UrlParts {
  const parsed = new URL(url);
  const query = [...parsed.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  return { origin: parsed.origin, path: decodeURIComponent(parsed.pathname), query };
}

/** One query parameter of a URL, decoded (undefined when absent). */
export function queryValue(url: string, name: string): string | undefined {
  return new URL(url).searchParams.get(name) ?? undefined;
}

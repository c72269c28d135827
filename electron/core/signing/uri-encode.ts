/**
 * RFC 3986 percent-encoding as the OSS and S3 signature algorithms define it.
 *
 * Every byte of the UTF-8 encoding outside the unreserved set `A-Za-z0-9-._~` becomes `%XX` with upper-case
 * hex; `/` is kept only when asked (object paths). This differs from `encodeURIComponent`, which keeps
 * `!'()*`, and from form encoding, which writes a space as `+`.
 */

const utf8 = new TextEncoder();

/** Upper-case `%XX` for every byte value, built once. */
const PERCENT_BYTE: readonly string[] = Array.from(
  // Why 256: one entry per possible byte value.
  { length: 256 },
  // Why 16 and 2: hex digits, padded to two characters.
  (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
);

/** True for the bytes RFC 3986 calls unreserved: ALPHA, DIGIT, `-`, `.`, `_`, `~`. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

// Why 0x2f: the byte value of '/'.
const SLASH = 0x2f;

/**
 * Percent-encodes the UTF-8 bytes of `value`, keeping only the unreserved characters (and `/` when
 * `keepSlash` is true). Upper-case hex, so `+` is `%2B`, space is `%20`, `é` is `%C3%A9`.
 *
 * Lone UTF-16 surrogates cannot be encoded as UTF-8; validation rejects them before signing (here they
 * would become U+FFFD).
 */
export function uriEncode(value: string, keepSlash = false): string {
  let out = '';
  for (const byte of utf8.encode(value)) {
    if (isUnreserved(byte) || (keepSlash && byte === SLASH)) out += String.fromCharCode(byte);
    else out += PERCENT_BYTE[byte];
  }
  return out;
}

/** Encodes an object path: like {@link uriEncode} but keeps `/` so the segments stay visible. */
export function uriEncodePath(path: string): string {
  return uriEncode(path, true);
}

/** Byte-order comparison of two strings made of ASCII (percent-encoded) characters, for canonical sorting. */
export function compareAscii(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

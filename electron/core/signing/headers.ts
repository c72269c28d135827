/**
 * Header normalisation shared by the signing schemes.
 */

/** Trims the optional whitespace HTTP strips around a field value (spaces and horizontal tabs). */
export function trimHeaderValue(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Trims and collapses inner runs of spaces and tabs to one space (S3 SigV4 "trimall"). */
export function trimAllHeaderValue(value: string): string {
  return trimHeaderValue(value).replace(/[ \t]+/g, ' ');
}

/** Lower-cases header names and trims values. Validation guarantees names are unique ignoring case. */
export function normalizeHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  if (headers === undefined) return {};
  // Object.fromEntries defines own properties, so even a header named `__proto__` stays plain data.
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), trimHeaderValue(value)]),
  );
}

/**
 * True for the headers OSS signs by default (V4 canonical headers, V1 string to sign): `content-type`,
 * `content-md5` and `x-oss-*`.
 */
export function isOssDefaultSignedHeader(lowerName: string): boolean {
  return lowerName === 'content-type' || lowerName === 'content-md5' || lowerName.startsWith('x-oss-');
}

/** The entries of a lower-case header record, sorted by name (byte order). */
export function sortedHeaderEntries(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

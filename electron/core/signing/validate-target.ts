/**
 * Validation of where a request goes: endpoint, addressing style, bucket name and object key.
 */

import type { AddressingStyle, SigningScheme } from '../../shared/signing.js';
import { describeChar, fail, isString, loneSurrogateIndex, quote, utf8Length } from './validation-helpers.js';

/** True for an IPv4 or bracketed IPv6 host name, which cannot take a `bucket.` prefix. */
function isIpHost(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
}

/**
 * Validates the endpoint: an `http://` or `https://` URL with a host and an optional port, and no path,
 * query, fragment or user credentials. Virtual-hosted style needs a DNS name, not an IP address
 * (`localhost` is fine: `bucket.localhost` is loopback, which the local bucket serves).
 */
export function validateEndpoint(endpoint: unknown, style: AddressingStyle): void {
  const hint =
    'Give the endpoint as scheme://host[:port], for example https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000.';
  if (!isString(endpoint) || endpoint.trim() === '') {
    fail('invalid-endpoint', 'No endpoint was given.', hint);
  }
  if (endpoint !== endpoint.trim()) {
    fail(
      'invalid-endpoint',
      'The endpoint has spaces or line breaks around it.',
      'Remove the surrounding whitespace from the endpoint.',
    );
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) {
    const guess = /^[\w.-]+(:\d+)?\/?$/.test(endpoint) ? `; did you mean https://${endpoint.replace(/\/$/, '')}?` : '.';
    fail('invalid-endpoint', `The endpoint has no http:// or https:// scheme${guess}`, hint);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not echoed: an unparsable endpoint might carry credentials we cannot strip.
    fail('invalid-endpoint', 'The endpoint is not a valid URL.', hint);
  }
  if (url.username !== '' || url.password !== '') {
    fail(
      'invalid-endpoint',
      'The endpoint contains user credentials (user:password@), which do not belong in a URL.',
      'Remove the user part from the endpoint; the access key is configured separately.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(
      'invalid-endpoint',
      `The endpoint uses ${url.protocol.slice(0, -1)}://, but only http:// and https:// are supported.`,
      hint,
    );
  }
  if (url.hostname === '') fail('invalid-endpoint', 'The endpoint has no host name.', hint);
  if (url.pathname !== '/' && url.pathname !== '') {
    fail(
      'invalid-endpoint',
      `The endpoint has a path (${quote(url.pathname)}), but an endpoint is only scheme://host[:port].`,
      'Remove the path: give the bucket as the bucket, the key as the key, and use path style if the bucket goes in the path.',
    );
  }
  if (url.search !== '' || endpoint.includes('?')) {
    fail(
      'invalid-endpoint',
      'The endpoint has a query string.',
      'Remove everything from "?" on; pass query parameters separately.',
    );
  }
  if (url.hash !== '' || endpoint.includes('#')) {
    fail('invalid-endpoint', 'The endpoint has a fragment (#...).', 'Remove everything from "#" on.');
  }
  if (style === 'virtual-hosted' && isIpHost(url.hostname)) {
    fail(
      'invalid-style',
      `Virtual-hosted style puts the bucket in the host name, which cannot work with ${quote(url.hostname)}.`,
      'Use path style with an IP address (--style path), or a host name such as localhost.',
    );
  }
}

/** Rejects bucket names outside the common 3-63 character rule and the OSS/S3 character sets. */
function checkBucketShape(bucket: string, allowDots: boolean, system: string): void {
  // Why 3 and 63: the bucket name limits of both OSS and S3 (63 is the longest DNS label).
  if (bucket.length < 3 || bucket.length > 63) {
    fail(
      'invalid-bucket',
      `The bucket name ${quote(bucket)} is ${bucket.length} characters long; ${system} bucket names have 3 to 63.`,
      'Check the bucket name in the console.',
    );
  }
  const allowed = allowDots ? /[^a-z0-9.-]/ : /[^a-z0-9-]/;
  const bad = bucket.match(allowed)?.[0];
  if (bad !== undefined) {
    const what = /[A-Z]/.test(bad)
      ? `an upper-case letter (${describeChar(bad)})`
      : bad === '.'
        ? 'a dot, which OSS bucket names do not allow (S3 names do)'
        : describeChar(bad);
    const set = allowDots ? 'lower-case letters, digits, dots and hyphens' : 'lower-case letters, digits and hyphens';
    fail(
      'invalid-bucket',
      `The bucket name ${quote(bucket)} contains ${what}; ${system} bucket names use ${set} only.`,
      'Check the bucket name in the console; bucket names are always lower-case.',
    );
  }
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket)) {
    const end = /^[a-z0-9]/.test(bucket) ? 'ends' : 'starts';
    fail(
      'invalid-bucket',
      `The bucket name ${quote(bucket)} ${end} with ${quote(end === 'ends' ? bucket.slice(-1) : bucket[0] ?? '')}; ${system} bucket names start and end with a letter or digit.`,
      'Check the bucket name in the console.',
    );
  }
}

/** Rejects S3 bucket names the S3 naming rules forbid beyond the character set. */
function checkS3BucketRules(bucket: string): void {
  const problem = bucket.includes('..')
    ? 'has two adjacent dots'
    : /^\d+\.\d+\.\d+\.\d+$/.test(bucket)
      ? 'is formatted as an IP address'
      : bucket.startsWith('xn--') || bucket.startsWith('sthree-')
        ? `starts with ${quote(bucket.startsWith('xn--') ? 'xn--' : 'sthree-')}, a prefix S3 reserves`
        : bucket.endsWith('-s3alias') || bucket.endsWith('--ol-s3')
          ? `ends with ${quote(bucket.endsWith('-s3alias') ? '-s3alias' : '--ol-s3')}, a suffix S3 reserves`
          : undefined;
  if (problem !== undefined) {
    fail(
      'invalid-bucket',
      `The bucket name ${quote(bucket)} ${problem}, which S3 bucket names may not.`,
      'Check the bucket name.',
    );
  }
}

/**
 * Validates the bucket name: OSS rules (3-63 characters, lower-case letters, digits and hyphens, starting
 * and ending with a letter or digit) for the OSS schemes; S3 rules (the same plus dots, no `..`, not an IP
 * address, no reserved prefix or suffix) for `s3-v4`.
 */
export function validateBucket(bucket: unknown, scheme: SigningScheme): void {
  if (!isString(bucket) || bucket === '') {
    fail('invalid-bucket', 'No bucket was given.', 'Give the bucket name, for example --bucket my-photos.');
  }
  const s3 = scheme === 's3-v4';
  checkBucketShape(bucket, s3, s3 ? 'S3' : 'OSS');
  if (s3) checkS3BucketRules(bucket);
}

/**
 * Validates an object key (omitted for bucket-level requests): non-empty, well-formed Unicode, at most
 * 1023 (OSS) or 1024 (S3) UTF-8 bytes, not starting with `/` or `\`, without control characters, and without
 * `.` or `..` path segments (HTTP clients rewrite those, so the request would name another object).
 */
export function validateKey(key: unknown, scheme: SigningScheme): void {
  if (key === undefined) return;
  if (!isString(key) || key === '') {
    fail(
      'invalid-key',
      'The object key is empty.',
      'Give a key such as photos/cat.jpg, or omit it for a bucket-level request.',
    );
  }
  const system = scheme === 's3-v4' ? 'S3' : 'OSS';
  const surrogate = loneSurrogateIndex(key);
  if (surrogate >= 0) {
    fail(
      'invalid-key',
      `The object key is not valid Unicode (a lone UTF-16 surrogate at position ${surrogate}), so it cannot be encoded as UTF-8.`,
      'Rename the file or choose a key made of valid Unicode characters.',
    );
  }
  // Why 1023 and 1024: the longest key in UTF-8 bytes that OSS and S3 accept.
  const maxBytes = scheme === 's3-v4' ? 1024 : 1023;
  const bytes = utf8Length(key);
  if (bytes > maxBytes) {
    fail(
      'invalid-key',
      `The object key is ${bytes} bytes long in UTF-8; ${system} allows at most ${maxBytes}.`,
      'Choose a shorter key (shorter folder or file names).',
      { bytes, maxBytes },
    );
  }
  if (key.startsWith('/') || key.startsWith('\\')) {
    fail(
      'invalid-key',
      `The object key ${quote(key)} starts with ${quote(key[0] ?? '')}; ${system} object keys cannot start with / or \\.`,
      'Remove the leading slash: photos/cat.jpg, not /photos/cat.jpg.',
    );
  }
  // Control characters (C0, DEL, C1) cannot be stored and listed reliably (XML listings cannot carry most).
  const control = key.search(/\p{Cc}/u);
  if (control >= 0) {
    fail(
      'invalid-key',
      `The object key contains the control character ${describeChar(key[control] ?? '')} at position ${control}, which cannot be sent reliably.`,
      'Rename the file or choose a key without control characters (tabs, line breaks, NUL).',
    );
  }
  const dotSegment = key.split('/').find((segment) => segment === '.' || segment === '..');
  if (dotSegment !== undefined) {
    fail(
      'invalid-key',
      `The object key ${quote(key)} has a ${quote(dotSegment)} path segment, which browsers, curl and fetch remove before sending, so the URL would name another object.`,
      'Choose a key in which no part between slashes is "." or "..".',
    );
  }
}

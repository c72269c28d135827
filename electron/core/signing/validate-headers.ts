/**
 * Validation of the headers to sign and of the OSS V4 additional header names.
 */

import type { SigningScheme } from '../../shared/signing.js';
import { isOssDefaultSignedHeader } from './headers.js';
import { describeChar, fail, isString, quote } from './validation-helpers.js';

/** An RFC 7230 `token`: the characters a header name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers proxies and HTTP clients add, drop or rewrite hop by hop, so a signature cannot bind them. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers that carry what the signer itself writes into the URL; sending them too would conflict. */
const SIGNER_HEADERS = new Set([
  'x-oss-date',
  'x-oss-expires',
  'x-oss-credential',
  'x-oss-signature',
  'x-oss-signature-version',
  'x-oss-additional-headers',
  'x-oss-security-token',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-signature',
  'x-amz-signedheaders',
  'x-amz-security-token',
]);

/** Rejects a header name that is not an RFC 7230 token. */
function checkName(name: string, what: string): void {
  if (!TOKEN.test(name)) {
    const bad = [...name].find((char) => !TOKEN.test(char));
    fail(
      'invalid-header',
      name === ''
        ? `An empty ${what} name was given.`
        : `The ${what} name ${quote(name)} is not a valid HTTP header name (it contains ${describeChar(bad ?? '')}).`,
      'Header names are made of letters, digits and !#$%&\'*+-.^_`|~ only, for example x-oss-meta-author.',
    );
  }
}

/** Rejects a value with characters HTTP cannot carry or that would be sent other than signed. */
function checkValue(name: string, value: unknown): void {
  if (!isString(value)) {
    fail('invalid-header', `The value of header ${quote(name)} is not text.`, 'Give every header value as a string.');
  }
  // Field values are visible ASCII, space and tab. CR, LF and NUL would split or end the header; other
  // controls are refused by HTTP clients; non-ASCII is sent as raw bytes that do not match the UTF-8 the
  // signature covers.
  const bad = value.search(/[^\t\x20-\x7e]/);
  if (bad < 0) return;
  const char = String.fromCodePoint(value.codePointAt(bad) ?? 0);
  if (char === '\r' || char === '\n' || char === '\0') {
    fail(
      'invalid-header',
      `The value of header ${quote(name)} contains ${describeChar(char)}, which would split or cut the header.`,
      'Remove line breaks and NUL characters from the header value.',
    );
  }
  // Why 0x7f: DEL is the last ASCII code; beyond it the character is not ASCII.
  const nonAscii = (char.codePointAt(0) ?? 0) > 0x7f;
  fail(
    'invalid-header',
    nonAscii
      ? `The value of header ${quote(name)} contains the non-ASCII character ${describeChar(char)}, which HTTP clients do not send as the UTF-8 that is signed.`
      : `The value of header ${quote(name)} contains the control character ${describeChar(char)}, which HTTP clients refuse to send.`,
    nonAscii
      ? 'Encode the value in ASCII first (for example percent-encode metadata values).'
      : 'Remove the control character from the header value.',
  );
}

/** Rejects headers that cannot be part of any presigned request. */
function checkNotForbidden(name: string, lower: string): void {
  if (lower === 'host') {
    fail(
      'invalid-header',
      'The Host header cannot be set, because it comes from the endpoint and the addressing style.',
      'Remove the Host header; to sign Host with OSS V4, add "host" to the additional headers instead.',
    );
  }
  if (lower === 'authorization') {
    fail(
      'invalid-header',
      'The Authorization header cannot be signed, because a presigned URL carries its signature in the query.',
      'Remove the Authorization header.',
    );
  }
  if (SIGNER_HEADERS.has(lower)) {
    fail(
      'invalid-header',
      `The header ${quote(name)} carries signature data, which the signer writes into the URL itself.`,
      `Remove the ${name} header.`,
    );
  }
  if (HOP_BY_HOP.has(lower)) {
    fail(
      'invalid-header',
      `The header ${quote(name)} is a hop-by-hop header that proxies and HTTP clients rewrite, so it cannot be signed.`,
      `Remove the ${name} header.`,
    );
  }
}

/** Rejects a header the scheme would not sign. */
function checkSignable(name: string, lower: string, scheme: SigningScheme, additional: ReadonlySet<string>): void {
  if (scheme === 'oss-v4' && !isOssDefaultSignedHeader(lower) && !additional.has(lower)) {
    fail(
      'invalid-header',
      `The header ${quote(name)} would not be signed, because OSS V4 signs only Content-Type, Content-MD5, x-oss-* and the additional headers.`,
      `Add ${quote(lower)} to the additional headers to bind it to the URL, or drop the header.`,
    );
  }
  if (scheme === 'oss-v1' && !isOssDefaultSignedHeader(lower)) {
    fail(
      'invalid-header',
      `The header ${quote(name)} cannot be signed, because OSS V1 signs only Content-Type, Content-MD5 and x-oss-* headers.`,
      'Drop the header, or sign with OSS V4 and list it in the additional headers.',
    );
  }
}

/**
 * Validates the headers to sign: names are RFC 7230 tokens given once (ignoring case); values are visible
 * ASCII, space and tab; no Host, Authorization, signature or hop-by-hop header; and the scheme signs every
 * one (OSS V4: Content-Type, Content-MD5, x-oss-* or listed in `additionalHeaders`; OSS V1: the first three).
 */
export function validateHeaders(
  headers: unknown,
  scheme: SigningScheme,
  additionalHeaders: readonly string[] | undefined,
): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    fail(
      'invalid-header',
      'The headers are not a name-to-value map.',
      'Give headers as an object such as {"Content-Type": "image/png"}.',
    );
  }
  const additional = new Set((additionalHeaders ?? []).map((name) => name.toLowerCase()));
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    checkName(name, 'header');
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      fail(
        'invalid-header',
        `The header ${quote(lower)} is given twice (as ${quote(first)} and ${quote(name)}).`,
        'Give each header once; header names are case-insensitive.',
      );
    }
    seen.set(lower, name);
    checkValue(name, value);
    checkNotForbidden(name, lower);
    checkSignable(name, lower, scheme, additional);
  }
}

/**
 * Validates `additionalHeaders`: only for `oss-v4`; every name a header-name token without `_` (OSS rejects
 * it in `x-oss-additional-headers`) and not one that cannot be signed (Authorization, hop-by-hop). `host`
 * is allowed; its value comes from the URL.
 */
export function validateAdditionalHeaders(additionalHeaders: unknown, scheme: SigningScheme): void {
  if (additionalHeaders === undefined) return;
  if (!Array.isArray(additionalHeaders)) {
    fail(
      'invalid-header',
      'The additional headers are not a list of header names.',
      'Give additional headers as a list such as ["host"].',
    );
  }
  if (additionalHeaders.length === 0) return;
  if (scheme !== 'oss-v4') {
    fail(
      'invalid-header',
      `Additional headers apply only to OSS V4 signing, not to ${scheme === 'oss-v1' ? 'OSS V1' : 'S3 SigV4'}.`,
      scheme === 's3-v4'
        ? 'Remove the additional headers; S3 SigV4 signs every given header anyway.'
        : 'Remove the additional headers, or sign with OSS V4.',
    );
  }
  for (const name of additionalHeaders as unknown[]) {
    if (!isString(name)) {
      fail('invalid-header', 'An additional header name is not text.', 'Give additional header names as strings.');
    }
    checkName(name, 'additional header');
    if (name.includes('_')) {
      fail(
        'invalid-header',
        `The additional header name ${quote(name)} contains "_", which OSS does not accept in x-oss-additional-headers.`,
        'Use hyphens in header names (x-custom-header, not x_custom_header).',
      );
    }
    const lower = name.toLowerCase();
    if (lower !== 'host') checkNotForbidden(name, lower);
  }
}

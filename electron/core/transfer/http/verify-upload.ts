/**
 * The integrity rules: does the server's answer prove it stored the bytes we read from disk?
 *
 * 1. A CRC-64 header (`x-oss-hash-crc64ecma`), from any store, is compared with the CRC of the bytes sent.
 *    A value that is not a 64-bit decimal counts as a mismatch (it cannot vouch for the data).
 * 2. On S3-compatible stores, a plain-MD5 ETag (32 hex digits) is compared with the MD5 of the bytes sent,
 *    unless the answer says SSE-KMS or SSE-C encryption, whose ETags look like MD5s but are not.
 *    Multipart-style ETags (`…-3`) are not MD5s of the body and are not compared.
 * 3. When neither applies (OSS without the CRC header, S3 with a non-MD5 ETag and no CRC), the upload is
 *    accepted as `unverified` with the reason, for the caller to note; refusing it would fail every upload
 *    to such a store while proving nothing about the data.
 * A mismatch is an `integrity` attempt failure, which the retry policy retries (a fresh read and send).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseCrc64 } from '../../integrity/crc64.js';
import type { AttemptFailure } from '../attempt-failure.js';
import { unquoteEtag } from './multipart-xml.js';

/** The store dialect: which checksums its answers carry. */
export type StoreProvider = 'oss' | 's3';

/** Why an answer could not be checked. */
export type UnverifiedReason = 'no-crc-header' | 'etag-not-md5' | 'etag-missing';

/** The verdict on one upload. */
export type Verification =
  | { readonly kind: 'verified'; readonly algorithm: 'crc64' | 'md5' }
  | { readonly kind: 'unverified'; readonly reason: UnverifiedReason }
  | { readonly kind: 'mismatch'; readonly failure: Extract<AttemptFailure, { kind: 'integrity' }> };

/** What we computed from the bytes sent. */
export interface LocalDigest {
  /** Decimal CRC-64/ECMA-182. */
  readonly crc64: string;
  /** Lower-case hex MD5, when computed. */
  readonly md5Hex?: string | undefined;
}

/** The name of OSS's CRC-64 answer header. */
export const CRC64_HEADER = 'x-oss-hash-crc64ecma';

/** A single header value (Node gives repeated headers as arrays; the first counts). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}

/** True when two decimal CRC-64 texts name the same value (leading zeros aside). */
export function sameCrc64(a: string, b: string): boolean {
  const x = parseCrc64(a.trim());
  const y = parseCrc64(b.trim());
  return x !== undefined && y !== undefined && x === y;
}

/** True when an S3 ETag is the MD5 of the body: 32 hex digits, and no encryption that changes its meaning. */
export function isPlainMd5Etag(etag: string, headers: IncomingHttpHeaders): boolean {
  if (!/^[0-9a-f]{32}$/i.test(etag)) return false;
  const sse = headerValue(headers, 'x-amz-server-side-encryption')?.toLowerCase() ?? '';
  if (sse.startsWith('aws:kms')) return false;
  return headerValue(headers, 'x-amz-server-side-encryption-customer-algorithm') === undefined;
}

function mismatch(expected: string, actual: string, algorithm: 'crc64' | 'md5'): Verification {
  return { kind: 'mismatch', failure: { kind: 'integrity', expected, actual, algorithm } };
}

/** Applies the rules above to one PutObject / UploadPart answer. */
export function verifyUpload(provider: StoreProvider, headers: IncomingHttpHeaders, local: LocalDigest): Verification {
  const serverCrc = headerValue(headers, CRC64_HEADER);
  if (serverCrc !== undefined && !sameCrc64(serverCrc, local.crc64)) return mismatch(local.crc64, serverCrc, 'crc64');
  if (provider === 's3' && local.md5Hex !== undefined) {
    const rawEtag = headerValue(headers, 'etag');
    const etag = rawEtag === undefined ? undefined : unquoteEtag(rawEtag);
    if (etag !== undefined && isPlainMd5Etag(etag, headers)) {
      if (etag.toLowerCase() !== local.md5Hex) return mismatch(local.md5Hex, etag.toLowerCase(), 'md5');
      return { kind: 'verified', algorithm: serverCrc === undefined ? 'md5' : 'crc64' };
    }
    if (serverCrc === undefined) return { kind: 'unverified', reason: etag === undefined ? 'etag-missing' : 'etag-not-md5' };
  }
  return serverCrc === undefined ? { kind: 'unverified', reason: 'no-crc-header' } : { kind: 'verified', algorithm: 'crc64' };
}

/** Checks CompleteMultipartUpload's CRC header against the parts' combined CRC; unverified without the header. */
export function verifyCompleted(headers: IncomingHttpHeaders, expectedCrc64: string): Verification {
  const serverCrc = headerValue(headers, CRC64_HEADER);
  if (serverCrc === undefined) return { kind: 'unverified', reason: 'no-crc-header' };
  return sameCrc64(serverCrc, expectedCrc64) ? { kind: 'verified', algorithm: 'crc64' } : mismatch(expectedCrc64, serverCrc, 'crc64');
}

/**
 * The hash primitives of the signing schemes, on `node:crypto`.
 *
 * Signing is hand-written on purpose: it is the product's core, it must match what the local bucket
 * verifies byte for byte, and the algorithms are small and pinned by test vectors and SDK oracles.
 */

import { createHash, createHmac } from 'node:crypto';

/** HMAC-SHA256 of the UTF-8 `data` under `key` (a UTF-8 string or raw key bytes), as raw bytes. */
export function hmacSha256(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Lower-case hex SHA-256 of the UTF-8 `data`. */
export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** Base64 HMAC-SHA1 of the UTF-8 `data` under the UTF-8 `key` (OSS V1). */
export function hmacSha1Base64(key: string, data: string): string {
  return createHmac('sha1', key).update(data, 'utf8').digest('base64');
}

/** The payload hash of presigned URLs, where the body is not known when the URL is made (OSS V4 and S3). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * Validation of a presign request and its credentials, before anything is signed.
 *
 * Every problem raises a DropsignError with a stable code, a one-sentence message naming the problem and
 * a hint saying what to do. Messages never contain the access key secret or the security token.
 */

import {
  ADDRESSING_STYLES,
  HTTP_METHODS,
  SIGNING_SCHEMES,
  type Credentials,
  type PresignRequest,
} from '../../shared/signing.js';
import { validateCredentials } from './validate-credentials.js';
import { validateAdditionalHeaders, validateHeaders } from './validate-headers.js';
import { validateQuery } from './validate-query.js';
import { validateRegion } from './validate-region.js';
import { validateBucket, validateEndpoint, validateKey } from './validate-target.js';
import { fail, quote } from './validation-helpers.js';

/** The longest validity of a V4 presigned URL: 7 days in seconds (OSS and S3 refuse more). */
export const MAX_V4_EXPIRES_SECONDS = 604_800;

/** The last second representable in the 4-digit-year formats of the signatures: 9999-12-31T23:59:59Z. */
export const MAX_EPOCH_SECONDS = 253_402_300_799;

// Why 1000: milliseconds per second.
const MS_PER_SECOND = 1000;

/** Validates scheme, method and addressing style, which arrive as strings from CLI flags and IPC. */
function validateChoices(request: PresignRequest): void {
  if (!(SIGNING_SCHEMES as readonly unknown[]).includes(request.scheme)) {
    fail(
      'invalid-scheme',
      `The signing scheme ${quote(String(request.scheme))} is not supported.`,
      `Use one of: ${SIGNING_SCHEMES.join(', ')}.`,
    );
  }
  if (!(HTTP_METHODS as readonly unknown[]).includes(request.method)) {
    fail(
      'invalid-method',
      `The HTTP method ${quote(String(request.method))} cannot be presigned.`,
      `Use one of: ${HTTP_METHODS.join(', ')} (upper-case).`,
    );
  }
  if (!(ADDRESSING_STYLES as readonly unknown[]).includes(request.style)) {
    fail(
      'invalid-style',
      `The addressing style ${quote(String(request.style))} is not supported.`,
      `Use one of: ${ADDRESSING_STYLES.join(', ')}.`,
    );
  }
}

/**
 * Validates the validity period: a whole number of seconds, 1..604800 for the V4 schemes; positive for
 * OSS V1 (whose absolute end is checked against the signing time by {@link validateSigningTime}).
 */
export function validateExpiry(expiresInSeconds: unknown, scheme: PresignRequest['scheme']): void {
  if (typeof expiresInSeconds !== 'number' || !Number.isFinite(expiresInSeconds)) {
    fail(
      'invalid-expiry',
      'The expiry is not a number of seconds.',
      'Give the validity in seconds, for example 3600 for one hour.',
    );
  }
  if (!Number.isInteger(expiresInSeconds)) {
    fail(
      'invalid-expiry',
      `The expiry ${expiresInSeconds} is not a whole number of seconds.`,
      'Give the validity in whole seconds, for example 3600.',
    );
  }
  if (expiresInSeconds < 1) {
    fail(
      'invalid-expiry',
      `The expiry ${expiresInSeconds} s is not positive; a URL must stay valid at least 1 second.`,
      'Give the validity in seconds, for example 3600 for one hour.',
    );
  }
  if (scheme !== 'oss-v1' && expiresInSeconds > MAX_V4_EXPIRES_SECONDS) {
    fail(
      'invalid-expiry',
      `The expiry ${expiresInSeconds} s exceeds the 7-day maximum (${MAX_V4_EXPIRES_SECONDS} s) of V4 presigned URLs.`,
      `Give at most ${MAX_V4_EXPIRES_SECONDS} seconds, and issue a new link when it runs out.`,
      { maxSeconds: MAX_V4_EXPIRES_SECONDS },
    );
  }
}

/**
 * Validates the signing time (milliseconds since the epoch, clock offset applied): a finite number between
 * 1970 and year 9999, such that the URL also expires before the end of year 9999.
 */
export function validateSigningTime(signingTimeMs: unknown, expiresInSeconds: number): asserts signingTimeMs is number {
  if (typeof signingTimeMs !== 'number' || !Number.isFinite(signingTimeMs)) {
    fail(
      'invalid-time',
      'The signing clock did not give a valid time.',
      'Check the system clock and the clock offset; both must be numbers of milliseconds.',
    );
  }
  if (signingTimeMs < 0 || signingTimeMs >= (MAX_EPOCH_SECONDS + 1) * MS_PER_SECOND) {
    fail(
      'invalid-time',
      `The signing time ${signingTimeMs} ms is outside the years 1970 to 9999.`,
      'Check the system clock and the clock offset learnt from the server.',
    );
  }
  if (Math.floor(signingTimeMs / MS_PER_SECOND) + expiresInSeconds > MAX_EPOCH_SECONDS) {
    fail('invalid-expiry', 'The URL would expire after the year 9999.', 'Give a shorter validity.');
  }
}

/**
 * Validates everything but the signing time: scheme, method, style, credentials, endpoint, bucket, key,
 * region (V4 schemes), expiry, additional headers, headers and query parameters. Throws a DropsignError at
 * the first problem.
 */
export function validatePresignRequest(credentials: Credentials, request: PresignRequest): void {
  if (request === null || typeof request !== 'object') {
    fail(
      'invalid-argument',
      'The presign request is missing.',
      'Pass a request with scheme, method, endpoint, bucket and expiry.',
    );
  }
  validateChoices(request);
  validateCredentials(credentials);
  validateEndpoint(request.endpoint, request.style);
  validateBucket(request.bucket, request.scheme);
  validateKey(request.key, request.scheme);
  if (request.scheme !== 'oss-v1') validateRegion(request.region, request.scheme);
  validateExpiry(request.expiresInSeconds, request.scheme);
  validateAdditionalHeaders(request.additionalHeaders, request.scheme);
  validateHeaders(request.headers, request.scheme, request.additionalHeaders);
  validateQuery(request.query);
}

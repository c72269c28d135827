/**
 * The one entry point the CLI, the transfer engine and the app call to make a presigned URL.
 */

import type { Credentials, PresignRequest, PresignResult, SigningClock } from '../../shared/signing.js';
import { presignOssV1 } from './oss-v1.js';
import { presignOssV4 } from './oss-v4.js';
import { presignS3V4 } from './s3-v4.js';
import { validatePresignRequest, validateSigningTime } from './validate.js';
import { fail } from './validation-helpers.js';

/**
 * Validates the request and credentials, reads the clock (adding `clock.offsetMs`, the skew learnt from a
 * server), and signs with the request's scheme. Pure apart from `clock.now()`.
 *
 * Throws a DropsignError (code, one-sentence message, hint) on any invalid input; messages never contain
 * the secret or the token.
 */
export function presign(credentials: Credentials, request: PresignRequest, clock: SigningClock): PresignResult {
  validatePresignRequest(credentials, request);
  const offset = clock.offsetMs ?? 0;
  if (typeof offset !== 'number' || !Number.isFinite(offset)) {
    fail(
      'invalid-time',
      'The clock offset is not a number of milliseconds.',
      'Reset the learnt clock offset (it is re-learnt from the next server response).',
    );
  }
  const signingTimeMs = clock.now() + offset;
  validateSigningTime(signingTimeMs, request.expiresInSeconds);
  switch (request.scheme) {
    case 'oss-v4':
      return presignOssV4(credentials, request, signingTimeMs);
    case 'oss-v1':
      return presignOssV1(credentials, request, signingTimeMs);
    case 's3-v4':
      return presignS3V4(credentials, request, signingTimeMs);
  }
}

/**
 * The local bucket's request verifier: decides how a request is signed and checks it exactly as OSS does.
 *
 * Recognised, in this order: an OSS V4 URL (`x-oss-signature-version`), an S3 SigV4 URL (`X-Amz-Algorithm`),
 * an OSS V1 URL (`OSSAccessKeyId` / `Signature`), then the `Authorization` header (`OSS4-HMAC-SHA256`,
 * `AWS4-HMAC-SHA256`, `OSS`). A request that carries both a URL signature and an Authorization header is
 * refused, as is one that carries none (the local bucket's buckets are private).
 *
 * STS: a security token in a request is part of what is signed, but the local bucket has no STS service to
 * check it against, so any token signed with a known key is accepted.
 */
import { OSS_V1_QUERY } from '../../signing/oss-v1.js';
import { OSS_V4_QUERY } from '../../signing/oss-v4.js';
import { S3_V4_QUERY } from '../../signing/s3-v4.js';
import type { Authenticate } from '../types.js';
import { anonymousDenied, deny, invalidAuthArgument } from './auth-errors.js';
import { hasQuery } from './auth-params.js';
import { verifyOssV1Header, verifyOssV1Query } from './verify-oss-v1.js';
import { verifyOssV4Header, verifyOssV4Query } from './verify-oss-v4.js';
import { verifyS3V4Header, verifyS3V4Query } from './verify-s3-v4.js';

/** Verifies OSS V4, OSS V1 and S3 SigV4 signatures in URLs and Authorization headers. */
export const verifySignature: Authenticate = (request, context) => {
  const q = request.query;
  const inUrl = hasQuery(q, OSS_V4_QUERY.signatureVersion)
    ? 'oss-v4'
    : hasQuery(q, S3_V4_QUERY.algorithm)
      ? 's3-v4'
      : hasQuery(q, OSS_V1_QUERY.accessKeyId) || hasQuery(q, OSS_V1_QUERY.signature)
        ? 'oss-v1'
        : undefined;
  const authorization = request.headers['authorization'];

  if (inUrl !== undefined && authorization !== undefined) {
    return deny(invalidAuthArgument('Only one authentication mechanism is allowed: a signed URL or an Authorization header.', 'Authorization'));
  }
  switch (inUrl) {
    case 'oss-v4':
      return verifyOssV4Query(request, context);
    case 's3-v4':
      return verifyS3V4Query(request, context);
    case 'oss-v1':
      return verifyOssV1Query(request, context);
    case undefined:
      break;
  }
  if (authorization === undefined) return deny(anonymousDenied());

  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  const rest = space < 0 ? '' : authorization.slice(space + 1);
  switch (algorithm) {
    case 'OSS4-HMAC-SHA256':
      return verifyOssV4Header(request, context, rest);
    case 'AWS4-HMAC-SHA256':
      return verifyS3V4Header(request, context, rest);
    case 'OSS':
      return verifyOssV1Header(request, context, rest);
    default:
      return deny(invalidAuthArgument('The Authorization header names an unsupported algorithm.', 'Authorization'));
  }
};

/**
 * Verifies AWS Signature V4 requests (OSS accepts S3-style signing), in a presigned URL or an
 * `Authorization: AWS4-HMAC-SHA256 ...` header, so S3 clients and the AWS SDK work against the local bucket.
 */
import type { QueryParam } from '../../../shared/signing.js';
import { UNSIGNED_PAYLOAD } from '../../signing/hash.js';
import { S3_V4_ALGORITHM, S3_V4_QUERY, s3V4CanonicalRequest, s3V4Signature, s3V4StringToSign } from '../../signing/s3-v4.js';
import { uriEncodePath } from '../../signing/uri-encode.js';
import type { OssErrorResponse } from '../oss-errors.js';
import { ossError } from '../oss-errors.js';
import type { AuthContext, AuthResult, IncomingRequestInfo } from '../types.js';
import {
  deny,
  headersNotSigned,
  invalidAuthArgument,
  missingRequestDate,
  signatureMismatch,
} from './auth-errors.js';
import { parseAuthorizationParams, parseHeaderNameList, queryValue, queryWithout } from './auth-params.js';
import { checkRequestTime, checkUrlWindow } from './request-time.js';
import { signaturesEqual } from './signature-compare.js';
import { checkV4Credential, type V4Scheme } from './v4-credential.js';
import { readV4UrlParams } from './v4-url-params.js';

/** Payload hashes of aws-chunked uploads, which the local bucket does not decode. */
const STREAMING_PAYLOAD = /^STREAMING-/;

/**
 * SigV4's scope and the region rule: OSS's S3-compatible API is documented with both forms of the region
 * (`cn-hangzhou`, `oss-cn-hangzhou`).
 */
const S3_V4_SCHEME: V4Scheme = {
  service: 's3',
  terminator: 'aws4_request',
  dateName: 'X-Amz-Date',
  regionMatches: (region, serverRegion) => region === serverRegion || region === `oss-${serverRegion}`,
};

interface S3Claim {
  readonly credential: string;
  readonly dateTime: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly signedQuery: readonly QueryParam[];
  readonly payloadHash: string;
  readonly argument: 'X-Amz-Credential' | 'Authorization';
}

/** Verifies a presigned S3 SigV4 URL (`X-Amz-Algorithm=AWS4-HMAC-SHA256`). */
export function verifyS3V4Query(request: IncomingRequestInfo, context: AuthContext): AuthResult {
  const q = request.query;
  const algorithm = queryValue(q, S3_V4_QUERY.algorithm);
  if (algorithm !== S3_V4_ALGORITHM) {
    return deny(invalidAuthArgument('X-Amz-Algorithm must be AWS4-HMAC-SHA256.', S3_V4_QUERY.algorithm, algorithm));
  }
  const required = [S3_V4_QUERY.credential, S3_V4_QUERY.date, S3_V4_QUERY.signedHeaders, S3_V4_QUERY.signature];
  const params = readV4UrlParams(q, required, S3_V4_QUERY.expires);
  if (!params.ok) return deny(params.error);
  const claim: S3Claim = {
    credential: params.value(S3_V4_QUERY.credential),
    dateTime: params.value(S3_V4_QUERY.date),
    signedHeaders: params.value(S3_V4_QUERY.signedHeaders),
    signature: params.value(S3_V4_QUERY.signature),
    signedQuery: queryWithout(q, S3_V4_QUERY.signature),
    payloadHash: UNSIGNED_PAYLOAD,
    argument: 'X-Amz-Credential',
  };
  return verifyClaim(request, context, claim, (signedAtMs) => checkUrlWindow(signedAtMs, params.expiresSeconds, request.receivedAt));
}

/** Verifies `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export function verifyS3V4Header(request: IncomingRequestInfo, context: AuthContext, paramsText: string): AuthResult {
  const params = parseAuthorizationParams(paramsText);
  const credential = params?.get('Credential');
  const signedHeaders = params?.get('SignedHeaders');
  const signature = params?.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return deny(invalidAuthArgument('The Authorization header is malformed.', 'Authorization'));
  }
  const dateTime = request.headers['x-amz-date'];
  if (dateTime === undefined) return deny(missingRequestDate('x-amz-date'));
  const payloadHash = request.headers['x-amz-content-sha256'];
  if (payloadHash === undefined) {
    return deny(invalidAuthArgument('Missing required header for this request: x-amz-content-sha256.', 'x-amz-content-sha256'));
  }
  if (STREAMING_PAYLOAD.test(payloadHash)) {
    return deny(
      ossError('NotImplemented', 'aws-chunked (streaming signed) uploads are not supported by the local bucket.', {
        Header: 'x-amz-content-sha256',
      }).response,
    );
  }
  const claim: S3Claim = {
    credential,
    dateTime,
    signedHeaders,
    signature,
    signedQuery: request.query,
    payloadHash,
    argument: 'Authorization',
  };
  return verifyClaim(request, context, claim, (signedAtMs) => checkRequestTime(signedAtMs, request.receivedAt));
}

function verifyClaim(
  request: IncomingRequestInfo,
  context: AuthContext,
  claim: S3Claim,
  checkTime: (signedAtMs: number) => OssErrorResponse | undefined,
): AuthResult {
  const checked = checkV4Credential(S3_V4_SCHEME, claim, context, checkTime);
  if (!checked.ok) return deny(checked.error);
  const { scope, secret } = checked;

  const names = parseHeaderNameList(claim.signedHeaders);
  if (names === undefined || !names.includes('host')) {
    return deny(invalidAuthArgument('SignedHeaders must be ";"-separated names and include host.', 'X-Amz-SignedHeaders', claim.signedHeaders));
  }
  const lowerNames = names.map((name) => name.toLowerCase());
  const unsigned = Object.keys(request.headers).filter(
    (name) => (name.startsWith('x-amz-') || name.startsWith('x-oss-')) && !lowerNames.includes(name),
  );
  if (unsigned.length > 0) return deny(headersNotSigned(unsigned));

  const headers: Record<string, string> = { host: request.host };
  for (const name of lowerNames) {
    if (name === 'host') continue;
    const value = request.headers[name];
    if (value === undefined) {
      return deny(invalidAuthArgument(`The signed header "${name}" is not in the request.`, 'X-Amz-SignedHeaders', claim.signedHeaders));
    }
    headers[name] = value;
  }

  const canonicalRequest = s3V4CanonicalRequest({
    method: request.method,
    canonicalUri: canonicalUri(request.rawPath),
    query: claim.signedQuery,
    headers,
    signedHeaderNames: lowerNames,
    payloadHash: claim.payloadHash,
  });
  const stringToSign = s3V4StringToSign(canonicalRequest, claim.dateTime, scope.region);
  const expected = s3V4Signature(secret, scope.date, scope.region, stringToSign);
  if (!signaturesEqual(expected, claim.signature)) {
    return deny(signatureMismatch({ accessKeyId: scope.accessKeyId, signatureProvided: claim.signature, stringToSign, canonicalRequest }));
  }
  return { kind: 'allowed', accessKeyId: scope.accessKeyId };
}

/**
 * The canonical URI of S3: the path decoded and encoded once with the unreserved set, segment by segment,
 * so `~`, `%7E`, `!` and `%21` sent by different clients all canonicalise the same way.
 */
function canonicalUri(rawPath: string): string {
  try {
    return uriEncodePath(decodeURIComponent(rawPath));
  } catch {
    return rawPath;
  }
}

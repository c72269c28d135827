/**
 * Verifies OSS Signature V4 (OSS4-HMAC-SHA256) requests, in a presigned URL or an `Authorization` header,
 * by recomputing the signature with the same primitives Dropsign signs with.
 */
import type { QueryParam } from '../../../shared/signing.js';
import { isOssDefaultSignedHeader } from '../../signing/headers.js';
import { UNSIGNED_PAYLOAD } from '../../signing/hash.js';
import {
  OSS_V4_ALGORITHM,
  OSS_V4_QUERY,
  ossV4CanonicalRequest,
  ossV4Signature,
  ossV4StringToSign,
} from '../../signing/oss-v4.js';
import type { AuthContext, AuthResult, IncomingRequestInfo } from '../types.js';
import {
  deny,
  invalidAuthArgument,
  missingRequestDate,
  signatureMismatch,
} from './auth-errors.js';
import { parseAuthorizationParams, parseHeaderNameList, queryValue, queryWithout } from './auth-params.js';
import { checkRequestTime, checkUrlWindow } from './request-time.js';
import { signaturesEqual } from './signature-compare.js';
import { checkV4Credential, type V4Scheme } from './v4-credential.js';
import { readV4UrlParams } from './v4-url-params.js';

/** OSS V4's scope and the region rule: exactly the bucket's region id. */
const OSS_V4_SCHEME: V4Scheme = {
  service: 'oss',
  terminator: 'aliyun_v4_request',
  dateName: 'x-oss-date',
  regionMatches: (region, serverRegion) => region === serverRegion,
};

/** The signature material of one V4 request, wherever it was carried. */
interface OssV4Claim {
  readonly credential: string;
  readonly dateTime: string;
  readonly additionalHeaders: string;
  readonly signature: string;
  /** The query as signed (without `x-oss-signature` for URLs). */
  readonly signedQuery: readonly QueryParam[];
  readonly payloadHash: string;
  /** Where the credential came from, for error answers. */
  readonly argument: 'x-oss-credential' | 'Authorization';
}

/** Verifies a presigned OSS V4 URL (`x-oss-signature-version=OSS4-HMAC-SHA256`). */
export function verifyOssV4Query(request: IncomingRequestInfo, context: AuthContext): AuthResult {
  const q = request.query;
  const version = queryValue(q, OSS_V4_QUERY.signatureVersion);
  if (version !== OSS_V4_ALGORITHM) {
    return deny(invalidAuthArgument('Invalid signature version.', OSS_V4_QUERY.signatureVersion, version));
  }
  const params = readV4UrlParams(q, [OSS_V4_QUERY.credential, OSS_V4_QUERY.date, OSS_V4_QUERY.signature], OSS_V4_QUERY.expires);
  if (!params.ok) return deny(params.error);
  const claim: OssV4Claim = {
    credential: params.value(OSS_V4_QUERY.credential),
    dateTime: params.value(OSS_V4_QUERY.date),
    additionalHeaders: params.value(OSS_V4_QUERY.additionalHeaders),
    signature: params.value(OSS_V4_QUERY.signature),
    signedQuery: queryWithout(q, OSS_V4_QUERY.signature),
    payloadHash: UNSIGNED_PAYLOAD,
    argument: 'x-oss-credential',
  };
  return verifyClaim(request, context, claim, (signedAtMs) => checkUrlWindow(signedAtMs, params.expiresSeconds, request.receivedAt));
}

/** Verifies an `Authorization: OSS4-HMAC-SHA256 Credential=...,AdditionalHeaders=...,Signature=...` request. */
export function verifyOssV4Header(request: IncomingRequestInfo, context: AuthContext, paramsText: string): AuthResult {
  const params = parseAuthorizationParams(paramsText);
  const credential = params?.get('Credential');
  const signature = params?.get('Signature');
  if (params === undefined || credential === undefined || signature === undefined) {
    return deny(invalidAuthArgument('The Authorization header is malformed.', 'Authorization'));
  }
  const dateTime = request.headers['x-oss-date'];
  if (dateTime === undefined) return deny(missingRequestDate('x-oss-date'));
  const payloadHash = request.headers['x-oss-content-sha256'];
  if (payloadHash === undefined) {
    return deny(invalidAuthArgument('The x-oss-content-sha256 header is required with V4 signatures.', 'x-oss-content-sha256'));
  }
  const claim: OssV4Claim = {
    credential,
    dateTime,
    additionalHeaders: params.get('AdditionalHeaders') ?? '',
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
  claim: OssV4Claim,
  checkTime: (signedAtMs: number) => ReturnType<typeof checkUrlWindow>,
): AuthResult {
  const checked = checkV4Credential(OSS_V4_SCHEME, claim, context, checkTime);
  if (!checked.ok) return deny(checked.error);
  const { scope, secret } = checked;

  const additional = parseHeaderNameList(claim.additionalHeaders);
  if (additional === undefined || additional.some((name) => name !== name.toLowerCase() || name.includes('_'))) {
    return deny(
      invalidAuthArgument(
        'Additional headers must be lower-case names separated by ";", with no empty item.',
        'x-oss-additional-headers',
        claim.additionalHeaders,
      ),
    );
  }
  const missing = additional.find((name) => name !== 'host' && request.headers[name] === undefined);
  if (missing !== undefined) {
    return deny(invalidAuthArgument(`The additional header "${missing}" is not in the request.`, 'x-oss-additional-headers', claim.additionalHeaders));
  }

  // OSS signs every Content-Type, Content-MD5 and x-oss-* header it receives, whether the client meant to or not.
  const signedHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (isOssDefaultSignedHeader(name) || additional.includes(name)) signedHeaders[name] = value;
  }
  if (additional.includes('host')) signedHeaders['host'] = request.host;

  const canonicalRequest = ossV4CanonicalRequest({
    method: request.method,
    ...(request.bucket === undefined ? {} : { bucket: request.bucket }),
    ...(request.key === undefined ? {} : { key: request.key }),
    query: claim.signedQuery,
    headers: signedHeaders,
    additionalHeaders: additional,
    payloadHash: claim.payloadHash,
  });
  const stringToSign = ossV4StringToSign(canonicalRequest, claim.dateTime, scope.region);
  const expected = ossV4Signature(secret, scope.date, scope.region, stringToSign);
  if (!signaturesEqual(expected, claim.signature)) {
    return deny(
      signatureMismatch({ accessKeyId: scope.accessKeyId, signatureProvided: claim.signature, stringToSign, canonicalRequest }),
    );
  }
  return { kind: 'allowed', accessKeyId: scope.accessKeyId };
}

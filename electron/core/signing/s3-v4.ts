/**
 * S3 Signature V4 (AWS4-HMAC-SHA256) query presigning, and the canonical primitives a verifier recomputes.
 *
 * See design/oss-signing-spec.md "S3 SigV4 query presigning". The URL stays minimal: no
 * `X-Amz-Content-Sha256`, `x-id` or checksum parameters (the AWS SDK v3 presigner's additions); headers,
 * `x-amz-meta-*` included, are signed as headers, and `host` always.
 */

import type { Credentials, PresignRequest, PresignResult, QueryParam } from '../../shared/signing.js';
import { hmacSha256, sha256Hex, UNSIGNED_PAYLOAD } from './hash.js';
import { cachedSigningKey } from './signing-key-cache.js';
import { normalizeHeaders, trimAllHeaderValue } from './headers.js';
import { canonicalQueryString, renderSignedQuery } from './query-string.js';
import { resolveRequestTarget } from './request-target.js';
import { compactDate, formatCompactDateTime, formatIsoSeconds, toEpochSeconds } from './time-format.js';

/** The algorithm name, in `X-Amz-Algorithm` and the first line of the string to sign. */
export const S3_V4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** The service in the scope. */
const SERVICE = 's3';

/** The last element of the scope and of the signing-key chain. */
const TERMINATOR = 'aws4_request';

/** Query parameter names of an S3 SigV4 presigned URL. */
export const S3_V4_QUERY = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  securityToken: 'X-Amz-Security-Token',
  signature: 'X-Amz-Signature',
} as const;

/**
 * Everything the S3 SigV4 canonical request is built from.
 *
 * A verifier fills it from an incoming presigned request: `canonicalUri` is the raw path as received,
 * `query` the decoded parameters minus `X-Amz-Signature`, `signedHeaderNames` from `X-Amz-SignedHeaders`
 * and `headers` the received values of those names (`host` included).
 */
export interface S3V4CanonicalInput {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The encoded request path exactly as sent (bucket in it only for path-style), e.g. `/test.txt`. */
  readonly canonicalUri: string;
  /** Decoded query names/values, WITHOUT `X-Amz-Signature` (the other auth parameters included). */
  readonly query: readonly QueryParam[];
  /** The signed headers, lower-case name → value, `host` included. Values are trimmed and collapsed here. */
  readonly headers: Readonly<Record<string, string>>;
  /** The signed header names (`X-Amz-SignedHeaders` split on `;`); lower-cased, de-duplicated, sorted here. */
  readonly signedHeaderNames: readonly string[];
  /** `UNSIGNED-PAYLOAD` for URLs, or the `x-amz-content-sha256` value. */
  readonly payloadHash: string;
}

/** Lower-cases, de-duplicates and sorts header names (byte order). */
function normalizeNameList(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()))].sort();
}

/**
 * The S3 SigV4 canonical request: method, URI, query (`name=` for empty values), one `name:value\n` line per
 * signed header, an empty line, the signed header names joined by `;`, and the payload hash.
 *
 * A name in `signedHeaderNames` missing from `headers` is written with an empty value; a verifier must
 * reject such a request before calling this.
 */
export function s3V4CanonicalRequest(input: S3V4CanonicalInput): string {
  const headers = normalizeHeaders(input.headers);
  const names = normalizeNameList(input.signedHeaderNames);
  const headerLines = names.map((name) => `${name}:${trimAllHeaderValue(headers[name] ?? '')}\n`).join('');
  return [
    input.method.toUpperCase(),
    input.canonicalUri,
    canonicalQueryString(input.query, 'equals'),
    headerLines,
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}

/** The scope `YYYYMMDD/region/s3/aws4_request` (also the tail of `X-Amz-Credential`). */
export function s3V4Scope(date: string, region: string): string {
  return `${date}/${region}/${SERVICE}/${TERMINATOR}`;
}

/** The SigV4 string to sign: algorithm, `amzDate` (`YYYYMMDDTHHMMSSZ`), scope, hex SHA-256 of the canonical request. */
export function s3V4StringToSign(canonicalRequest: string, amzDate: string, region: string): string {
  return [S3_V4_ALGORITHM, amzDate, s3V4Scope(compactDate(amzDate), region), sha256Hex(canonicalRequest)].join('\n');
}

/**
 * The SigV4 signature, lower-case hex: HMAC-SHA256 chain `"AWS4" + secret` → date (`YYYYMMDD`) → region →
 * `s3` → `aws4_request`, then HMAC of the string to sign.
 */
export function s3V4Signature(secret: string, date: string, region: string, stringToSign: string): string {
  const signingKey = cachedSigningKey(secret, JSON.stringify(['s3v4', date, region]), () => {
    const dateKey = hmacSha256(`AWS4${secret}`, date);
    const regionKey = hmacSha256(dateKey, region);
    const serviceKey = hmacSha256(regionKey, SERVICE);
    return hmacSha256(serviceKey, TERMINATOR);
  });
  return hmacSha256(signingKey, stringToSign).toString('hex');
}

/**
 * Presigns a request with S3 SigV4 in the query. The request and credentials must be valid and `region`
 * set; call `presign()` for validation and the clock.
 *
 * Every given header is signed, plus `host`. The payload hash is `UNSIGNED-PAYLOAD` unless the request
 * carries `x-amz-content-sha256`, whose value is used (as S3 does).
 */
export function presignS3V4(credentials: Credentials, request: PresignRequest, signingTimeMs: number): PresignResult {
  const region = request.region ?? '';
  const target = resolveRequestTarget(request.endpoint, request.style, request.bucket, request.key);
  const sent = Object.fromEntries(
    Object.entries(normalizeHeaders(request.headers)).map(([name, value]) => [name, trimAllHeaderValue(value)]),
  );
  const signed: Record<string, string> = { ...sent, host: target.host };
  const signedHeaderNames = normalizeNameList(Object.keys(signed));

  const signedAtSeconds = toEpochSeconds(signingTimeMs);
  const amzDate = formatCompactDateTime(signedAtSeconds);
  const query: QueryParam[] = [
    ...(request.query ?? []),
    { name: S3_V4_QUERY.algorithm, value: S3_V4_ALGORITHM },
    { name: S3_V4_QUERY.credential, value: `${credentials.accessKeyId}/${s3V4Scope(compactDate(amzDate), region)}` },
    { name: S3_V4_QUERY.date, value: amzDate },
    { name: S3_V4_QUERY.expires, value: String(request.expiresInSeconds) },
    { name: S3_V4_QUERY.signedHeaders, value: signedHeaderNames.join(';') },
  ];
  if (credentials.securityToken !== undefined && credentials.securityToken !== '') {
    query.push({ name: S3_V4_QUERY.securityToken, value: credentials.securityToken });
  }

  const canonicalRequest = s3V4CanonicalRequest({
    method: request.method,
    canonicalUri: target.path,
    query,
    headers: signed,
    signedHeaderNames,
    payloadHash: sent['x-amz-content-sha256'] ?? UNSIGNED_PAYLOAD,
  });
  const stringToSign = s3V4StringToSign(canonicalRequest, amzDate, region);
  const signature = s3V4Signature(credentials.accessKeySecret, compactDate(amzDate), region, stringToSign);

  const search = renderSignedQuery(query, { name: S3_V4_QUERY.signature, value: signature }, 'equals');
  return {
    url: `${target.origin}${target.path}?${search}`,
    method: request.method,
    signedHeaders: sent,
    expiresAt: formatIsoSeconds(signedAtSeconds + request.expiresInSeconds),
    signedAt: formatIsoSeconds(signedAtSeconds),
  };
}

/**
 * OSS Signature V4 (OSS4-HMAC-SHA256) presigned URLs, and the canonical primitives a verifier recomputes.
 *
 * See design/oss-signing-spec.md "OSS Signature V4 in a URL". Where the SDKs disagree this follows the Go and
 * Python SDKs: a value-less parameter is canonicalised as the bare name, names sort in byte order, header
 * values are trimmed, and additional headers the request does not carry are dropped (except `host`, whose
 * value comes from the URL).
 */

import type { Credentials, PresignRequest, PresignResult, QueryParam } from '../../shared/signing.js';
import { hmacSha256, sha256Hex, UNSIGNED_PAYLOAD } from './hash.js';
import { cachedSigningKey } from './signing-key-cache.js';
import { isOssDefaultSignedHeader, normalizeHeaders, sortedHeaderEntries, trimHeaderValue } from './headers.js';
import { canonicalQueryString, renderSignedQuery } from './query-string.js';
import { resolveRequestTarget } from './request-target.js';
import { compactDate, formatCompactDateTime, formatIsoSeconds, toEpochSeconds } from './time-format.js';
import { uriEncodePath } from './uri-encode.js';

/** The algorithm name, in `x-oss-signature-version` and the first line of the string to sign. */
export const OSS_V4_ALGORITHM = 'OSS4-HMAC-SHA256';

/** The product in the scope; CloudBox (`oss-cloudbox`) is not supported. */
const PRODUCT = 'oss';

/** The last element of the scope and of the signing-key chain. */
const TERMINATOR = 'aliyun_v4_request';

/** Query parameter names of an OSS V4 presigned URL. */
export const OSS_V4_QUERY = {
  signatureVersion: 'x-oss-signature-version',
  credential: 'x-oss-credential',
  date: 'x-oss-date',
  expires: 'x-oss-expires',
  additionalHeaders: 'x-oss-additional-headers',
  securityToken: 'x-oss-security-token',
  signature: 'x-oss-signature',
} as const;

/**
 * Everything the OSS V4 canonical request is built from.
 *
 * A verifier fills it from an incoming presigned request: `query` from the URL minus `x-oss-signature`
 * (percent-decoded; a raw `+` in a query means a space, as the SDKs send it), `additionalHeaders` from
 * `x-oss-additional-headers`, `headers` from the received `content-type`, `content-md5`, `x-oss-*` and
 * additional headers (`host` being the Host header), bucket and key from host and path, then compares
 * {@link ossV4Signature} with `x-oss-signature`.
 */
export interface OssV4CanonicalInput {
  /** The HTTP method, upper-case (`PUT`). */
  readonly method: string;
  /** The bucket; in the canonical URI for every addressing style. Omitted only for service-level requests. */
  readonly bucket?: string;
  /** The object key, raw (not percent-encoded). */
  readonly key?: string;
  /** Decoded query names/values of the request, WITHOUT `x-oss-signature` (the auth parameters included). */
  readonly query: readonly QueryParam[];
  /** The signed headers only, lower-case name → value: content-type, content-md5, x-oss-*, the additional ones. */
  readonly headers: Readonly<Record<string, string>>;
  /** Additional signed header names, lower-case (normalised here: lower-cased, de-duplicated, sorted). */
  readonly additionalHeaders: readonly string[];
  /** `UNSIGNED-PAYLOAD` for URLs; the `x-oss-content-sha256` value for Authorization-header requests. */
  readonly payloadHash: string;
}

/**
 * The OSS V4 canonical URI: `/bucket/key` URI-encoded with `/` kept; `/bucket/` without a key, `/` without a
 * bucket. The bucket is always there, also for path-style and CNAME URLs.
 */
export function ossV4CanonicalUri(bucket?: string, key?: string): string {
  const bucketPart = bucket === undefined ? '' : `${bucket}/`;
  return uriEncodePath(`/${bucketPart}${key ?? ''}`);
}

/** Lower-cases, de-duplicates and sorts header names (byte order). */
function normalizeNameList(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()))].sort();
}

/**
 * The OSS V4 canonical request: method, canonical URI, canonical query, canonical headers (each line
 * `name:value\n`), additional header names joined by `;`, payload hash; joined by `\n`.
 */
export function ossV4CanonicalRequest(input: OssV4CanonicalInput): string {
  const headers = sortedHeaderEntries(normalizeHeaders(input.headers))
    .map(([name, value]) => `${name}:${trimHeaderValue(value)}\n`)
    .join('');
  return [
    input.method.toUpperCase(),
    ossV4CanonicalUri(input.bucket, input.key),
    canonicalQueryString(input.query, 'bare'),
    headers,
    normalizeNameList(input.additionalHeaders).join(';'),
    input.payloadHash,
  ].join('\n');
}

/** The scope `YYYYMMDD/region/oss/aliyun_v4_request` (also the tail of `x-oss-credential`). */
export function ossV4Scope(date: string, region: string): string {
  return `${date}/${region}/${PRODUCT}/${TERMINATOR}`;
}

/**
 * The OSS V4 string to sign: algorithm, date-time, scope and the hex SHA-256 of the canonical request.
 * `dateTime` is `YYYYMMDDTHHMMSSZ` (`x-oss-date`); the scope date is its first eight characters.
 */
export function ossV4StringToSign(canonicalRequest: string, dateTime: string, region: string): string {
  return [OSS_V4_ALGORITHM, dateTime, ossV4Scope(compactDate(dateTime), region), sha256Hex(canonicalRequest)].join(
    '\n',
  );
}

/**
 * The OSS V4 signature, lower-case hex: HMAC-SHA256 chain `"aliyun_v4" + secret` → date (`YYYYMMDD`) →
 * region → `oss` → `aliyun_v4_request`, then HMAC of the string to sign.
 */
export function ossV4Signature(secret: string, date: string, region: string, stringToSign: string): string {
  const signingKey = cachedSigningKey(secret, JSON.stringify(['oss4', date, region]), () => {
    const dateKey = hmacSha256(`aliyun_v4${secret}`, date);
    const regionKey = hmacSha256(dateKey, region);
    const productKey = hmacSha256(regionKey, PRODUCT);
    return hmacSha256(productKey, TERMINATOR);
  });
  return hmacSha256(signingKey, stringToSign).toString('hex');
}

/**
 * The additional header names that end up signed: lower-cased, de-duplicated, sorted; names signed by
 * default (`content-type`, `content-md5`, `x-oss-*`) dropped, and names the request does not carry dropped
 * (Go/Python behaviour), except `host`, whose value comes from the URL.
 */
export function ossV4EffectiveAdditionalHeaders(
  requested: readonly string[] | undefined,
  presentHeaders: Readonly<Record<string, string>>,
): string[] {
  return normalizeNameList(requested ?? []).filter(
    (name) => !isOssDefaultSignedHeader(name) && (name === 'host' || Object.hasOwn(presentHeaders, name)),
  );
}

/**
 * Presigns a request with OSS V4. The request and credentials must be valid and `region` set; call
 * `presign()` for validation and the clock. `signingTimeMs` is the signing time (`x-oss-date`).
 *
 * The payload hash is `UNSIGNED-PAYLOAD` unless the request carries an `x-oss-content-sha256` header,
 * whose value is used instead (as the SDKs and OSS do).
 */
export function presignOssV4(credentials: Credentials, request: PresignRequest, signingTimeMs: number): PresignResult {
  const region = request.region ?? '';
  const target = resolveRequestTarget(request.endpoint, request.style, request.bucket, request.key);
  const present = normalizeHeaders(request.headers);
  const additional = ossV4EffectiveAdditionalHeaders(request.additionalHeaders, present);

  const sent: Record<string, string> = Object.fromEntries(
    Object.entries(present).filter(([name]) => isOssDefaultSignedHeader(name) || additional.includes(name)),
  );
  const signed = additional.includes('host') ? { ...sent, host: target.host } : sent;

  const signedAtSeconds = toEpochSeconds(signingTimeMs);
  const dateTime = formatCompactDateTime(signedAtSeconds);
  const query: QueryParam[] = [
    ...(request.query ?? []),
    { name: OSS_V4_QUERY.signatureVersion, value: OSS_V4_ALGORITHM },
    { name: OSS_V4_QUERY.credential, value: `${credentials.accessKeyId}/${ossV4Scope(compactDate(dateTime), region)}` },
    { name: OSS_V4_QUERY.date, value: dateTime },
    { name: OSS_V4_QUERY.expires, value: String(request.expiresInSeconds) },
  ];
  if (additional.length > 0) query.push({ name: OSS_V4_QUERY.additionalHeaders, value: additional.join(';') });
  if (credentials.securityToken !== undefined && credentials.securityToken !== '') {
    query.push({ name: OSS_V4_QUERY.securityToken, value: credentials.securityToken });
  }

  const canonicalRequest = ossV4CanonicalRequest({
    method: request.method,
    bucket: request.bucket,
    ...(request.key === undefined ? {} : { key: request.key }),
    query,
    headers: signed,
    additionalHeaders: additional,
    payloadHash: present['x-oss-content-sha256'] ?? UNSIGNED_PAYLOAD,
  });
  const stringToSign = ossV4StringToSign(canonicalRequest, dateTime, region);
  const signature = ossV4Signature(credentials.accessKeySecret, compactDate(dateTime), region, stringToSign);

  const search = renderSignedQuery(query, { name: OSS_V4_QUERY.signature, value: signature }, 'bare');
  return {
    url: `${target.origin}${target.path}?${search}`,
    method: request.method,
    signedHeaders: sent,
    expiresAt: formatIsoSeconds(signedAtSeconds + request.expiresInSeconds),
    signedAt: formatIsoSeconds(signedAtSeconds),
  };
}

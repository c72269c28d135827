/**
 * OSS Signature V1 (HMAC-SHA1) presigned URLs, and the string-to-sign primitives a verifier recomputes.
 *
 * See design/oss-signing-spec.md "OSS V1 in a URL". The signed sub-resources are the union of the Go SDK v2
 * and oss2 lists, plus every `x-oss-*` parameter (Go); `x-oss-process` is signed (the Python SDK v2 omits it,
 * the others sign it).
 */

import type { Credentials, PresignRequest, PresignResult, QueryParam } from '../../shared/signing.js';
import { hmacSha1Base64 } from './hash.js';
import { isOssDefaultSignedHeader, normalizeHeaders, sortedHeaderEntries, trimHeaderValue } from './headers.js';
import { renderSignedQuery } from './query-string.js';
import { resolveRequestTarget } from './request-target.js';
import { formatIsoSeconds, toEpochSeconds } from './time-format.js';

/** Query parameter names of an OSS V1 presigned URL. */
export const OSS_V1_QUERY = {
  accessKeyId: 'OSSAccessKeyId',
  expires: 'Expires',
  signature: 'Signature',
  securityToken: 'security-token',
} as const;

/**
 * Query parameters that are sub-resources, signed in the canonicalized resource (case-sensitive). Any
 * `x-oss-*` parameter is signed as well.
 */
export const OSS_V1_SUB_RESOURCES: ReadonlySet<string> = new Set([
  'acl', 'append', 'asyncFetch', 'bucketInfo', 'callback', 'callback-var', 'cloudboxes', 'cname', 'comp',
  'continuation-token', 'cors', 'delete', 'encryption', 'endTime', 'group', 'inventory', 'inventoryId',
  'lifecycle', 'link', 'live', 'location', 'logging', 'metaQuery', 'objectInfo', 'objectMeta', 'partNumber',
  'policy', 'position', 'qos', 'qosInfo', 'referer', 'regionList', 'replication', 'replicationLocation',
  'replicationProgress', 'requestPayment', 'resourceGroup', 'response-cache-control',
  'response-content-disposition', 'response-content-encoding', 'response-content-language',
  'response-content-type', 'response-expires', 'restore', 'security-token', 'sequential', 'startTime', 'stat',
  'status', 'symlink', 'tagging', 'transferAcceleration', 'uploadId', 'uploads', 'versionId', 'versioning',
  'versions', 'vod', 'website', 'worm', 'wormExtend', 'wormId',
]);

/** True when a query parameter is signed by OSS V1. */
export function isOssV1SignedParam(name: string): boolean {
  return OSS_V1_SUB_RESOURCES.has(name) || name.startsWith('x-oss-');
}

/**
 * Everything the OSS V1 string to sign is built from. A verifier passes the received Content-MD5,
 * Content-Type and `x-oss-*` headers, `Expires` from the URL, bucket and key from host and path, and all
 * decoded query parameters, then compares {@link ossV1Signature} with `Signature`.
 */
export interface OssV1StringToSignInput {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The `Content-MD5` header value, or `''`. */
  readonly contentMd5: string;
  /** The `Content-Type` header value, or `''`. */
  readonly contentType: string;
  /** Unix seconds (`Expires`) for URLs; the `Date` header for Authorization-header requests. */
  readonly expiresOrDate: string;
  /** The `x-oss-*` headers, lower-case name → value (values are trimmed here). */
  readonly ossHeaders: Readonly<Record<string, string>>;
  /** The bucket; in the resource for every addressing style (CNAME too). */
  readonly bucket?: string;
  /** The object key, raw (the resource is not percent-encoded). */
  readonly key?: string;
  /** ALL decoded query params; only the signed sub-resources are kept (the auth params are not). */
  readonly query: readonly QueryParam[];
}

/**
 * The canonicalized resource: `/bucket/key` raw, then `?` and the signed sub-resources sorted by name,
 * `name=value` with raw decoded values or the bare name when the value is empty, joined by `&`.
 */
export function ossV1CanonicalizedResource(
  bucket: string | undefined,
  key: string | undefined,
  query: readonly QueryParam[],
): string {
  const path = `/${bucket === undefined ? '' : `${bucket}/`}${key ?? ''}`;
  const subResources = query
    .filter((param) => isOssV1SignedParam(param.name))
    .map((param) => ({ name: param.name, value: param.value ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .map((param) => (param.value === '' ? param.name : `${param.name}=${param.value}`));
  return subResources.length === 0 ? path : `${path}?${subResources.join('&')}`;
}

/**
 * The OSS V1 string to sign: method, Content-MD5, Content-Type and Expires/Date lines, then one
 * `name:value\n` line per `x-oss-*` header (sorted), then the canonicalized resource.
 */
export function ossV1StringToSign(input: OssV1StringToSignInput): string {
  const ossHeaders = sortedHeaderEntries(normalizeHeaders(input.ossHeaders))
    .filter(([name]) => name.startsWith('x-oss-'))
    .map(([name, value]) => `${name}:${trimHeaderValue(value)}\n`)
    .join('');
  return (
    `${input.method.toUpperCase()}\n${trimHeaderValue(input.contentMd5)}\n${trimHeaderValue(input.contentType)}\n` +
    `${input.expiresOrDate}\n${ossHeaders}${ossV1CanonicalizedResource(input.bucket, input.key, input.query)}`
  );
}

/** The OSS V1 signature: base64 HMAC-SHA1 of the string to sign under the access key secret. */
export function ossV1Signature(secret: string, stringToSign: string): string {
  return hmacSha1Base64(secret, stringToSign);
}

/**
 * Presigns a request with OSS V1. The request and credentials must be valid (call `presign()` for
 * validation and the clock). `Expires` is the signing time in whole seconds plus `expiresInSeconds`; the
 * signing time itself is not in the URL.
 */
export function presignOssV1(credentials: Credentials, request: PresignRequest, signingTimeMs: number): PresignResult {
  const target = resolveRequestTarget(request.endpoint, request.style, request.bucket, request.key);
  const headers = normalizeHeaders(request.headers);
  const signedHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => isOssDefaultSignedHeader(name)));
  const signedAtSeconds = toEpochSeconds(signingTimeMs);
  const expires = signedAtSeconds + request.expiresInSeconds;

  const query: QueryParam[] = [...(request.query ?? [])];
  if (credentials.securityToken !== undefined && credentials.securityToken !== '') {
    query.push({ name: OSS_V1_QUERY.securityToken, value: credentials.securityToken });
  }
  const stringToSign = ossV1StringToSign({
    method: request.method,
    contentMd5: headers['content-md5'] ?? '',
    contentType: headers['content-type'] ?? '',
    expiresOrDate: String(expires),
    ossHeaders: Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-oss-'))),
    bucket: request.bucket,
    ...(request.key === undefined ? {} : { key: request.key }),
    query,
  });
  const signature = ossV1Signature(credentials.accessKeySecret, stringToSign);
  query.push(
    { name: OSS_V1_QUERY.accessKeyId, value: credentials.accessKeyId },
    { name: OSS_V1_QUERY.expires, value: String(expires) },
  );

  const search = renderSignedQuery(query, { name: OSS_V1_QUERY.signature, value: signature }, 'bare');
  return {
    url: `${target.origin}${target.path}?${search}`,
    method: request.method,
    signedHeaders,
    expiresAt: formatIsoSeconds(expires),
    signedAt: formatIsoSeconds(signedAtSeconds),
  };
}

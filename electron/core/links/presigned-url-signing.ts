/**
 * Re-signing a parsed presigned URL: the canonical request and string to sign it stands for (given the
 * method, the bucket and key it addresses, and the values of the headers it binds), and whether a secret
 * produces its signature. The same primitives Dropsign signs with and the local bucket verifies with, at
 * the URL's own signing time and parameters.
 */
import type { HttpMethod } from '../../shared/signing.js';
import { signaturesEqual } from '../local-bucket/auth/signature-compare.js';
import { UNSIGNED_PAYLOAD } from '../signing/hash.js';
import { isOssDefaultSignedHeader, normalizeHeaders } from '../signing/headers.js';
import { OSS_V1_QUERY, ossV1Signature, ossV1StringToSign } from '../signing/oss-v1.js';
import { OSS_V4_QUERY, ossV4CanonicalRequest, ossV4Signature, ossV4StringToSign } from '../signing/oss-v4.js';
import { S3_V4_QUERY, s3V4CanonicalRequest, s3V4Signature, s3V4StringToSign } from '../signing/s3-v4.js';
import { compactDate } from '../signing/time-format.js';
import { uriEncodePath } from '../signing/uri-encode.js';
import type { PresignedUrlParts } from './presigned-url.js';

/** One reading of the request the URL was signed for. */
export interface SignedReading {
  readonly method: HttpMethod;
  /** Undefined only for a custom-domain URL whose bucket is not known. */
  readonly bucket: string | undefined;
  readonly key: string;
  /** The values of the headers the link binds (lower-case names), as the other side must send them. */
  readonly headers: Readonly<Record<string, string>>;
}

/** What the signer signed for one reading (the canonical request for the V4 schemes). */
export interface SignedForms {
  readonly canonicalRequest?: string;
  readonly stringToSign: string;
}

/** The canonical forms of `parts` read as `reading`. */
export function signedForms(parts: PresignedUrlParts, reading: SignedReading): SignedForms {
  const headers = normalizeHeaders(reading.headers);
  switch (parts.scheme) {
    case 'oss-v4': {
      const additional = parts.headerNames;
      const signed: Record<string, string> = Object.fromEntries(
        Object.entries(headers).filter(([name]) => isOssDefaultSignedHeader(name) || additional.includes(name)),
      );
      if (additional.includes('host')) signed['host'] = parts.host;
      const canonicalRequest = ossV4CanonicalRequest({
        method: reading.method,
        ...(reading.bucket === undefined ? {} : { bucket: reading.bucket }),
        ...(reading.key === '' ? {} : { key: reading.key }),
        query: parts.query.filter((param) => param.name !== OSS_V4_QUERY.signature),
        headers: signed,
        additionalHeaders: additional,
        payloadHash: signed['x-oss-content-sha256'] ?? UNSIGNED_PAYLOAD,
      });
      return { canonicalRequest, stringToSign: ossV4StringToSign(canonicalRequest, parts.dateTime ?? '', parts.region ?? '') };
    }
    case 's3-v4': {
      const canonicalRequest = s3V4CanonicalRequest({
        method: reading.method,
        canonicalUri: s3CanonicalUri(parts.rawPath),
        query: parts.query.filter((param) => param.name !== S3_V4_QUERY.signature),
        headers: { ...headers, host: parts.host },
        signedHeaderNames: parts.headerNames,
        payloadHash: headers['x-amz-content-sha256'] ?? UNSIGNED_PAYLOAD,
      });
      return { canonicalRequest, stringToSign: s3V4StringToSign(canonicalRequest, parts.dateTime ?? '', parts.region ?? '') };
    }
    case 'oss-v1':
      return {
        stringToSign: ossV1StringToSign({
          method: reading.method,
          contentMd5: headers['content-md5'] ?? '',
          contentType: headers['content-type'] ?? '',
          expiresOrDate: String(Math.floor(parts.expiresAtMs / 1000)),
          ossHeaders: Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-oss-'))),
          ...(reading.bucket === undefined ? {} : { bucket: reading.bucket }),
          ...(reading.key === '' ? {} : { key: reading.key }),
          query: parts.query.filter((param) => param.name !== OSS_V1_QUERY.signature),
        }),
      };
  }
}

/** True when `secret` gives the URL's signature for `reading` (compared in constant time). */
export function signatureHolds(parts: PresignedUrlParts, reading: SignedReading, secret: string): boolean {
  const { stringToSign } = signedForms(parts, reading);
  const date = compactDate(parts.dateTime ?? '');
  const region = parts.region ?? '';
  const expected =
    parts.scheme === 'oss-v4'
      ? ossV4Signature(secret, date, region, stringToSign)
      : parts.scheme === 's3-v4'
        ? s3V4Signature(secret, date, region, stringToSign)
        : ossV1Signature(secret, stringToSign);
  return signaturesEqual(expected, parts.signature);
}

/** S3's canonical URI: the path decoded and encoded once, as the local bucket's verifier does it. */
function s3CanonicalUri(rawPath: string): string {
  try {
    return uriEncodePath(decodeURIComponent(rawPath));
  } catch {
    return rawPath;
  }
}

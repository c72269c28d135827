/**
 * Verifies OSS Signature V1 (HMAC-SHA1) requests, in a presigned URL (`OSSAccessKeyId`, `Expires`,
 * `Signature`) or an `Authorization: OSS AK:signature` header.
 */
import { OSS_V1_QUERY, ossV1Signature, ossV1StringToSign } from '../../signing/oss-v1.js';
import type { AuthContext, AuthResult, IncomingRequestInfo } from '../types.js';
import {
  deny,
  invalidAuthArgument,
  missingRequestDate,
  requestExpired,
  signatureMismatch,
  unknownAccessKey,
} from './auth-errors.js';
import { queryValue } from './auth-params.js';
import { checkRequestTime, parseHttpDate } from './request-time.js';
import { signaturesEqual } from './signature-compare.js';

/** Verifies a presigned OSS V1 URL. */
export function verifyOssV1Query(request: IncomingRequestInfo, context: AuthContext): AuthResult {
  const accessKeyId = queryValue(request.query, OSS_V1_QUERY.accessKeyId);
  const expires = queryValue(request.query, OSS_V1_QUERY.expires);
  const signature = queryValue(request.query, OSS_V1_QUERY.signature);
  for (const [name, value] of [
    [OSS_V1_QUERY.accessKeyId, accessKeyId],
    [OSS_V1_QUERY.expires, expires],
    [OSS_V1_QUERY.signature, signature],
  ] as const) {
    if (value === undefined || value === '') return deny(invalidAuthArgument(`${name} is missing from the URL.`, name));
  }
  const secret = context.accessKeys.get(accessKeyId ?? '');
  if (secret === undefined) return deny(unknownAccessKey(accessKeyId ?? ''));
  // Why 12 digits: Unix seconds until the year 33658; anything longer is not a time.
  if (!/^\d{1,12}$/.test(expires ?? '')) {
    return deny(invalidAuthArgument('Expires must be a Unix time in seconds.', OSS_V1_QUERY.expires, expires));
  }
  const expiresAtMs = Number(expires) * 1000;
  if (request.receivedAt > expiresAtMs) return deny(requestExpired(expiresAtMs, request.receivedAt));
  return compare(request, accessKeyId ?? '', secret, signature ?? '', [expires ?? '']);
}

/** Verifies `Authorization: OSS AK:signature`, dated by `x-oss-date` or `Date`. */
export function verifyOssV1Header(request: IncomingRequestInfo, context: AuthContext, credentials: string): AuthResult {
  const colon = credentials.lastIndexOf(':');
  if (colon <= 0) return deny(invalidAuthArgument('The Authorization header must be "OSS AccessKeyId:Signature".', 'Authorization'));
  const accessKeyId = credentials.slice(0, colon).trim();
  const signature = credentials.slice(colon + 1).trim();
  const secret = context.accessKeys.get(accessKeyId);
  if (secret === undefined) return deny(unknownAccessKey(accessKeyId));

  const dateHeader = request.headers['x-oss-date'] ?? request.headers['date'];
  const requestTime = dateHeader === undefined ? undefined : parseHttpDate(dateHeader);
  if (requestTime === undefined) return deny(missingRequestDate('Date'));
  const timeError = checkRequestTime(requestTime, request.receivedAt);
  if (timeError !== undefined) return deny(timeError);

  // The date line is the Date header; clients that send only x-oss-date (ali-oss) sign that value there.
  const dateLines = [...new Set([request.headers['date'], request.headers['x-oss-date']].filter((d) => d !== undefined))];
  return compare(request, accessKeyId, secret, signature, dateLines);
}

/** Recomputes the string to sign with each candidate date line and accepts the first that matches. */
function compare(
  request: IncomingRequestInfo,
  accessKeyId: string,
  secret: string,
  signature: string,
  dateLines: readonly string[],
): AuthResult {
  const ossHeaders = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.startsWith('x-oss-')));
  let firstStringToSign = '';
  for (const dateLine of dateLines) {
    const stringToSign = ossV1StringToSign({
      method: request.method,
      contentMd5: request.headers['content-md5'] ?? '',
      contentType: request.headers['content-type'] ?? '',
      expiresOrDate: dateLine,
      ossHeaders,
      ...(request.bucket === undefined ? {} : { bucket: request.bucket }),
      ...(request.key === undefined ? {} : { key: request.key }),
      query: request.query,
    });
    if (firstStringToSign === '') firstStringToSign = stringToSign;
    if (signaturesEqual(ossV1Signature(secret, stringToSign), signature)) return { kind: 'allowed', accessKeyId };
  }
  return deny(signatureMismatch({ accessKeyId, signatureProvided: signature, stringToSign: firstStringToSign }));
}

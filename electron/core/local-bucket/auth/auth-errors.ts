/**
 * The error answers of request authentication, shaped as OSS sends them: code, status, message, and the
 * extra `<Error>` fields a client needs to find out what went wrong (OSS's own diagnostic fields).
 *
 * None of them carries a secret: the access key id and the signature the client sent are echoed, as OSS
 * echoes them, but never the secret or a session token.
 */
import { OSS_ERROR_STATUS, type OssErrorCode, type OssErrorResponse } from '../oss-errors.js';
import type { AuthResult } from '../types.js';

/** OSS allows a signing time this far from its clock: 15 minutes (`MaxAllowedSkewMilliseconds`). */
export const MAX_SKEW_MS = 15 * 60 * 1000;

function denied(
  code: OssErrorCode,
  message: string,
  details: Readonly<Record<string, string>>,
  ec?: string,
): OssErrorResponse {
  return { status: OSS_ERROR_STATUS[code], code, message, details, ...(ec === undefined ? {} : { ec }) };
}

/** A request with no signature at all, on our private buckets. */
export function anonymousDenied(): OssErrorResponse {
  return denied('AccessDenied', 'You have no right to access this object because of bucket acl.', {}, '0003-00000001');
}

/** An access key id the server does not know. */
export function unknownAccessKey(accessKeyId: string): OssErrorResponse {
  return denied(
    'InvalidAccessKeyId',
    'The OSS Access Key Id you provided does not exist in our records.',
    { OSSAccessKeyId: accessKeyId },
    '0002-00000902',
  );
}

/** A malformed or missing authentication parameter; `argument` names it. */
export function invalidAuthArgument(message: string, argument: string, value?: string): OssErrorResponse {
  return denied('InvalidArgument', message, {
    ArgumentName: argument,
    ...(value === undefined ? {} : { ArgumentValue: value }),
  });
}

/** The credential scope names a region other than the bucket's. `Region` tells the bucket's region. */
export function invalidSigningRegion(credential: string, argument: string, expected: string): OssErrorResponse {
  return denied(
    'InvalidArgument',
    'Invalid signing region in credential.',
    { ArgumentName: argument, ArgumentValue: credential, Region: expected },
    argument === 'Authorization' ? '0002-00000228' : '0002-00000226',
  );
}

/** The URL's validity has ended. */
export function requestExpired(expiresAtMs: number, serverTimeMs: number): OssErrorResponse {
  return denied(
    'AccessDenied',
    'Request has expired.',
    { Expires: isoSeconds(expiresAtMs), ServerTime: isoSeconds(serverTimeMs) },
    '0002-00000069',
  );
}

/** The signing time is more than {@link MAX_SKEW_MS} away from the server's clock. */
export function requestTimeTooSkewed(requestTimeMs: number, serverTimeMs: number): OssErrorResponse {
  return denied(
    'RequestTimeTooSkewed',
    'The difference between the request time and the current time is too large.',
    {
      RequestTime: isoSeconds(requestTimeMs),
      ServerTime: isoSeconds(serverTimeMs),
      MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
    },
    '0002-00000504',
  );
}

/** What the server computed, for a signature mismatch answer. */
export interface MismatchDiagnosis {
  readonly accessKeyId: string;
  readonly signatureProvided: string;
  readonly stringToSign: string;
  /** The V4 schemes' canonical request; absent for OSS V1, which has none. */
  readonly canonicalRequest?: string;
}

/**
 * The signature does not match. Like OSS, the body carries the server's string to sign (and canonical
 * request), so a client can show which part (usually a header) differs from what it signed.
 */
export function signatureMismatch(diagnosis: MismatchDiagnosis, reason?: string): OssErrorResponse {
  return denied(
    'SignatureDoesNotMatch',
    reason ?? 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    {
      OSSAccessKeyId: diagnosis.accessKeyId,
      SignatureProvided: diagnosis.signatureProvided,
      StringToSign: diagnosis.stringToSign,
      StringToSignBytes: hexBytes(diagnosis.stringToSign),
      ...(diagnosis.canonicalRequest === undefined ? {} : { CanonicalRequest: diagnosis.canonicalRequest }),
    },
    '0002-00000040',
  );
}

/** An authorization scheme or algorithm we do not support. */
export function unsupportedAuth(message: string, argument: string): OssErrorResponse {
  return invalidAuthArgument(message, argument);
}

/** `2024-11-12T08:32:38Z`. */
function isoSeconds(timeMs: number): string {
  // Why 19: `toISOString` has milliseconds after the 19th character; OSS prints whole seconds.
  return `${new Date(timeMs).toISOString().slice(0, 19)}Z`;
}

/** OSS's `StringToSignBytes`: each UTF-8 byte as two upper-case hex digits, each followed by a space. */
function hexBytes(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `${byte.toString(16).toUpperCase().padStart(2, '0')} `).join('');
}

/** A header-signed request with no usable Date / x-oss-date / x-amz-date header. */
export function missingRequestDate(header: string): OssErrorResponse {
  return denied('AccessDenied', `Authentication requires a valid ${header} header.`, { ArgumentName: header });
}

/** Headers sent that the scheme requires to be signed but that were not (S3 SigV4: `x-amz-*`, `x-oss-*`). */
export function headersNotSigned(names: readonly string[]): OssErrorResponse {
  return denied('AccessDenied', 'There were headers present in the request which were not signed.', {
    HeadersNotSigned: names.join(', '),
  });
}

/** Wraps an error answer as a denial. */
export function deny(error: OssErrorResponse): AuthResult {
  return { kind: 'denied', error };
}

/**
 * The credential checks every V4 request goes through, OSS V4 and S3 SigV4 alike, in URLs and headers: the
 * credential's shape, a known access key, the signing region, the signing time's form and day, and the time
 * window. What is left after them is recomputing the signature, which differs per scheme.
 */
import type { OssErrorResponse } from '../oss-errors.js';
import type { AuthContext } from '../types.js';
import { invalidAuthArgument, invalidSigningRegion, unknownAccessKey } from './auth-errors.js';
import { parseCredentialScope, type CredentialScope } from './auth-params.js';
import { parseCompactDateTime } from './request-time.js';

/** A V4 scheme's names: its scope service and terminator, and the parameter holding the signing time. */
export interface V4Scheme {
  readonly service: 'oss' | 's3';
  readonly terminator: 'aliyun_v4_request' | 'aws4_request';
  /** `x-oss-date` or `X-Amz-Date`, for messages. */
  readonly dateName: string;
  /** Whether the credential's region is the one the server serves. */
  readonly regionMatches: (region: string, serverRegion: string) => boolean;
}

/** What the request claims: its credential and signing time, and where the credential was carried. */
export interface V4Credential {
  readonly credential: string;
  readonly dateTime: string;
  readonly argument: string;
}

/** The checked credential, or the error answer for the first check that failed. */
export type CheckedCredential =
  | { readonly ok: true; readonly scope: CredentialScope; readonly secret: string }
  | { readonly ok: false; readonly error: OssErrorResponse };

/** Runs the checks in the order OSS reports them; `checkTime` is the URL window or the header skew check. */
export function checkV4Credential(
  scheme: V4Scheme,
  claim: V4Credential,
  context: AuthContext,
  checkTime: (signedAtMs: number) => OssErrorResponse | undefined,
): CheckedCredential {
  const fail = (error: OssErrorResponse): CheckedCredential => ({ ok: false, error });
  const scope = parseCredentialScope(claim.credential, scheme.service, scheme.terminator);
  if (scope === undefined) {
    return fail(
      invalidAuthArgument(
        `The credential must be <AccessKeyId>/<YYYYMMDD>/<region>/${scheme.service}/${scheme.terminator}.`,
        claim.argument,
        claim.credential,
      ),
    );
  }
  const secret = context.accessKeys.get(scope.accessKeyId);
  if (secret === undefined) return fail(unknownAccessKey(scope.accessKeyId));
  if (!scheme.regionMatches(scope.region, context.region)) return fail(invalidSigningRegion(claim.credential, claim.argument, context.region));
  const signedAtMs = parseCompactDateTime(claim.dateTime);
  if (signedAtMs === undefined) return fail(invalidAuthArgument(`${scheme.dateName} must be YYYYMMDDTHHMMSSZ.`, scheme.dateName, claim.dateTime));
  if (!claim.dateTime.startsWith(scope.date)) {
    return fail(invalidAuthArgument(`The credential date differs from the date of ${scheme.dateName}.`, claim.argument, claim.credential));
  }
  const timeError = checkTime(signedAtMs);
  return timeError === undefined ? { ok: true, scope, secret } : fail(timeError);
}

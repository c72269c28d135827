/**
 * The parameters every V4 presigned URL carries (OSS V4 and S3 SigV4 alike): checked for presence, with the
 * validity read and bounded as both services bound it.
 */
import type { QueryParam } from '../../../shared/signing.js';
import type { OssErrorResponse } from '../oss-errors.js';
import { invalidAuthArgument } from './auth-errors.js';
import { queryValue } from './auth-params.js';

/** Longest validity of a V4 URL: 7 days, in seconds (OSS and S3 both refuse more). */
export const MAX_V4_EXPIRES_SECONDS = 604_800;

/** The V4 URL parameters read from a query, or the error answer for the first one missing or invalid. */
export type V4UrlParams =
  | { readonly ok: true; readonly value: (name: string) => string; readonly expiresSeconds: number }
  | { readonly ok: false; readonly error: OssErrorResponse };

/** Checks that each of `required` is present and that `expiresName` holds 1..604800 seconds. */
export function readV4UrlParams(query: readonly QueryParam[], required: readonly string[], expiresName: string): V4UrlParams {
  for (const name of [...required, expiresName]) {
    if (queryValue(query, name) === undefined) return { ok: false, error: invalidAuthArgument(`${name} is missing from the URL.`, name) };
  }
  const expiresText = queryValue(query, expiresName) ?? '';
  // Why 7 digits: 604800 has six; anything longer is out of range and not worth converting.
  const expires = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 1 && expires <= MAX_V4_EXPIRES_SECONDS)) {
    return { ok: false, error: invalidAuthArgument(`${expiresName} must be 1 to ${MAX_V4_EXPIRES_SECONDS} seconds.`, expiresName, expiresText) };
  }
  return { ok: true, value: (name) => queryValue(query, name) ?? '', expiresSeconds: expires };
}

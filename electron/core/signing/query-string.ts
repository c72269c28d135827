/**
 * Canonical query strings of the signing schemes, and the URL query rendering that goes with them.
 */

import type { QueryParam } from '../../shared/signing.js';
import { compareAscii, uriEncode } from './uri-encode.js';

/**
 * How a parameter with an empty or missing value is written: `bare` (`uploads`, OSS) or `equals`
 * (`uploads=`, S3 SigV4).
 */
export type EmptyValueStyle = 'bare' | 'equals';

/** A query parameter with its name and value percent-encoded (value `''` when empty or missing). */
export interface EncodedQueryParam {
  readonly name: string;
  readonly value: string;
}

/**
 * Percent-encodes names and values (RFC 3986, `/` encoded too) and sorts them by encoded name in byte
 * order, then by encoded value so that repeated names are deterministic.
 */
export function encodeAndSortQuery(params: readonly QueryParam[]): EncodedQueryParam[] {
  return params
    .map((param) => ({ name: uriEncode(param.name), value: uriEncode(param.value ?? '') }))
    .sort((a, b) => compareAscii(a.name, b.name) || compareAscii(a.value, b.value));
}

/** Joins encoded parameters as `name=value&...`, writing empty values the given way. */
export function joinQuery(params: readonly EncodedQueryParam[], empty: EmptyValueStyle): string {
  return params
    .map((param) => (param.value === '' && empty === 'bare' ? param.name : `${param.name}=${param.value}`))
    .join('&');
}

/** The canonical query string: encoded, sorted by encoded name (byte order), joined by `&`. */
export function canonicalQueryString(params: readonly QueryParam[], empty: EmptyValueStyle): string {
  return joinQuery(encodeAndSortQuery(params), empty);
}

/**
 * The query part of a presigned URL: the canonical (sorted) parameters followed by the signature
 * parameter, so the URL is deterministic and the signature reads last.
 */
export function renderSignedQuery(
  params: readonly QueryParam[],
  signature: QueryParam,
  empty: EmptyValueStyle,
): string {
  const signed = canonicalQueryString(params, empty);
  const last = joinQuery(encodeAndSortQuery([signature]), empty);
  return signed === '' ? last : `${signed}&${last}`;
}

/**
 * Validation of the caller's query parameters (sub-resources such as `uploads`, `versionId`, `x-oss-process`).
 */

import { fail, isString, loneSurrogateIndex, quote } from './validation-helpers.js';

/** Query names the signing schemes write themselves (compared ignoring case). */
const RESERVED_NAMES = new Set([
  'x-oss-credential',
  'x-oss-date',
  'x-oss-expires',
  'x-oss-additional-headers',
  'x-oss-security-token',
  'ossaccesskeyid',
  'expires',
  'signature',
  'security-token',
]);

/** True for a name reserved for the signature (`x-oss-signature*`, `X-Amz-*` and the names above). */
export function isReservedQueryName(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_NAMES.has(lower) || lower.startsWith('x-oss-signature') || lower.startsWith('x-amz-');
}

/**
 * Validates query parameters: a list of `{ name, value? }` with non-empty well-formed names, string (or
 * absent) well-formed values, no name reserved for the signature, and no name given twice.
 */
export function validateQuery(query: unknown): void {
  if (query === undefined) return;
  if (!Array.isArray(query)) {
    fail(
      'invalid-query',
      'The query parameters are not a list.',
      'Give query parameters as a list of {name, value} pairs.',
    );
  }
  const seen = new Set<string>();
  for (const param of query as unknown[]) {
    if (param === null || typeof param !== 'object') {
      fail(
        'invalid-query',
        'A query parameter is not a {name, value} pair.',
        'Give query parameters as a list of {name, value} pairs.',
      );
    }
    const { name, value } = param as { name?: unknown; value?: unknown };
    if (!isString(name) || name === '') {
      fail(
        'invalid-query',
        'A query parameter has an empty name.',
        'Give every query parameter a name, for example versionId.',
      );
    }
    if (loneSurrogateIndex(name) >= 0 || (isString(value) && loneSurrogateIndex(value) >= 0)) {
      fail(
        'invalid-query',
        `The query parameter ${quote(name)} is not valid Unicode text.`,
        'Use valid Unicode text in query names and values.',
      );
    }
    if (value !== undefined && !isString(value)) {
      fail(
        'invalid-query',
        `The value of query parameter ${quote(name)} is not text.`,
        'Give query values as strings; omit the value for a bare parameter such as uploads.',
      );
    }
    if (isReservedQueryName(name)) {
      fail(
        'invalid-query',
        `The query parameter ${quote(name)} is reserved for the signature, which the signer writes itself.`,
        `Remove ${quote(name)} from the query parameters.`,
      );
    }
    if (seen.has(name)) {
      fail('invalid-query', `The query parameter ${quote(name)} is given twice.`, 'Give each query parameter once.');
    }
    seen.add(name);
  }
}

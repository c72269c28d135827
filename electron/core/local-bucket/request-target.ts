/**
 * Reading the request target: bucket and key (path-style or virtual-hosted), and the query as an ordered
 * list, without normalising anything (`..`, `//` and `%2F` are part of keys, not path syntax).
 */
import type { QueryParam } from '../../shared/signing.js';
import { ossError } from './oss-errors.js';
import type { RequestAddressingStyle } from './types.js';

/** What the request line and Host header address. */
export interface RequestTarget {
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly query: readonly QueryParam[];
  readonly host: string;
  readonly style: RequestAddressingStyle;
  readonly bucket?: string;
  readonly key?: string;
}

/**
 * Parses `url` (the request target as received) and `host` (the Host header).
 * A host `<label>.<domain>` with `domain` in `virtualHostDomains` addresses bucket `<label>` and the whole path
 * is the key; any other host is path-style, `/<bucket>/<key>`. Throws InvalidURI for a target that is not a
 * path or has broken percent-encoding, InvalidObjectName for a key that is not UTF-8.
 */
export function parseRequestTarget(url: string, host: string, virtualHostDomains: readonly string[]): RequestTarget {
  const target = stripAbsoluteForm(url);
  if (!target.startsWith('/')) throw invalidUri();
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : target.slice(queryAt + 1);
  const query = parseQuery(rawQuery);

  const virtualBucket = bucketFromHost(host, virtualHostDomains);
  if (virtualBucket !== undefined) {
    const key = decodeKey(rawPath.slice(1));
    return { rawPath, rawQuery, query, host, style: 'virtual-hosted', bucket: virtualBucket, ...(key === '' ? {} : { key }) };
  }
  if (rawPath === '/') return { rawPath, rawQuery, query, host, style: 'path' };
  const rest = rawPath.slice(1);
  const slash = rest.indexOf('/');
  const bucket = decodeComponent(slash < 0 ? rest : rest.slice(0, slash));
  const key = slash < 0 ? '' : decodeKey(rest.slice(slash + 1));
  return { rawPath, rawQuery, query, host, style: 'path', bucket, ...(key === '' ? {} : { key }) };
}

/** The bucket named by a virtual-hosted Host header, or undefined for path-style. */
export function bucketFromHost(host: string, virtualHostDomains: readonly string[]): string | undefined {
  const hostname = stripPort(host).toLowerCase();
  for (const domain of virtualHostDomains) {
    const suffix = `.${domain.toLowerCase()}`;
    if (hostname.endsWith(suffix) && hostname.length > suffix.length) return hostname.slice(0, -suffix.length);
  }
  return undefined;
}

/** Splits a query string into parameters, in order; names and values percent-decoded, `+` kept as `+`. */
export function parseQuery(rawQuery: string): QueryParam[] {
  if (rawQuery === '') return [];
  const params: QueryParam[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      params.push({ name: decodeComponent(part) });
    } else {
      params.push({ name: decodeComponent(part.slice(0, eq)), value: decodeComponent(part.slice(eq + 1)) });
    }
  }
  return params;
}

function stripAbsoluteForm(url: string): string {
  const match = /^https?:\/\/[^/?#]*/i.exec(url);
  if (match === null) return url;
  const rest = url.slice(match[0].length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidUri();
  }
}

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    if (/%(?![0-9A-Fa-f]{2})/.test(raw)) throw invalidUri();
    throw ossError('InvalidObjectName', 'The object name is not valid UTF-8.');
  }
}

function invalidUri(): Error {
  return ossError('InvalidURI', "Couldn't parse the specified URI.");
}

/**
 * Where a presigned request goes: scheme, host and encoded path, from endpoint + addressing style +
 * bucket + key. The same target feeds the URL and the canonical forms that need the host or the path.
 */

import type { AddressingStyle } from '../../shared/signing.js';
import { uriEncodePath } from './uri-encode.js';

/** The parts of a request URL, before the query string. */
export interface RequestTarget {
  /** `http` or `https`, from the endpoint. */
  readonly protocol: 'http' | 'https';
  /**
   * The URL authority as sent in the `Host` header: lower-case host name, `bucket.` prefixed for
   * virtual-hosted style, with `:port` only when the port is not the scheme's default.
   */
  readonly host: string;
  /**
   * The encoded request path as sent: `/key` (virtual-hosted, cname) or `/bucket/key` (path style);
   * `/` or `/bucket/` without a key. Encoded with RFC 3986, `/` kept.
   */
  readonly path: string;
  /** `protocol://host`, the URL without path and query. */
  readonly origin: string;
}

/**
 * Resolves the URL parts for a request. The endpoint must already be validated (an http(s) URL with a host
 * and no path, query or credentials): see `validatePresignRequest`.
 *
 * - `virtual-hosted`: host `bucket.` + endpoint host, path `/key`
 * - `path`: host = endpoint host, path `/bucket/key`
 * - `cname`: host = endpoint host (the custom domain), path `/key`
 */
export function resolveRequestTarget(
  endpoint: string,
  style: AddressingStyle,
  bucket: string,
  key?: string,
): RequestTarget {
  const url = new URL(endpoint);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  // The WHATWG URL parser lower-cases the host name and drops a default port, which is exactly the form of
  // the Host header a client sends.
  const endpointHost = url.host;
  const host = style === 'virtual-hosted' ? `${bucket}.${endpointHost}` : endpointHost;
  const objectPath = key === undefined ? '' : key;
  const rawPath = style === 'path' ? `/${bucket}/${objectPath}` : `/${objectPath}`;
  const path = uriEncodePath(rawPath);
  return { protocol, host, path, origin: `${protocol}://${host}` };
}

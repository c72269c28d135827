/**
 * Where a presigned URL points, split for node:http, with the path and query kept byte for byte as signed.
 */

/** The parts of a presigned URL a request needs. */
export interface RequestTarget {
  /** The URL as WHATWG parses it: scheme, host and port (for the agent and the connection). */
  readonly url: URL;
  /** `https:` or `http:`. */
  readonly protocol: 'http:' | 'https:';
  /** Host name without brackets (IPv6) for the connection. */
  readonly hostname: string;
  /** The port, or undefined for the scheme's default. */
  readonly port: number | undefined;
  /** Path and query exactly as they appear in the URL (never re-encoded), without any fragment. */
  readonly path: string;
}

/**
 * Splits a presigned URL. The path is cut from the original text rather than taken from `URL.pathname`,
 * because the WHATWG parser re-encodes some characters and the server checks the signature against the
 * bytes it receives. Throws TypeError for a URL that is not http(s) (a signer bug; never quoted, it holds
 * the signature).
 */
export function requestTarget(presignedUrl: string): RequestTarget {
  let url: URL;
  try {
    url = new URL(presignedUrl);
  } catch {
    throw new TypeError('The presigned URL could not be parsed.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('The presigned URL is not http or https.');
  const authorityStart = presignedUrl.indexOf('//') + 2;
  const pathStart = presignedUrl.slice(authorityStart).search(/[/?#]/);
  let path = pathStart < 0 ? '/' : presignedUrl.slice(authorityStart + pathStart);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (path.startsWith('?')) path = `/${path}`;
  if (path === '') path = '/';
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url, protocol: url.protocol, hostname, port: url.port === '' ? undefined : Number(url.port), path };
}

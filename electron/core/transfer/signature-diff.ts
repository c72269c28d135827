/**
 * Explains a `SignatureDoesNotMatch` by comparing what the server signed (the canonical request or string
 * to sign it returns in the error body) with what the client signed, and naming the difference: usually
 * a header sent with another value than the one signed ("the server saw Content-Type: text/plain but the
 * URL signed image/png"), a header sent that was not signed, or one signed but not sent.
 *
 * Handles the OSS V4 and S3 SigV4 canonical requests and the OSS V1 string to sign. Query values are never
 * echoed (the canonical query holds the credential and, with STS, the security token): only names.
 */

/** What the client signed, as far as it knows. */
export interface SignedRequestView {
  /** The canonical request it signed (OSS V4, S3 SigV4). */
  readonly canonicalRequest?: string;
  /** The string to sign it signed (any scheme; the only record for OSS V1). */
  readonly stringToSign?: string;
  /** The headers the URL was signed with (`PresignResult.signedHeaders`, lower-case names). */
  readonly signedHeaders?: Readonly<Record<string, string>>;
}

/** The parts of a signed request that can differ. */
interface SignedParts {
  readonly method?: string;
  readonly path?: string;
  readonly queryNames?: readonly string[];
  /** Lower-case name → value; absent headers are not listed. */
  readonly headers?: ReadonlyMap<string, string>;
  /** The V4 credential scope (`20241112/cn-hangzhou/oss/aliyun_v4_request`). */
  readonly scope?: string;
}

const METHODS = new Set(['GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'OPTIONS', 'PATCH']);
const SIGNATURE_PARAMS = new Set(['x-oss-signature', 'X-Amz-Signature', 'Signature']);

function headerMap(lines: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * V4 canonical request (OSS and S3 share the shape): method, URI, query, header lines, an empty line,
 * the signed or additional header names, the payload hash.
 */
function parseCanonicalRequest(text: string): SignedParts | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // Why 6: method, URI, query, (headers +) blank line, header names, payload: the fewest lines there can be.
  if (lines.length < 6 || !METHODS.has(lines[0] ?? '')) return undefined;
  const query = lines[2] ?? '';
  const queryNames = query === '' ? [] : query.split('&').map((pair) => decodeName(pair.split('=')[0] ?? ''));
  return {
    method: lines[0] ?? '',
    path: lines[1] ?? '',
    queryNames: queryNames.filter((name) => !SIGNATURE_PARAMS.has(name)),
    headers: headerMap(lines.slice(3, -2)),
  };
}

/** OSS V1 string to sign: method, Content-MD5, Content-Type, expiry, `x-oss-*` lines, resource. */
function parseV1StringToSign(lines: readonly string[]): SignedParts {
  const headers = headerMap(lines.slice(4, -1));
  if ((lines[1] ?? '') !== '') headers.set('content-md5', lines[1] ?? '');
  if ((lines[2] ?? '') !== '') headers.set('content-type', lines[2] ?? '');
  const resource = lines[lines.length - 1] ?? '';
  const question = resource.indexOf('?');
  const query = question < 0 ? '' : resource.slice(question + 1);
  return {
    method: lines[0] ?? '',
    path: question < 0 ? resource : resource.slice(0, question),
    queryNames: query === '' ? [] : query.split('&').map((pair) => pair.split('=')[0] ?? ''),
    headers,
  };
}

function parseStringToSign(text: string): SignedParts | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // V4: algorithm, date, scope, hash. Why 4: that is all a V4 string to sign has.
  if (lines.length === 4 && /-HMAC-SHA256$/.test(lines[0] ?? '')) return { scope: lines[2] ?? '' };
  // Why 5: method, Content-MD5, Content-Type, expiry and resource are always there in V1.
  if (lines.length >= 5 && METHODS.has(lines[0] ?? '')) return parseV1StringToSign(lines);
  return undefined;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function partsOf(view: { readonly canonicalRequest?: string; readonly stringToSign?: string }): SignedParts {
  const fromRequest = view.canonicalRequest === undefined ? undefined : parseCanonicalRequest(view.canonicalRequest);
  const fromString = view.stringToSign === undefined ? undefined : parseStringToSign(view.stringToSign);
  return { ...fromString, ...fromRequest, ...(fromString?.scope === undefined ? {} : { scope: fromString.scope }) };
}

/** `content-type` → `Content-Type`; `x-oss-*` names stay as signed (lower-case). */
export function displayHeaderName(name: string): string {
  return name.startsWith('x-') ? name : name.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** A header value for a message; values of credential-bearing headers are never shown. */
function displayValue(name: string, value: string): string {
  return /token|authorization|signature|credential/i.test(name) ? '(hidden)' : JSON.stringify(value);
}

/** One difference found, most useful first. */
export interface SignatureFinding {
  /** One plain sentence (no trailing period). */
  readonly sentence: string;
  /** The header concerned, when it is about one (lower-case). */
  readonly header?: string;
}

function compareHeaders(server: ReadonlyMap<string, string>, client: ReadonlyMap<string, string>): SignatureFinding[] {
  const findings: SignatureFinding[] = [];
  const names = [...new Set([...server.keys(), ...client.keys()])].sort();
  for (const name of names) {
    const seen = server.get(name);
    const signed = client.get(name);
    const shown = displayHeaderName(name);
    if (seen !== undefined && signed !== undefined && seen !== signed) {
      findings.push({ header: name, sentence: `the server saw ${shown}: ${displayValue(name, seen)} but the URL signed ${displayValue(name, signed)}` });
    } else if (seen !== undefined && signed === undefined) {
      findings.push({ header: name, sentence: `the request sent ${shown}: ${displayValue(name, seen)}, which the URL did not sign` });
    } else if (seen === undefined && signed !== undefined) {
      findings.push({ header: name, sentence: `the URL signed ${shown}: ${displayValue(name, signed)}, but the request did not send it` });
    }
  }
  return findings;
}

function listNames(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ');
}

/**
 * The differences between what the server signed and what the client signed, most useful first (headers,
 * then method, path, query parameter names and signing scope). Empty when nothing differs that can be seen,
 * which points at the secret key. Without a client view, nothing can be compared: see {@link describeServerSide}.
 */
export function compareSignedRequests(
  server: { readonly canonicalRequest?: string; readonly stringToSign?: string },
  client: SignedRequestView,
): SignatureFinding[] {
  const ours = partsOf(client);
  const theirs = partsOf(server);
  const findings: SignatureFinding[] = [];
  const clientHeaders =
    ours.headers ??
    (client.signedHeaders === undefined ? undefined : new Map(Object.entries(client.signedHeaders).map(([k, v]) => [k.toLowerCase(), v.trim()])));
  if (theirs.headers !== undefined && clientHeaders !== undefined) findings.push(...compareHeaders(theirs.headers, clientHeaders));
  if (theirs.method !== undefined && ours.method !== undefined && theirs.method !== ours.method) {
    findings.push({ sentence: `the request used ${theirs.method} but the URL was signed for ${ours.method}` });
  }
  if (theirs.path !== undefined && ours.path !== undefined && theirs.path !== ours.path) {
    findings.push({ sentence: `the server signed the path ${JSON.stringify(theirs.path)} but the URL was signed for ${JSON.stringify(ours.path)}` });
  }
  if (theirs.queryNames !== undefined && ours.queryNames !== undefined) {
    const extra = theirs.queryNames.filter((name) => !ours.queryNames?.includes(name));
    const missing = ours.queryNames.filter((name) => !theirs.queryNames?.includes(name));
    if (extra.length > 0) findings.push({ sentence: `the server saw the query parameter${extra.length > 1 ? 's' : ''} ${listNames(extra)}, which the URL did not sign` });
    if (missing.length > 0) findings.push({ sentence: `the URL signed the query parameter${missing.length > 1 ? 's' : ''} ${listNames(missing)}, which the server did not see` });
  }
  if (theirs.scope !== undefined && ours.scope !== undefined && theirs.scope !== ours.scope) {
    findings.push({ sentence: `the server used the signing scope ${theirs.scope} but the URL was signed with ${ours.scope}` });
  }
  return findings;
}

/** True when both sides were seen well enough for an empty comparison to mean "nothing differs". */
export function canCompare(server: { readonly canonicalRequest?: string; readonly stringToSign?: string }, client: SignedRequestView): boolean {
  const theirs = partsOf(server);
  const ours = partsOf(client);
  return theirs.headers !== undefined && (ours.headers !== undefined || client.signedHeaders !== undefined);
}

/** What the server signed, for when the client's side is unknown: its signed headers (`Content-Type: "…"`). */
export function describeServerSide(server: { readonly canonicalRequest?: string; readonly stringToSign?: string }): string | undefined {
  const headers = partsOf(server).headers;
  if (headers === undefined) return undefined;
  const shown = [...headers].filter(([name]) => name !== 'host').map(([name, value]) => `${displayHeaderName(name)}: ${displayValue(name, value)}`);
  return shown.length === 0 ? 'no Content-Type, Content-MD5 or x-oss-* headers' : shown.join(', ');
}

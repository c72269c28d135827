/**
 * A failed HTTP answer from OSS or an S3-compatible store, as plain data: the status, the `<Error>` body's
 * fields and the headers that matter (request id, EC, Date, Retry-After). The HTTP layer builds one with
 * {@link httpFailureFromResponse}; the retry policy and the error explanations read it.
 */
import { XMLParser } from 'fast-xml-parser';

/** What a failed answer said. Every field but `status` is optional: a HEAD answer has no body at all. */
export interface HttpFailure {
  readonly status: number;
  /** `<Code>`: `AccessDenied`, `SignatureDoesNotMatch`, ... */
  readonly ossCode?: string;
  /** `<Message>`, with any URL query string removed. */
  readonly message?: string;
  /** `<RequestId>` or the `x-oss-request-id` / `x-amz-request-id` header: what support asks for. */
  readonly requestId?: string;
  /** `<HostId>`: the host that answered. */
  readonly hostId?: string;
  /** OSS's fine-grained error code, `<EC>` or `x-oss-ec` (`0002-00000069`). */
  readonly ec?: string;
  /** The `Date` header (an HTTP date): the server's clock. */
  readonly serverDate?: string;
  /** The `Retry-After` header (seconds or an HTTP date). */
  readonly retryAfter?: string;
  /**
   * The other `<Error>` fields: `Region`, `ServerTime`, `RequestTime`, `Expires`, `StringToSign`,
   * `CanonicalRequest`, `BucketName`, `Endpoint`, ... Credential values in the canonical request and string
   * to sign are masked, and the echoed signature and byte dumps are dropped, so the failure is safe to log.
   */
  readonly details?: Readonly<Record<string, string>>;
}

/** The `<Error>` body's fields. */
export interface ErrorXml {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
  readonly hostId?: string;
  readonly ec?: string;
  readonly details: Readonly<Record<string, string>>;
}

/**
 * Longest body parsed. Why 256 KiB: OSS error bodies are well under 8 KiB even with a canonical request;
 * anything larger is not an OSS error (a proxy's page), and a cap keeps a hostile body from costing much.
 */
const MAX_BODY_CHARS = 256 * 1024;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Keep every value a string: request ids and EC codes look like numbers but are not.
  parseTagValue: false,
  // Keep canonical requests and strings to sign byte for byte (their line breaks are the data).
  trimValues: false,
});

/** The fields lifted out of `<Error>`; the rest go to `details`. */
const TOP_FIELDS: Readonly<Record<string, keyof Omit<ErrorXml, 'details'>>> = {
  Code: 'code',
  Message: 'message',
  RequestId: 'requestId',
  HostId: 'hostId',
  EC: 'ec',
};

/**
 * Fields never kept: the signature the client sent, and the hex dumps of the string to sign and canonical
 * request, whose bytes would carry a security token past {@link maskCredentialParams}.
 */
const DROPPED_FIELDS: ReadonlySet<string> = new Set(['SignatureProvided', 'StringToSignBytes', 'CanonicalRequestBytes']);

/** Parses an OSS / S3 `<Error>` body; undefined when the body is not one (HTML from a proxy, empty). */
export function parseErrorXml(body: string): ErrorXml | undefined {
  if (body.length > MAX_BODY_CHARS || !body.includes('<Error')) return undefined;
  let tree: unknown;
  try {
    tree = parser.parse(body);
  } catch {
    return undefined;
  }
  const error = (tree as { Error?: unknown } | undefined)?.Error;
  if (typeof error !== 'object' || error === null) return undefined;
  const top: Record<string, string> = {};
  const details: Record<string, string> = {};
  for (const [name, value] of Object.entries(error)) {
    // Only simple text elements; '#text' is the whitespace between elements.
    if (typeof value !== 'string' || name === '#text' || DROPPED_FIELDS.has(name)) continue;
    const field = TOP_FIELDS[name];
    if (field !== undefined) top[field] = value.trim();
    // Canonical requests keep their exact lines (the line breaks are the data), credentials masked.
    else details[name] = name === 'CanonicalRequest' || name === 'StringToSign' ? maskCredentialParams(value) : value.trim();
  }
  // A body without a code is not an error answer (fast-xml-parser also accepts unclosed fragments).
  if (top['code'] === undefined || top['code'] === '') return undefined;
  return { ...top, details };
}

/**
 * Removes query strings from URLs in text that will be shown or logged: a presigned URL's query holds
 * the signature and, with temporary credentials, the security token.
 */
export function stripQueryStrings(text: string): string {
  return maskCredentialParams(text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi, '$1'));
}

/**
 * Replaces the values of the signing parameters (`x-oss-*`, `X-Amz-*`, `security-token`, `Signature`,
 * `OSSAccessKeyId`) in query-string text with `…`, keeping their names: what a canonical query string or
 * a V1 resource needs to be compared, without the credential and the security token it holds.
 */
export function maskCredentialParams(text: string): string {
  return text.replace(/(^|[?&\s])((?:x-oss-[\w-]*|x-amz-[\w-]*|security-token|signature|ossaccesskeyid)=)[^&\s"'<>]*/gim, '$1$2…');
}

function header(headers: Readonly<Record<string, string | readonly string[] | undefined>>, name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const value = Array.isArray(found) ? (found as readonly string[])[0] : (found as string | undefined);
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Builds the failure from an answer: `status`, its headers (any case; Node's arrays allowed) and its body
 * text when there is one. Body fields win over headers when both are present.
 */
export function httpFailureFromResponse(
  status: number,
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  body?: string,
): HttpFailure {
  const xml = body === undefined ? undefined : parseErrorXml(body);
  const requestId = xml?.requestId ?? header(headers, 'x-oss-request-id') ?? header(headers, 'x-amz-request-id');
  const ec = xml?.ec ?? header(headers, 'x-oss-ec');
  const serverDate = header(headers, 'date');
  const retryAfter = header(headers, 'retry-after');
  const details = xml === undefined || Object.keys(xml.details).length === 0 ? undefined : xml.details;
  return {
    status,
    ...(xml?.code === undefined ? {} : { ossCode: xml.code }),
    ...(xml?.message === undefined ? {} : { message: stripQueryStrings(xml.message) }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(xml?.hostId === undefined ? {} : { hostId: xml.hostId }),
    ...(ec === undefined ? {} : { ec }),
    ...(serverDate === undefined ? {} : { serverDate }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(details === undefined ? {} : { details }),
  };
}

/**
 * Parses a server time as OSS and S3 write them: ISO 8601 (`2024-11-12T08:32:38Z`, `…38.000Z`), compact
 * (`20241112T083238Z`) or an HTTP date (`Tue, 12 Nov 2024 08:32:38 GMT`). Undefined when it is none of these.
 */
export function parseServerTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const iso = compact === null ? text : `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z`;
  const looksIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(iso);
  const looksHttp = /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(iso);
  if (!looksIso && !looksHttp) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Reads a presigned URL as pasted by a person: which scheme signed it (OSS V4, OSS V1, S3 SigV4), the
 * credential, times and signed headers its parameters state, and the other parameters it signs. The raw
 * path and query are taken from the text as is (the URL parser would squash `/../` and re-encode), so
 * what is read is exactly what a server would see.
 *
 * Anything that is not such a URL is a typed `invalid-argument` whose message never quotes a value from
 * the URL (it may hold a signature or a token).
 */
import { DropsignError } from '../../shared/errors.js';
import type { QueryParam, SigningScheme } from '../../shared/signing.js';
import { parseCredentialScope } from '../local-bucket/auth/auth-params.js';
import { parseCompactDateTime } from '../local-bucket/auth/request-time.js';
import { OSS_V1_QUERY, OSS_V1_SUB_RESOURCES } from '../signing/oss-v1.js';
import { OSS_V4_ALGORITHM, OSS_V4_QUERY } from '../signing/oss-v4.js';
import { S3_V4_ALGORITHM, S3_V4_QUERY } from '../signing/s3-v4.js';
import { addressingOf, type Addressing } from './presigned-url-addressing.js';

/** What the URL says about itself. `signature` is for verification only and is never shown. */
export interface PresignedUrlParts {
  readonly scheme: SigningScheme;
  /** The URL as given, trimmed. */
  readonly url: string;
  /** The URL's host as a client sends it in `Host` (lower-case, default port dropped). */
  readonly host: string;
  /** The encoded path exactly as in the URL. */
  readonly rawPath: string;
  /** Every query parameter in order, names and values percent-decoded (`+` stays `+`). */
  readonly query: readonly QueryParam[];
  readonly addressing: Addressing;
  readonly accessKeyId: string;
  /** V4: the region of the credential scope. */
  readonly region?: string;
  /** V4: the signing time as in the URL (`20261121T080000Z`). */
  readonly dateTime?: string;
  readonly signedAtMs?: number;
  readonly expiresAtMs: number;
  /** S3: `X-Amz-SignedHeaders` (host included); OSS V4: `x-oss-additional-headers`; V1: none. */
  readonly headerNames: readonly string[];
  readonly hasSecurityToken: boolean;
  readonly signature: string;
}

const HINT = 'Paste the whole link as you handed it out: chat apps and mail sometimes cut long links or add characters.';

function refuse(message: string, hint: string = HINT): DropsignError {
  return new DropsignError('invalid-argument', message, hint, { field: 'url' });
}

/** Authentication parameters of each scheme (never listed among the "other" parameters). */
const AUTH_PARAMS: Readonly<Record<SigningScheme, ReadonlySet<string>>> = {
  'oss-v4': new Set(Object.values(OSS_V4_QUERY)),
  's3-v4': new Set(Object.values(S3_V4_QUERY)),
  'oss-v1': new Set(Object.values(OSS_V1_QUERY)),
};

/**
 * Parameters never echoed, whatever scheme they come with: anything named like a credential, also when
 * a damaged link misspells it (`X-Amz-ecurity-Token` still holds the token).
 */
const NEVER_SHOWN = /signature|security|token|secret|credential|password/i;

/**
 * A value that swallowed a signing parameter, whole or in part: a link whose `&` was lost
 * (`…&x=1security-token=T`), or whose parameter name was split by a stray `=` (`X-Amz-S=ecurity-Token=T`
 * makes the name `X-Amz-S` and the value `ecurity-Token=T`). Either way it may hold the token.
 */
const HOLDS_CREDENTIAL = /(?:signature|security|token|secret|credential|password)[^=&]*=/i;

const HIDDEN_VALUE = '(not shown: it holds a signing parameter; the link looks damaged)';

/**
 * What a query parameter's name looks like (`x-oss-process`, `response-content-disposition`, `versionId`,
 * `callback-var`...).
 */
const PARAMETER_NAME = /^[A-Za-z0-9._~-]{1,64}$/;

const HIDDEN_NAME = '(not shown: not a parameter of a link; the link looks damaged)';

/**
 * Whether a parameter can be shown by name: it looks like one, and it has a value or is a sub-resource
 * that takes none (`uploads`, `acl`...). Anything else is a piece of something else, such as the rest of
 * a security token cut in two by a stray `&` (`…Token&NeverShownEither`), and is not shown.
 */
function showableName(name: string, value: string | undefined): boolean {
  return PARAMETER_NAME.test(name) && (value !== undefined || OSS_V1_SUB_RESOURCES.has(name));
}

/**
 * What an AccessKey ID looks like: OSS (`LTAI...`), STS (`STS.NT...`) and AWS (`AKIA...`) ids are letters,
 * digits and dots; `_` and `-` are allowed for other S3-compatible stores. Why check: in a link damaged
 * so that the `&` before the next parameter is gone, the id runs on into that parameter (a security token,
 * say), and the inspector would show it.
 */
const ACCESS_KEY_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** `value` when it is shaped like an AccessKey ID; the typed refusal (never quoting it) otherwise. */
function accessKeyIdOf(value: string, parameter: string): string {
  if (!ACCESS_KEY_ID.test(value)) throw refuse(`The link\u2019s ${parameter} does not hold an AccessKey ID: the link looks damaged.`);
  return value;
}

function decode(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw refuse(`The link's ${what} is not valid percent-encoding.`);
  }
}

/** Splits a raw query into decoded parameters, in order. */
function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    params.push(eq < 0 ? { name: decode(part, 'query') } : { name: decode(part.slice(0, eq), 'query'), value: decode(part.slice(eq + 1), 'query') });
  }
  return params;
}

/** The one value of `name`; refuses a repeat (which of two signatures would count?). */
function single(query: readonly QueryParam[], name: string): string | undefined {
  const found = query.filter((param) => param.name === name);
  if (found.length > 1) throw refuse(`The link carries the parameter ${name} more than once.`);
  return found[0] === undefined ? undefined : (found[0].value ?? '');
}

function required(query: readonly QueryParam[], name: string): string {
  const value = single(query, name);
  if (value === undefined || value === '') throw refuse(`The link has no ${name} parameter, which a signed link carries.`);
  return value;
}

function schemeOf(query: readonly QueryParam[]): SigningScheme {
  const has = (name: string): boolean => query.some((param) => param.name === name);
  if (has(OSS_V4_QUERY.signatureVersion) || has(OSS_V4_QUERY.signature)) return 'oss-v4';
  if (has(S3_V4_QUERY.algorithm) || has(S3_V4_QUERY.signature)) return 's3-v4';
  if (has(OSS_V1_QUERY.accessKeyId) || has(OSS_V1_QUERY.signature)) return 'oss-v1';
  throw refuse(
    'The link carries no signature: it has none of the x-oss-signature, X-Amz-Signature or Signature parameters of a presigned OSS or S3 link.',
    'Paste the whole link as you handed it out: the signature is near its end, and chat apps sometimes cut long links.',
  );
}

/** Seconds of validity, 1..604800 as both V4 schemes require. */
function v4Expires(text: string, name: string): number {
  // Why 7 digits: 604800 has six; anything longer is out of range.
  const seconds = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  // Why 604,800: seven days, the longest validity OSS V4 and SigV4 allow.
  if (!(seconds >= 1 && seconds <= 604_800)) throw refuse(`The link's ${name} is not a validity of 1 to 604800 seconds.`);
  return seconds;
}

type SchemeFields = Pick<PresignedUrlParts, 'accessKeyId' | 'region' | 'dateTime' | 'signedAtMs' | 'expiresAtMs' | 'headerNames' | 'hasSecurityToken' | 'signature'>;

function v4Fields(query: readonly QueryParam[], oss: boolean): SchemeFields {
  const names = oss ? OSS_V4_QUERY : S3_V4_QUERY;
  const algorithmName = oss ? OSS_V4_QUERY.signatureVersion : S3_V4_QUERY.algorithm;
  const algorithm = oss ? OSS_V4_ALGORITHM : S3_V4_ALGORITHM;
  if (required(query, algorithmName) !== algorithm) throw refuse(`The link's ${algorithmName} is not ${algorithm}.`);
  const credential = required(query, names.credential);
  const scope = oss ? parseCredentialScope(credential, 'oss', 'aliyun_v4_request') : parseCredentialScope(credential, 's3', 'aws4_request');
  if (scope === undefined) throw refuse(`The link's ${names.credential} is not AccessKeyId/date/region/${oss ? 'oss/aliyun_v4_request' : 's3/aws4_request'}.`);
  const dateTime = required(query, names.date);
  const signedAtMs = parseCompactDateTime(dateTime);
  if (signedAtMs === undefined || !dateTime.startsWith(scope.date)) throw refuse(`The link's ${names.date} is not a signing time matching its credential.`);
  const expires = v4Expires(required(query, names.expires), names.expires);
  const headerList = oss ? (single(query, OSS_V4_QUERY.additionalHeaders) ?? '') : required(query, S3_V4_QUERY.signedHeaders);
  const headerNames = headerList === '' ? [] : headerList.split(';');
  if (headerNames.some((name) => !/^[a-z0-9-]{1,128}$/i.test(name))) throw refuse(`The link's list of signed headers is malformed.`);
  return {
    accessKeyId: accessKeyIdOf(scope.accessKeyId, names.credential),
    region: scope.region,
    dateTime,
    signedAtMs,
    expiresAtMs: signedAtMs + expires * 1000,
    headerNames: headerNames.map((name) => name.toLowerCase()),
    hasSecurityToken: single(query, names.securityToken) !== undefined,
    signature: required(query, names.signature),
  };
}

function v1Fields(query: readonly QueryParam[]): SchemeFields {
  const expires = required(query, OSS_V1_QUERY.expires);
  // Why 12 digits: Unix seconds until the year 33658; anything longer is not a time.
  if (!/^\d{1,12}$/.test(expires)) throw refuse('The link\u2019s Expires is not a Unix time in seconds.');
  return {
    accessKeyId: accessKeyIdOf(required(query, OSS_V1_QUERY.accessKeyId), OSS_V1_QUERY.accessKeyId),
    expiresAtMs: Number(expires) * 1000,
    headerNames: [],
    hasSecurityToken: single(query, OSS_V1_QUERY.securityToken) !== undefined,
    signature: required(query, OSS_V1_QUERY.signature),
  };
}

/** Reads `text` as a presigned URL. Throws `invalid-argument` with a hint for anything else. */
export function parsePresignedUrl(text: string): PresignedUrlParts {
  const url = text.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('This is not a link (URL).', 'Paste the whole link as you handed it out, starting with https:// or http://.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refuse(`Only http and https links can be inspected; this one is ${parsed.protocol.replace(/:$/, '')}:.`, 'Paste the whole link as you handed it out, starting with https:// or http://.');
  }
  if (parsed.hostname === '') throw refuse('The link has no host.');
  // The raw target: after `scheme://authority`, up to the fragment (never sent to a server).
  const afterAuthority = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const target = afterAuthority.split('#')[0] ?? '';
  const queryAt = target.indexOf('?');
  const rawPath = (queryAt < 0 ? target : target.slice(0, queryAt)) || '/';
  if (!rawPath.startsWith('/')) throw refuse('The link\u2019s path is malformed.');
  const query = parseQuery(queryAt < 0 ? '' : target.slice(queryAt + 1));
  const scheme = schemeOf(query);
  const fields = scheme === 'oss-v1' ? v1Fields(query) : v4Fields(query, scheme === 'oss-v4');
  return { scheme, url, host: parsed.host, rawPath, query, addressing: addressingOf(parsed.hostname, rawPath, decode), ...fields };
}

/**
 * The signed query parameters besides the authentication ones (`x-oss-process`, `versionId`,
 * `response-content-disposition`, `callback`...). V1 signs only its sub-resources and `x-oss-*`.
 */
export function otherSignedParameters(parts: PresignedUrlParts, isV1Signed: (name: string) => boolean): { name: string; value: string }[] {
  const auth = AUTH_PARAMS[parts.scheme];
  return parts.query
    .filter((param) => !auth.has(param.name) && !NEVER_SHOWN.test(param.name))
    .filter((param) => parts.scheme !== 'oss-v1' || isV1Signed(param.name))
    .map((param) =>
      showableName(param.name, param.value)
        ? { name: param.name, value: HOLDS_CREDENTIAL.test(param.value ?? '') ? HIDDEN_VALUE : (param.value ?? '') }
        : { name: HIDDEN_NAME, value: HIDDEN_VALUE },
    );
}

/**
 * ListObjects (v1) and ListObjectsV2: the listing logic, pure and independent of storage.
 *
 * Keys sort by their UTF-8 bytes (as OSS and S3 order them, which is not JavaScript's UTF-16 order).
 * With a delimiter, keys that share the text up to the first delimiter after the prefix roll up into one
 * common prefix, which counts once toward max-keys.
 */
import type { QueryParam } from '../../shared/signing.js';
import { ossError } from './oss-errors.js';
import { DEFAULT_MAX_KEYS, MAX_MAX_KEYS } from './oss-limits.js';

/** What listing needs to know about one object (never its bytes). */
export interface ListEntry {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: number;
  readonly type: 'Normal' | 'Multipart';
}

/** A listing request, after the v1/v2 parameters have been checked. */
export interface ListRequest {
  readonly version: 1 | 2;
  readonly prefix: string;
  readonly delimiter: string;
  /** Start strictly after this key or common prefix (v1 marker, v2 start-after or continuation token). */
  readonly after: string;
  readonly maxKeys: number;
  readonly encodeUrl: boolean;
  /** v1: the marker as sent. */
  readonly marker: string;
  /** v2: the start-after and continuation-token as sent. */
  readonly startAfter: string;
  readonly continuationToken?: string;
  /** v2: whether to include Owner. */
  readonly fetchOwner: boolean;
}

/** One page of a listing. */
export interface ListPage {
  readonly contents: readonly ListEntry[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix returned, when truncated: the next marker / continuation point. */
  readonly next?: string;
}

/** Reads the listing parameters from a bucket GET's query. Throws InvalidArgument on bad values. */
export function parseListRequest(query: readonly QueryParam[]): ListRequest {
  const get = queryReader(query);
  const listType = get('list-type');
  if (listType !== undefined && listType !== '2') {
    throw invalidArgument('list-type', listType, 'list-type must be 2 when present.');
  }
  const version = listType === '2' ? 2 : 1;
  const encodeUrl = wantsUrlEncoding(get);
  const maxKeysText = get('max-keys');
  let maxKeys = DEFAULT_MAX_KEYS;
  if (maxKeysText !== undefined) {
    if (!/^[0-9]{1,7}$/.test(maxKeysText) || Number(maxKeysText) > MAX_MAX_KEYS) {
      throw invalidArgument('max-keys', maxKeysText, `max-keys must be an integer between 0 and ${MAX_MAX_KEYS}.`);
    }
    maxKeys = Number(maxKeysText);
  }
  const marker = get('marker') ?? '';
  const startAfter = get('start-after') ?? '';
  const continuationToken = get('continuation-token');
  let after = version === 1 ? marker : startAfter;
  if (version === 2 && continuationToken !== undefined) after = decodeContinuationToken(continuationToken);
  return {
    version,
    prefix: get('prefix') ?? '',
    delimiter: get('delimiter') ?? '',
    after,
    maxKeys,
    encodeUrl,
    marker,
    startAfter,
    ...(continuationToken === undefined ? {} : { continuationToken }),
    fetchOwner: get('fetch-owner') === 'true',
  };
}

/** A lookup of one query parameter by name: its value ('' for a bare `?name`), undefined when absent. */
export function queryReader(query: readonly QueryParam[]): (name: string) => string | undefined {
  return (name) => {
    const found = query.find((q) => q.name === name);
    return found === undefined ? undefined : (found.value ?? '');
  };
}

/** Whether a listing asked for `encoding-type=url`; InvalidArgument for any other encoding. */
export function wantsUrlEncoding(get: (name: string) => string | undefined): boolean {
  const encodingType = get('encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') {
    throw invalidArgument('encoding-type', encodingType, 'Invalid Encoding Method specified in Request.');
  }
  return encodingType === 'url';
}

/** The opaque v2 continuation token for "start after `position`". */
export function encodeContinuationToken(position: string): string {
  return Buffer.from(position, 'utf8').toString('base64url');
}

/** Reverses `encodeContinuationToken`; throws InvalidArgument for a token it did not make. */
export function decodeContinuationToken(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) {
    throw invalidArgument('continuation-token', token, 'The continuation token provided is incorrect.');
  }
  const position = Buffer.from(token, 'base64url').toString('utf8');
  if (encodeContinuationToken(position) !== token) {
    throw invalidArgument('continuation-token', token, 'The continuation token provided is incorrect.');
  }
  return position;
}

/** Compares two keys by their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Computes one page of a listing over `entries` (in any order). */
export function listPage(entries: readonly ListEntry[], request: ListRequest): ListPage {
  const afterBytes = Buffer.from(request.after, 'utf8');
  const candidates = entries
    .filter((e) => e.key.startsWith(request.prefix))
    .map((e) => ({ entry: e, bytes: Buffer.from(e.key, 'utf8') }))
    .filter((c) => Buffer.compare(c.bytes, afterBytes) > 0)
    .sort((x, y) => Buffer.compare(x.bytes, y.bytes));

  const contents: ListEntry[] = [];
  const commonPrefixes: string[] = [];
  let count = 0;
  let next: string | undefined;
  let isTruncated = false;
  let lastPrefix: string | undefined;
  for (const { entry } of candidates) {
    const rolled = rollUp(entry.key, request.prefix, request.delimiter);
    if (rolled !== undefined && (rolled === lastPrefix || rolled === request.after)) continue;
    if (count >= request.maxKeys) {
      // Why max-keys 0 is never "truncated": a page that can hold nothing would send pagers round forever.
      isTruncated = request.maxKeys > 0;
      break;
    }
    if (rolled !== undefined) {
      commonPrefixes.push(rolled);
      lastPrefix = rolled;
      next = rolled;
    } else {
      contents.push(entry);
      next = entry.key;
    }
    count++;
  }
  return isTruncated && next !== undefined
    ? { contents, commonPrefixes, isTruncated, next }
    : { contents, commonPrefixes, isTruncated: false };
}

/** The common prefix `key` rolls up into, or undefined when it is listed on its own. */
export function rollUp(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

function invalidArgument(name: string, value: string, message: string): Error {
  return ossError('InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });
}

/**
 * Object attributes from request headers (Content-Type, user metadata, standard headers) and the response
 * headers that describe a stored object.
 */
import mime from 'mime';
import type { QueryParam } from '../../shared/signing.js';
import type { StoredObject } from './object-file.js';
import { ossError } from './oss-errors.js';

/** Which family of client sent a request: decides the user-metadata prefix used in answers. */
export type ClientDialect = 'oss' | 's3';

/** What a PUT or an InitiateMultipartUpload says about the object besides its bytes. */
export interface ObjectAttributes {
  readonly contentType: string;
  /** User metadata by lower-case name, without prefix. */
  readonly meta: Readonly<Record<string, string>>;
  /** Standard headers OSS stores with an object, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Standard headers OSS stores with an object and sends back on GET and HEAD. */
const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'] as const;

/** User-metadata header prefixes: OSS's, then S3's (so the AWS SDK's `Metadata` is kept too). */
const META_PREFIXES = ['x-oss-meta-', 'x-amz-meta-'] as const;

/** The attributes in `headers` (lower-case names). Content-Type defaults from the key's extension, as on OSS. */
export function attributesFromRequest(headers: Readonly<Record<string, string>>, key: string): ObjectAttributes {
  const meta: Record<string, string> = {};
  // S3 first, so OSS's prefix wins when a client sends both.
  for (const prefix of [...META_PREFIXES].reverse()) {
    for (const [name, value] of Object.entries(headers)) {
      if (name.startsWith(prefix) && name.length > prefix.length) meta[name.slice(prefix.length)] = value;
    }
  }
  const stored: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) stored[name] = value;
  }
  const sent = headers['content-type'];
  const contentType = sent !== undefined && sent !== '' ? sent : (mime.getType(key) ?? 'application/octet-stream');
  return { contentType, meta, headers: stored };
}

/** Guesses the dialect: S3 clients send `x-amz-*` headers or `X-Amz-*` query parameters. */
export function detectDialect(headers: Readonly<Record<string, string>>, query: readonly QueryParam[]): ClientDialect {
  if (Object.keys(headers).some((name) => name.startsWith('x-amz-'))) return 's3';
  if ((headers['authorization'] ?? '').startsWith('AWS4-')) return 's3';
  if (query.some((q) => q.name.toLowerCase().startsWith('x-amz-'))) return 's3';
  return 'oss';
}

/** The headers describing a stored object on GET and HEAD (not its length or range). */
export function objectResponseHeaders(object: StoredObject, dialect: ClientDialect): Record<string, string> {
  const out: Record<string, string> = {
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-oss-object-type': object.type,
    'x-oss-storage-class': 'Standard',
    'x-oss-hash-crc64ecma': object.crc64,
  };
  if (object.contentMd5 !== undefined) out['content-md5'] = object.contentMd5;
  for (const [name, value] of Object.entries(object.headers)) out[name] = value;
  const prefix = dialect === 's3' ? 'x-amz-meta-' : 'x-oss-meta-';
  for (const [name, value] of Object.entries(object.meta)) out[prefix + name] = value;
  return out;
}

/** `response-*` query parameters of a GET that override stored headers, as OSS allows for download links. */
const RESPONSE_OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/**
 * The header overrides a GET asks for with `response-*` parameters. Values go out as their UTF-8 bytes;
 * control characters (a header-injection attempt such as `%0D%0A`) are refused with InvalidArgument.
 */
export function responseOverrides(query: readonly QueryParam[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of query) {
    const header = RESPONSE_OVERRIDES[q.name];
    if (header === undefined || q.value === undefined) continue;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(q.value)) {
      throw ossError('InvalidArgument', `The value of ${q.name} contains control characters.`, {
        ArgumentName: q.name,
      });
    }
    out[header] = Buffer.from(q.value, 'utf8').toString('latin1');
  }
  return out;
}

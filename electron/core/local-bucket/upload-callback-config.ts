/**
 * The upload callback of a PutObject, as OSS reads it: the `callback` query parameter (or `x-oss-callback`
 * header) holds the base64 of a JSON object `{"callbackUrl","callbackBody","callbackBodyType"?,
 * "callbackHost"?}`. Checked before the upload is stored, as OSS does, and the body's system variables
 * filled in afterwards.
 *
 * For safety the local bucket only calls back loopback addresses (127.0.0.0/8, localhost, [::1]): a signed
 * upload must not make it send requests into the network. Others are refused with a clear error.
 */
import { isLoopbackHostname } from '../net/no-proxy.js';
import { ossError } from './oss-errors.js';

/** The two body encodings OSS sends. */
export type CallbackBodyType = 'application/x-www-form-urlencoded' | 'application/json';

/** A checked callback configuration. */
export interface UploadCallback {
  /** The callback URLs in order (OSS tries each until one succeeds), loopback only. */
  readonly urls: readonly URL[];
  readonly body: string;
  readonly bodyType: CallbackBodyType;
  /** The Host header to send; the URL's host when absent. */
  readonly host?: string;
}

/** What the callback body's system variables are filled with. */
export interface CallbackVariables {
  readonly bucket: string;
  readonly object: string;
  readonly size: number;
  /** Without the quotes of the ETag header. */
  readonly etag: string;
  readonly mimeType: string;
  readonly crc64: string;
  readonly contentMd5: string;
}

/** Why 5: OSS accepts at most five `;`-separated callback URLs. */
const MAX_CALLBACK_URLS = 5;

function invalidCallback(message: string): Error {
  return ossError('InvalidArgument', message, { ArgumentName: 'callback' });
}

function stringField(config: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = config[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value === '')) throw invalidCallback(`The callback's ${name} must be a non-empty string.`);
  return value;
}

/** One callback URL: OSS accepts a bare `host:port/path`, which means http. */
function callbackUrl(text: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidCallback('The callbackUrl is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidCallback('The callbackUrl must be an http or https URL.');
  if (!isLoopbackHostname(url.hostname)) {
    throw invalidCallback(
      `The local bucket calls back only loopback addresses (127.0.0.1, localhost, [::1]), not ${url.hostname}: a signed upload must not make it send requests into the network.`,
    );
  }
  return url;
}

/** Decodes and checks the callback parameter (base64 JSON). Throws InvalidArgument, as OSS does, for a bad one. */
export function parseUploadCallback(encoded: string): UploadCallback {
  let config: unknown;
  try {
    // Buffer's base64 decoder skips characters outside the alphabet, so check the shape first.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new Error('not base64');
    config = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    throw invalidCallback('The callback parameter must be the base64 of a JSON object.');
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw invalidCallback('The callback parameter must be the base64 of a JSON object.');
  const fields = config as Record<string, unknown>;
  const urlText = stringField(fields, 'callbackUrl', true) ?? '';
  const body = stringField(fields, 'callbackBody', true) ?? '';
  const bodyType = stringField(fields, 'callbackBodyType', false) ?? 'application/x-www-form-urlencoded';
  if (bodyType !== 'application/x-www-form-urlencoded' && bodyType !== 'application/json') {
    throw invalidCallback('The callbackBodyType must be application/x-www-form-urlencoded or application/json.');
  }
  const host = stringField(fields, 'callbackHost', false);
  const parts = urlText.split(';').filter((part) => part.trim() !== '');
  if (parts.length === 0 || parts.length > MAX_CALLBACK_URLS) throw invalidCallback(`The callbackUrl must hold 1 to ${MAX_CALLBACK_URLS} URLs separated by ";".`);
  return { urls: parts.map((part) => callbackUrl(part.trim())), body, bodyType, ...(host === undefined || host === '' ? {} : { host }) };
}

/**
 * The body with `${bucket}`, `${object}`, `${size}`, `${etag}`, `${mimeType}`, `${crc64}` and
 * `${contentMd5}` filled in: URL-encoded for the form type; for JSON, strings as JSON strings and the size
 * as a number (so `{"size":${size},"object":${object}}` is valid JSON). Other `${...}` stay as they are.
 */
export function callbackBody(callback: Pick<UploadCallback, 'body' | 'bodyType'>, variables: CallbackVariables): string {
  const json = callback.bodyType === 'application/json';
  return callback.body.replace(/\$\{(bucket|object|size|etag|mimeType|crc64|contentMd5)\}/g, (_all, name: keyof CallbackVariables) => {
    const value = variables[name];
    if (typeof value === 'number') return String(value);
    return json ? JSON.stringify(value) : encodeURIComponent(value);
  });
}

/**
 * The OSS upload callback of a handed-out PUT link, encoded as OSS reads it from a presigned URL: the
 * `callback` query parameter holds the base64 of a JSON object
 * `{"callbackUrl":…,"callbackBody":…,"callbackBodyType":…,"callbackHost"?:…}`. Being a query parameter, it
 * is signed into the URL (V4 signs every parameter; V1 lists `callback` among its sub-resources), so the
 * uploader can neither change nor drop it.
 *
 * After the upload, OSS POSTs the body (its `${bucket}`, `${object}`, `${size}`, `${etag}`, `${mimeType}`
 * variables filled in) to the URL and relays that server's answer to the uploader.
 */
import { DropsignError } from '../../shared/errors.js';
import { CALLBACK_BODY_TYPES, type LinkCallback } from '../../shared/ipc/link-types.js';
import type { QueryParam } from '../../shared/signing.js';

/** The query parameter OSS reads the callback from. */
export const CALLBACK_QUERY_PARAM = 'callback';

/** The JSON inside the parameter, in the field order OSS documents. */
export interface CallbackConfig {
  readonly callbackUrl: string;
  readonly callbackBody: string;
  readonly callbackBodyType: (typeof CALLBACK_BODY_TYPES)[number];
  readonly callbackHost?: string;
}

function invalid(message: string, hint: string): DropsignError {
  return new DropsignError('invalid-argument', message, hint, { field: 'callback' });
}

/**
 * The callback URL as OSS wants it: an absolute http(s) URL, percent-encoded (the URL parser encodes
 * spaces and non-ASCII characters and keeps existing escapes). Refuses credentials in it: the parameter is
 * only base64, which anyone holding the link can read.
 */
function callbackUrlOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('The callback URL is not a URL.', 'Give the full address of your server, for example https://app.example.com/oss-callback.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(`The callback URL must use http or https, not ${parsed.protocol.replace(/:$/, '')}.`, 'Give an http:// or https:// address.');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('The callback URL must not carry a user name or password: anyone holding the link can read it.', 'Authenticate the callback another way (OSS signs its callback requests).');
  }
  return parsed.href;
}

/** The callback's JSON config, checked. Throws `invalid-argument` naming the `callback` field. */
export function callbackConfig(callback: LinkCallback): CallbackConfig {
  if (callback.body === '') throw invalid('The callback body is empty.', 'Give a body such as bucket=${bucket}&object=${object}&size=${size}.');
  const bodyType = callback.bodyType ?? CALLBACK_BODY_TYPES[0];
  if (!CALLBACK_BODY_TYPES.includes(bodyType)) {
    throw invalid(`The callback body type ${JSON.stringify(bodyType)} is not one OSS sends.`, `Use one of: ${CALLBACK_BODY_TYPES.join(', ')}.`);
  }
  return {
    callbackUrl: callbackUrlOf(callback.url),
    callbackBody: callback.body,
    callbackBodyType: bodyType,
    ...(callback.host === undefined || callback.host === '' ? {} : { callbackHost: callback.host }),
  };
}

/** The signed query parameter carrying `callback`. */
export function callbackQueryParam(callback: LinkCallback): QueryParam {
  return { name: CALLBACK_QUERY_PARAM, value: Buffer.from(JSON.stringify(callbackConfig(callback)), 'utf8').toString('base64') };
}

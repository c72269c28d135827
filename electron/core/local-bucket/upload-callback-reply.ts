/**
 * The answer to a PutObject with an upload callback, once the object is stored: the callback server's
 * answer relayed (200 with its JSON body), or OSS's `CallbackFailed` (203) with the reason. Either way
 * the object's ETag and CRC-64 headers go with it, as on OSS.
 */
import type { StoredObject } from './object-file.js';
import { errorXml } from './oss-xml.js';
import { OSS_ERROR_STATUS } from './oss-errors.js';
import type { RequestContext } from './request-context.js';
import { callUploadCallback } from './upload-callback-call.js';
import { callbackBody, type UploadCallback } from './upload-callback-config.js';

/** Calls `callback` for `stored` and answers the uploader. */
export async function replyWithCallback(
  ctx: RequestContext,
  callback: UploadCallback,
  stored: Pick<StoredObject, 'size' | 'etag' | 'crc64' | 'contentType' | 'contentMd5'>,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const body = callbackBody(callback, {
    bucket: ctx.bucket,
    object: ctx.key,
    size: stored.size,
    etag: stored.etag.replace(/^"|"$/g, ''),
    mimeType: stored.contentType,
    crc64: stored.crc64,
    contentMd5: stored.contentMd5 ?? '',
  });
  const outcome = await callUploadCallback(callback, body);
  if (ctx.res.destroyed) return;
  if (outcome.kind === 'answered') {
    for (const [name, value] of Object.entries(headers)) ctx.res.setHeader(name, value);
    ctx.res.setHeader('content-type', outcome.contentType);
    ctx.res.setHeader('content-length', String(outcome.body.length));
    ctx.res.writeHead(200);
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : outcome.body);
    return;
  }
  const status = OSS_ERROR_STATUS.CallbackFailed;
  ctx.sendXml(status, errorXml({ status, code: 'CallbackFailed', message: outcome.reason }, ctx.requestId, ctx.headers['host'] ?? ''), headers);
}

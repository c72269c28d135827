/**
 * PutObject, GetObject (with Range and conditional headers), HeadObject and DeleteObject.
 */
import { pipeline } from 'node:stream/promises';
import type { PublishMode } from './atomic-file.js';
import { decodeContentMd5 } from './body-sink.js';
import { evaluateConditions } from './conditional.js';
import { attributesFromRequest, objectResponseHeaders, responseOverrides } from './object-headers.js';
import { ossError } from './oss-errors.js';
import { MAX_PUT_BYTES } from './oss-limits.js';
import { rangeBehaviorFor, resolveRange } from './range.js';
import type { RequestContext } from './request-context.js';
import { parseUploadCallback } from './upload-callback-config.js';
import { replyWithCallback } from './upload-callback-reply.js';

/**
 * PutObject: streams the body to disk and publishes it atomically. With an upload callback (the
 * `callback` parameter or `x-oss-callback` header), checked before anything is stored, the answer is the
 * callback server's (upload-callback-reply.ts).
 */
export async function putObject(ctx: RequestContext): Promise<void> {
  if (ctx.headers['x-oss-copy-source'] !== undefined || ctx.headers['x-amz-copy-source'] !== undefined) {
    throw ossError('NotImplemented', 'CopyObject is not supported by the local bucket.');
  }
  const callbackParam = ctx.query('callback') ?? ctx.headers['x-oss-callback'];
  const callback = callbackParam === undefined ? undefined : parseUploadCallback(callbackParam);
  const { objects } = ctx.services;
  await objects.requireBucket(ctx.bucket);
  const contentMd5 = checkedContentMd5(ctx);
  const mode = publishMode(ctx);
  if (mode === 'create-only' && (await objects.hasObject(ctx.bucket, ctx.key))) throw alreadyExists();
  const stored = await objects.put(ctx.bucket, ctx.key, ctx.bodySource(MAX_PUT_BYTES), {
    attributes: attributesFromRequest(ctx.headers, ctx.key),
    ...(contentMd5 === undefined ? {} : { contentMd5 }),
    publishMode: mode,
    now: ctx.now,
  });
  const headers = {
    etag: stored.etag,
    'x-oss-hash-crc64ecma': stored.crc64,
    ...(stored.contentMd5 === undefined ? {} : { 'content-md5': stored.contentMd5 }),
  };
  if (callback === undefined) ctx.sendEmpty(200, headers);
  else await replyWithCallback(ctx, callback, stored, headers);
}

/** GetObject (`head` false) and HeadObject (`head` true). */
export async function getObject(ctx: RequestContext, head: boolean): Promise<void> {
  const { objects } = ctx.services;
  await objects.requireBucket(ctx.bucket);
  const overrides = head ? {} : responseOverrides(ctx.target.query);
  const object = await objects.open(ctx.bucket, ctx.key);
  const { metadata } = object;
  let handedOver = false;
  try {
    const headers = { ...objectResponseHeaders(metadata, ctx.dialect), ...overrides };
    const condition = evaluateConditions(ctx.headers, { etag: metadata.etag, lastModifiedMs: metadata.lastModified });
    if (condition.kind === 'precondition-failed') {
      throw ossError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.', { Condition: condition.condition });
    }
    if (condition.kind === 'not-modified') {
      // What a cache needs to keep using its copy; no body, no length.
      for (const name of NOT_MODIFIED_HEADERS) if (headers[name] !== undefined) ctx.res.setHeader(name, headers[name]);
      ctx.res.writeHead(304);
      ctx.res.end();
      return;
    }
    const size = metadata.size;
    const behavior = rangeBehaviorFor(ctx.headers['x-oss-range-behavior'], ctx.services.rangeBehavior);
    const range = head ? { kind: 'full' as const } : resolveRange(ctx.headers['range'], size, behavior);
    if (range.kind === 'unsatisfiable') {
      throw ossError('InvalidRange', 'The requested range cannot be satisfied.', {
        RangeRequested: ctx.headers['range'] ?? '',
        ActualObjectSize: String(size),
      }, { 'content-range': `bytes */${size}` });
    }
    const [start, end, status] = range.kind === 'partial' ? [range.start, range.end, 206] : [0, size - 1, 200];
    for (const [name, value] of Object.entries(headers)) ctx.res.setHeader(name, value);
    ctx.res.setHeader('content-length', String(end - start + 1));
    if (range.kind === 'partial') ctx.res.setHeader('content-range', `bytes ${start}-${end}/${size}`);
    ctx.res.writeHead(status);
    if (head || end < start) {
      ctx.res.end();
      return;
    }
    handedOver = true;
    // The object was opened before the headers were written, so a concurrent overwrite cannot mix bodies.
    await pipeline(object.body(start, end), ctx.res);
  } finally {
    if (!handedOver) await object.close().catch(() => undefined);
  }
}

/** The headers a 304 Not Modified repeats from the 200 it stands for (RFC 9110, section 15.4.5). */
const NOT_MODIFIED_HEADERS = ['etag', 'last-modified', 'cache-control', 'expires', 'content-location', 'vary'] as const;

/** DeleteObject: 204 whether or not the object existed, as on OSS. */
export async function deleteObject(ctx: RequestContext): Promise<void> {
  await ctx.services.objects.requireBucket(ctx.bucket);
  await ctx.services.objects.delete(ctx.bucket, ctx.key);
  ctx.sendEmpty(204);
}

/** `x-oss-forbid-overwrite: true` → the upload must not replace an existing object. */
export function publishMode(ctx: RequestContext): PublishMode {
  return (ctx.headers['x-oss-forbid-overwrite'] ?? '').trim().toLowerCase() === 'true' ? 'create-only' : 'replace';
}

/** The Content-MD5 header after checking its shape (InvalidDigest before any byte is read). */
export function checkedContentMd5(ctx: RequestContext): string | undefined {
  const header = ctx.headers['content-md5'];
  if (header === undefined) return undefined;
  decodeContentMd5(header);
  return header;
}

/** The FileAlreadyExists error of `x-oss-forbid-overwrite`. */
export function alreadyExists(): Error {
  return ossError('FileAlreadyExists', 'The object you specified already exists and can not be overwritten.');
}

/**
 * InitiateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload and ListParts.
 */
import { parseCompleteRequest } from './complete-request.js';
import { listUploadsPage, parseListUploadsRequest } from './list-uploads.js';
import { listUploadsResultXml } from './list-xml.js';
import type { PartSelection } from './multipart-store.js';
import { alreadyExists, checkedContentMd5, publishMode } from './object-handlers.js';
import { attributesFromRequest } from './object-headers.js';
import { ossError } from './oss-errors.js';
import { MAX_PART_NUMBER, MAX_PARTS_PER_LIST, MAX_PUT_BYTES } from './oss-limits.js';
import { completeMultipartXml, encodeXmlKey, initiateMultipartXml, listPartsXml } from './oss-xml.js';
import type { RequestContext } from './request-context.js';

/**
 * Largest CompleteMultipartUpload body: 10,000 `<Part>` entries of about 100 bytes each is 1 MB; 2 MiB
 * leaves room for whitespace and still bounds memory.
 */
const MAX_COMPLETE_BODY_BYTES = 2 * 1024 * 1024;

/** InitiateMultipartUpload (`POST /key?uploads`). */
export async function initiateMultipartUpload(ctx: RequestContext): Promise<void> {
  const { objects, multipart } = ctx.services;
  await objects.requireBucket(ctx.bucket);
  if (publishMode(ctx) === 'create-only' && (await objects.hasObject(ctx.bucket, ctx.key))) throw alreadyExists();
  const attributes = attributesFromRequest(ctx.headers, ctx.key);
  const uploadId = await multipart.initiate(ctx.bucket, ctx.key, attributes, ctx.now);
  ctx.sendXml(200, initiateMultipartXml(ctx.bucket, ctx.key, uploadId, encodeUrl(ctx)));
}

/** UploadPart (`PUT /key?partNumber=N&uploadId=ID`). */
export async function uploadPart(ctx: RequestContext): Promise<void> {
  const partNumber = parsePartNumber(ctx.query('partNumber') ?? '');
  const uploadId = ctx.query('uploadId') ?? '';
  await ctx.services.objects.requireBucket(ctx.bucket);
  const contentMd5 = checkedContentMd5(ctx);
  const part = await ctx.services.multipart.uploadPart(
    ctx.bucket,
    ctx.key,
    uploadId,
    partNumber,
    ctx.bodySource(MAX_PUT_BYTES),
    contentMd5,
    ctx.now,
  );
  ctx.sendEmpty(200, { etag: part.etag, 'x-oss-hash-crc64ecma': part.crc64 });
}

/** CompleteMultipartUpload (`POST /key?uploadId=ID`). */
export async function completeMultipartUpload(ctx: RequestContext): Promise<void> {
  const uploadId = ctx.query('uploadId') ?? '';
  await ctx.services.objects.requireBucket(ctx.bucket);
  const completeAll = (ctx.headers['x-oss-complete-all'] ?? '').trim().toLowerCase() === 'yes';
  const body = await ctx.readSmallBody(MAX_COMPLETE_BODY_BYTES);
  let selection: PartSelection;
  if (completeAll) {
    if (body.trim() !== '') {
      throw ossError('InvalidArgument', 'With x-oss-complete-all: yes the request must have no body.');
    }
    selection = { kind: 'all' };
  } else {
    selection = { kind: 'listed', parts: parseCompleteRequest(body) };
  }
  const stored = await ctx.services.multipart.complete(ctx.bucket, ctx.key, uploadId, selection, publishMode(ctx), ctx.now);
  const location = objectLocation(ctx);
  ctx.sendXml(200, completeMultipartXml(location, ctx.bucket, ctx.key, stored.etag, encodeUrl(ctx)), {
    etag: stored.etag,
    'x-oss-hash-crc64ecma': stored.crc64,
  });
}

/** AbortMultipartUpload (`DELETE /key?uploadId=ID`). */
export async function abortMultipartUpload(ctx: RequestContext): Promise<void> {
  await ctx.services.objects.requireBucket(ctx.bucket);
  await ctx.services.multipart.abort(ctx.bucket, ctx.key, ctx.query('uploadId') ?? '');
  ctx.sendEmpty(204);
}

/** ListParts (`GET /key?uploadId=ID[&max-parts=N][&part-number-marker=M]`). */
export async function listParts(ctx: RequestContext): Promise<void> {
  const uploadId = ctx.query('uploadId') ?? '';
  const maxParts = parseBoundedInt(ctx.query('max-parts'), 'max-parts', MAX_PARTS_PER_LIST, 0, MAX_PARTS_PER_LIST);
  const marker = parseBoundedInt(ctx.query('part-number-marker'), 'part-number-marker', 0, 0, MAX_PART_NUMBER);
  await ctx.services.objects.requireBucket(ctx.bucket);
  const all = (await ctx.services.multipart.listParts(ctx.bucket, ctx.key, uploadId)).filter((p) => p.partNumber > marker);
  const page = all.slice(0, maxParts);
  const isTruncated = all.length > page.length;
  ctx.sendXml(
    200,
    listPartsXml({
      bucket: ctx.bucket,
      key: ctx.key,
      uploadId,
      partNumberMarker: marker,
      nextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
      maxParts,
      isTruncated,
      parts: page,
      encodeUrl: encodeUrl(ctx),
    }),
  );
}

/** ListMultipartUploads (`GET /?uploads`): the bucket's uploads in progress, a page at a time. */
export async function listMultipartUploads(ctx: RequestContext): Promise<void> {
  const request = parseListUploadsRequest(ctx.target.query);
  await ctx.services.objects.requireBucket(ctx.bucket);
  const uploads = await ctx.services.multipart.listUploads(ctx.bucket);
  ctx.sendXml(200, listUploadsResultXml(ctx.bucket, request, listUploadsPage(uploads, request)));
}

function parsePartNumber(text: string): number {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > MAX_PART_NUMBER) {
    throw ossError('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive.`, {
      ArgumentName: 'partNumber',
      ArgumentValue: text,
    });
  }
  return Number(text);
}

function parseBoundedInt(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw ossError('InvalidArgument', `${name} must be an integer from ${min} to ${max}.`, {
      ArgumentName: name,
      ArgumentValue: text,
    });
  }
  return Number(text);
}

function encodeUrl(ctx: RequestContext): boolean {
  return ctx.query('encoding-type') === 'url';
}

/** The object's URL as the client addressed it, for `<Location>`. */
function objectLocation(ctx: RequestContext): string {
  const keyPath = encodeXmlKey(ctx.key).replace(/%2F/g, '/');
  const base = `http://${ctx.target.host}`;
  return ctx.target.style === 'path' ? `${base}/${ctx.bucket}/${keyPath}` : `${base}/${keyPath}`;
}

/**
 * Bucket- and service-level operations: ListObjects (v1, v2), HeadBucket and ListBuckets.
 */
import { listPage, parseListRequest } from './list-objects.js';
import { listBucketResultXml } from './list-xml.js';
import { listBucketsXml } from './oss-xml.js';
import type { RequestContext } from './request-context.js';

/** ListObjects (`GET /bucket`) and ListObjectsV2 (`GET /bucket?list-type=2`). */
export async function listObjects(ctx: RequestContext): Promise<void> {
  const request = parseListRequest(ctx.target.query);
  const { objects } = ctx.services;
  await objects.requireBucket(ctx.bucket);
  const entries = await objects.listEntries(ctx.bucket, request.prefix);
  ctx.sendXml(200, listBucketResultXml(ctx.bucket, request, listPage(entries, request)));
}

/** HeadBucket: 200 when the bucket exists. */
export async function headBucket(ctx: RequestContext): Promise<void> {
  await ctx.services.objects.requireBucket(ctx.bucket);
  ctx.sendEmpty(200, { 'x-oss-bucket-region': ctx.services.region });
}

/** ListBuckets (`GET /`). */
export async function listBuckets(ctx: RequestContext): Promise<void> {
  ctx.sendXml(200, listBucketsXml(await ctx.services.objects.listBuckets(), ctx.services.region));
}

/**
 * A bucket's `bucket.json`: when it was created, and which object layout its files are in. Its presence
 * is what makes a directory under `buckets/` a bucket, so it is written last when a bucket is created.
 *
 * ```json
 * {"createdAt":1767225600000,"objectLayout":2}
 * ```
 * A file without `objectLayout` was written before layouts were numbered: layout 1, objects two directory
 * levels down (storage-layout.ts), which the server moves to the current layout when it starts.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file.js';
import type { StorageLayout } from './storage-layout.js';

/** The object layout this server writes: one level of 256 shard directories (storage-layout.ts). */
export const CURRENT_OBJECT_LAYOUT = 2;

/** What `bucket.json` records. */
export interface BucketInfo {
  readonly name: string;
  /** Creation time, ms since the epoch (0 when the file did not say). */
  readonly createdAt: number;
  /** 1: `objects/<h0h1>/<h2h3>/<sha256>`; 2: `objects/<h0h1>/<sha256>`. */
  readonly objectLayout: number;
}

/** Reads a bucket's `bucket.json`; undefined when there is none (or it is not JSON): not a bucket. */
export async function readBucketInfo(layout: StorageLayout, bucket: string): Promise<BucketInfo | undefined> {
  let parsed: { createdAt?: unknown; objectLayout?: unknown };
  try {
    parsed = JSON.parse(await readFile(layout.bucketInfoPath(bucket), 'utf8')) as typeof parsed;
  } catch {
    return undefined;
  }
  const createdAt = typeof parsed.createdAt === 'number' ? parsed.createdAt : 0;
  const objectLayout = typeof parsed.objectLayout === 'number' && Number.isInteger(parsed.objectLayout) ? parsed.objectLayout : 1;
  return { name: bucket, createdAt, objectLayout };
}

/** Writes a bucket's `bucket.json` atomically (temp file, fsync, rename, fsync of the bucket directory). */
export async function writeBucketInfo(layout: StorageLayout, info: BucketInfo): Promise<void> {
  const data = JSON.stringify({ createdAt: info.createdAt, objectLayout: info.objectLayout });
  await writeFileAtomic(layout.tempPath('bucket'), layout.bucketInfoPath(info.name), data, 0o644);
}

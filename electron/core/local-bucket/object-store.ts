/**
 * Buckets and objects on disk: create buckets, store an upload atomically, open an object for reading,
 * delete, and enumerate a bucket for listing (reading trailers only, never object bytes).
 */
import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { formatCrc64 } from '../integrity/crc64.js';
import { DirectorySyncer } from '../storage/directory-sync.js';
import { isErrno, publish, removeQuietly, removeTreeQuietly, writeAll, type PublishMode } from './atomic-file.js';
import { checkContentMd5, sinkBody, type BodySource } from './body-sink.js';
import { CURRENT_OBJECT_LAYOUT, readBucketInfo, writeBucketInfo, type BucketInfo } from './bucket-info.js';
import type { ListEntry } from './list-objects.js';
import { manifestStream } from './manifest-stream.js';
import { MultipartData } from './multipart-data.js';
import { encodeTrailer, readTrailer, storedObjectSchema, type StoredObject } from './object-file.js';
import type { ObjectAttributes } from './object-headers.js';
import { createObjectShards, migrateObjectLayout } from './object-layout-migration.js';
import { ossError } from './oss-errors.js';
import { isKeyHash, isValidBucketName, keyHash, OBJECT_SHARDS, type StorageLayout } from './storage-layout.js';

export type { BucketInfo } from './bucket-info.js';

/**
 * An object opened for reading: its metadata, and the exact bytes it describes (a later overwrite or
 * delete does not change what this object reads).
 */
export interface OpenObject {
  readonly metadata: StoredObject;
  /** Streams bytes `[start, end]` (inclusive). Call once, or `close`; the stream releases the object when it ends. */
  body(start: number, end: number): Readable;
  /** Releases the object without reading it. */
  close(): Promise<void>;
}

/** What PutObject needs besides the body. */
export interface PutOptions {
  readonly attributes: ObjectAttributes;
  /** The Content-MD5 header, already checked for shape. */
  readonly contentMd5?: string;
  readonly publishMode: PublishMode;
  readonly now: number;
}

/** Buckets and objects under one data directory. */
export class ObjectStore {
  readonly layout: StorageLayout;
  /** The part data of completed multipart objects. */
  readonly multipartData: MultipartData;
  private readonly log: (line: string) => void;
  /**
   * Buckets seen to exist. Buckets are only ever created (at start), never deleted, and the data directory
   * is this server's alone (data-dir-lock.ts), so once seen a bucket stays: every request after the first
   * skips a stat of bucket.json.
   */
  private readonly knownBuckets = new Set<string>();
  /** Makes object publications durable: one cached handle per directory, group-committed fsyncs. */
  private readonly directories = new DirectorySyncer();
  private readonly syncDir = (dir: string): Promise<void> => this.directories.sync(dir);

  constructor(layout: StorageLayout, log: (line: string) => void) {
    this.layout = layout;
    this.log = log;
    this.multipartData = new MultipartData(layout, log);
  }

  /**
   * Prepares the data directory: empties the temporary directory, creates the requested buckets, moves
   * buckets written in an older object layout to the current one (object-layout-migration.ts), and
   * settles the multipart data a crash may have left half-completed (multipart-data.ts).
   */
  async init(buckets: readonly string[], now: number): Promise<void> {
    await mkdir(this.layout.bucketsDir, { recursive: true });
    // Leftovers from a crash or a kill: never published, so never visible; safe to drop.
    await removeTreeQuietly(this.layout.tmpDir);
    for (const dir of this.layout.tempDirs) await mkdir(dir, { recursive: true });
    for (const bucket of buckets) await this.createBucket(bucket, now);
    for (const info of await this.listBuckets()) {
      if (info.objectLayout < CURRENT_OBJECT_LAYOUT) await this.migrate(info);
      await this.multipartData.recover(info.name);
    }
  }

  /**
   * Creates `bucket` if it does not exist: its directories (all 256 object shards included), then
   * `bucket.json`, which makes it a bucket. Throws InvalidBucketName for a name OSS would refuse.
   */
  async createBucket(bucket: string, now: number): Promise<void> {
    await mkdir(this.layout.objectsDir(bucket), { recursive: true });
    await mkdir(this.layout.uploadsDir(bucket), { recursive: true });
    if (!(await exists(this.layout.bucketInfoPath(bucket)))) {
      await createObjectShards(this.layout, bucket);
      await writeBucketInfo(this.layout, { name: bucket, createdAt: now, objectLayout: CURRENT_OBJECT_LAYOUT });
    }
    this.knownBuckets.add(bucket);
  }

  /** Every bucket in the data directory, sorted by name. */
  async listBuckets(): Promise<BucketInfo[]> {
    const names = (await readdir(this.layout.bucketsDir).catch(() => [] as string[])).filter(isValidBucketName).sort();
    const out: BucketInfo[] = [];
    for (const name of names) {
      // A directory without bucket.json is not a bucket.
      const info = await readBucketInfo(this.layout, name);
      if (info !== undefined) out.push(info);
    }
    return out;
  }

  /** Closes the directory handles kept for fsyncs. The store still works afterwards, more slowly. */
  close(): Promise<void> {
    return this.directories.close();
  }

  private async migrate(info: BucketInfo): Promise<void> {
    const moved = await migrateObjectLayout(this.layout, info.name, this.log);
    await writeBucketInfo(this.layout, { ...info, objectLayout: CURRENT_OBJECT_LAYOUT });
    if (moved > 0) this.log(`local bucket: moved ${moved} object(s) of bucket ${info.name} to object layout ${CURRENT_OBJECT_LAYOUT}`);
  }

  /** Throws NoSuchBucket unless `bucket` exists (InvalidBucketName when the name is not valid). */
  async requireBucket(bucket: string): Promise<void> {
    if (this.knownBuckets.has(bucket)) return;
    if (!(await exists(this.layout.bucketInfoPath(bucket)))) {
      throw ossError('NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucket });
    }
    this.knownBuckets.add(bucket);
  }

  /** True when an object is stored under `key`. */
  async hasObject(bucket: string, key: string): Promise<boolean> {
    return exists(this.layout.objectPath(bucket, key));
  }

  /** Stores the body under `key`: streamed to a temp file, checked, fsynced, then renamed into place. */
  async put(bucket: string, key: string, body: BodySource, options: PutOptions): Promise<StoredObject> {
    const hash = keyHash(key);
    const finalPath = this.layout.objectPathForHash(bucket, hash);
    const tempPath = this.layout.tempPath('object');
    let stored: StoredObject | undefined;
    await sinkBody(body, tempPath, (digest) => {
      checkContentMd5(options.contentMd5, digest.md5);
      stored = {
        format: 1,
        key,
        size: digest.size,
        etag: `"${digest.md5.toString('hex').toUpperCase()}"`,
        crc64: formatCrc64(digest.crc64),
        contentMd5: digest.md5.toString('base64'),
        type: 'Normal',
        lastModified: options.now,
        contentType: options.attributes.contentType,
        meta: { ...options.attributes.meta },
        headers: { ...options.attributes.headers },
      };
      return encodeTrailer(stored);
    });
    await this.commit(tempPath, finalPath, options.publishMode);
    await this.multipartData.sweep(bucket, hash);
    if (stored === undefined) throw new Error('Upload finished without metadata.');
    return stored;
  }

  /**
   * Publishes `content` (an object file: bytes and trailer) as the object whose key has hash `hash`:
   * temp file, fsync, rename. The caller sweeps the key's multipart data afterwards.
   */
  async publishObjectFile(bucket: string, hash: string, content: Uint8Array, mode: PublishMode): Promise<void> {
    const tempPath = this.layout.tempPath('complete');
    const file = await open(tempPath, 'wx', 0o600);
    try {
      await writeAll(file, content);
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await removeQuietly(tempPath);
      throw error;
    }
    await file.close();
    await this.commit(tempPath, this.layout.objectPathForHash(bucket, hash), mode);
  }

  private async commit(tempPath: string, finalPath: string, mode: PublishMode): Promise<void> {
    try {
      await publish(tempPath, finalPath, mode, this.syncDir);
    } catch (error) {
      await removeQuietly(tempPath);
      throw error;
    }
  }

  /** Opens the object `key`; the caller reads or closes it. Throws NoSuchKey when there is none. */
  async open(bucket: string, key: string): Promise<OpenObject> {
    const hash = keyHash(key);
    // Registered before the object file is opened, so no part data it lists can go while it is read.
    const release = this.multipartData.reading(bucket, hash);
    let file: FileHandle;
    try {
      file = await open(this.layout.objectPathForHash(bucket, hash), 'r');
    } catch (error) {
      release();
      if (isErrno(error, 'ENOENT')) throw ossError('NoSuchKey', 'The specified key does not exist.', { Key: key });
      throw error;
    }
    let metadata: StoredObject;
    try {
      metadata = (await readTrailer(file, storedObjectSchema)).metadata;
    } catch (error) {
      release();
      await file.close().catch(() => undefined);
      throw error;
    }
    const { manifest } = metadata;
    if (manifest === undefined) {
      release();
      const plain = file;
      return { metadata, body: (start, end) => plain.createReadStream({ start, end, autoClose: true }), close: () => plain.close() };
    }
    await file.close().catch(() => undefined);
    const partPath = (partNumber: number): string => this.multipartData.partPath(bucket, hash, manifest.uploadId, partNumber);
    return {
      metadata,
      body: (start, end) => manifestStream(manifest.parts, partPath, start, end, release),
      close: () => Promise.resolve(release()),
    };
  }

  /** Deletes the object `key` (and the part data of a multipart object); deleting a missing object succeeds, as on OSS. */
  async delete(bucket: string, key: string): Promise<void> {
    const hash = keyHash(key);
    await unlink(this.layout.objectPathForHash(bucket, hash)).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
    await this.multipartData.sweep(bucket, hash);
  }

  /** Every object in `bucket` whose key starts with `prefix`, unordered, from the trailers alone. */
  async listEntries(bucket: string, prefix: string): Promise<ListEntry[]> {
    const entries: ListEntry[] = [];
    for (const shard of OBJECT_SHARDS) {
      const dir = this.layout.objectShardDir(bucket, shard);
      const names = (await readdir(dir).catch(() => [] as string[])).filter(isKeyHash);
      const found = await Promise.all(names.map((name) => this.readEntry(path.join(dir, name))));
      for (const entry of found) if (entry !== undefined && entry.key.startsWith(prefix)) entries.push(entry);
    }
    return entries;
  }

  private async readEntry(filePath: string): Promise<ListEntry | undefined> {
    let file: FileHandle | undefined;
    try {
      file = await open(filePath, 'r');
      const { metadata } = await readTrailer(file, storedObjectSchema);
      return {
        key: metadata.key,
        size: metadata.size,
        etag: metadata.etag,
        lastModified: metadata.lastModified,
        type: metadata.type,
      };
    } catch (error) {
      // Deleted while listing: simply gone. Anything else is damage worth reporting, not worth failing over.
      if (!isErrno(error, 'ENOENT')) this.log(`local bucket: skipping unreadable object file ${filePath}`);
      return undefined;
    } finally {
      await file?.close().catch(() => undefined);
    }
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch {
    return false;
  }
}

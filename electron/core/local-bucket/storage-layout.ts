/**
 * Where everything lives under the data directory, and the checks that keep it there.
 *
 * No name a client chooses is ever used as a path: an object lives at a name derived from the SHA-256 of its
 * key, buckets must match OSS's bucket-name rules, upload ids must be ids this server made, and part numbers
 * are integers. So no key (`../`, `%2e%2e`, `\`, NUL, absolute paths...) can reach outside the data directory.
 *
 * ```
 * <data>/buckets/<bucket>/bucket.json                     creation time and object layout (bucket-info.ts)
 * <data>/buckets/<bucket>/objects/<h0h1>/<sha256>         object bytes + metadata trailer (object-file.ts);
 *                                                         all 256 shard directories exist from the start
 * <data>/buckets/<bucket>/uploads/<uploadId>/upload.json  a multipart upload in progress
 * <data>/buckets/<bucket>/uploads/<uploadId>/<partNo>     its parts (object-file.ts format)
 * <data>/buckets/<bucket>/multipart/<sha256>/<uploadId>/  the parts of a completed multipart object, which
 *                                                         its object file lists (multipart-data.ts)
 * <data>/tmp/<0-f>/                                       files being written, in turn over 16 directories;
 *                                                         emptied at start
 * ```
 *
 * Objects used to live two levels down, `objects/<h0h1>/<h2h3>/<sha256>` (65,536 directories, so nearly
 * every new object created a directory: a mkdir, and an fsync of its parent). Buckets written that way
 * are moved to the layout above when the server starts (object-layout-migration.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ossError } from './oss-errors.js';
import { MAX_KEY_BYTES, MAX_PART_NUMBER } from './oss-limits.js';

/** OSS bucket names: 3..63 characters of a-z, 0-9 and `-`, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Object file names: the SHA-256 of the key, lower-case hex. */
const KEY_HASH = /^[0-9a-f]{64}$/;

/** Object shard directory names: the first two hex digits of the key hash. */
const SHARD = /^[0-9a-f]{2}$/;

/**
 * The names of the object shard directories, `00` to `ff`. Why one level of 256: a new object never
 * needs a new directory (they are all made with the bucket), and a million objects are still only
 * ~4,000 per directory, which every file system we run on looks up by hash or B-tree.
 */
export const OBJECT_SHARDS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** True for a shard directory name (and for the first level of the old two-level layout, which has the same names). */
export function isShardName(name: string): boolean {
  return SHARD.test(name);
}

/**
 * Temporary directories files are written in, in turn. Why: creating a file holds its directory's lock
 * while the file system finds a free inode, which on ext4 without a journal means stepping over recently
 * deleted ones (up to a millisecond a create on a busy disk); with one directory, concurrent uploads
 * queued on that lock (`perf`: 2.8% of the server's CPU spinning on it in the small-file benchmark).
 * Why 16: four or eight uploads in flight then rarely meet.
 */
const TEMP_DIRS = 16;

/** Upload ids this server makes: 32 upper-case hex digits, as OSS's look. */
const UPLOAD_ID = /^[0-9A-F]{32}$/;

/** True when `name` is a valid OSS bucket name. */
export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

/**
 * Throws InvalidObjectName unless `key` is a valid OSS object key: 1..1023 bytes, not starting with `/` or
 * `\` (OSS refuses those). Anything else, dots, NUL and backslashes included, is a valid key.
 */
export function checkObjectKey(key: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes === 0 || bytes > MAX_KEY_BYTES) {
    throw ossError('InvalidObjectName', `The object name must be 1 to ${MAX_KEY_BYTES} bytes long.`);
  }
  if (key.startsWith('/') || key.startsWith('\\')) {
    throw ossError('InvalidObjectName', 'The object name must not start with "/" or "\\".');
  }
  if (/[\uD800-\uDFFF]/u.test(key.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
    throw ossError('InvalidObjectName', 'The object name is not valid UTF-8.');
  }
}

/** True when `uploadId` has the shape of an id this server makes. */
export function isValidUploadId(uploadId: string): boolean {
  return UPLOAD_ID.test(uploadId);
}

/** A fresh upload id. */
export function newUploadId(): string {
  // Why 16 bytes: 128 random bits, unguessable, and 32 hex digits like OSS's ids.
  return randomBytes(16).toString('hex').toUpperCase();
}

/** The paths under one data directory. */
export class StorageLayout {
  /** The data directory, absolute. */
  readonly root: string;
  /** Where buckets live. */
  readonly bucketsDir: string;
  /** Where files are written before they are renamed into place (in {@link tempDirs}). */
  readonly tmpDir: string;
  /** The directories under {@link tmpDir} that {@link tempPath} uses in turn. */
  readonly tempDirs: readonly string[];
  /** Makes temporary names unique within this run (the data directory is this process's alone, and tmp is emptied at start). */
  readonly #runId = randomBytes(6).toString('hex');
  #tempCount = 0;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir);
    this.bucketsDir = path.join(this.root, 'buckets');
    this.tmpDir = path.join(this.root, 'tmp');
    this.tempDirs = Array.from({ length: TEMP_DIRS }, (_, i) => path.join(this.tmpDir, i.toString(16)));
  }

  /** A bucket's directory. Throws InvalidBucketName for a name OSS would refuse. */
  bucketDir(bucket: string): string {
    if (!isValidBucketName(bucket)) {
      throw ossError('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
    }
    return this.inside(path.join(this.bucketsDir, bucket));
  }

  /** The file recording a bucket's creation. */
  bucketInfoPath(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'bucket.json');
  }

  /** The directory holding a bucket's objects. */
  objectsDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'objects');
  }

  /** The file of the object `key` (which need not exist). */
  objectPath(bucket: string, key: string): string {
    return this.objectPathForHash(bucket, keyHash(key));
  }

  /** The file of the object whose key has the SHA-256 `hash` (64 lower-case hex digits, see {@link keyHash}). */
  objectPathForHash(bucket: string, hash: string): string {
    checkKeyHash(hash);
    return this.inside(path.join(this.objectShardDir(bucket, hash.slice(0, 2)), hash));
  }

  /** One of the 256 directories objects are spread over (`shard`: two lower-case hex digits, see {@link OBJECT_SHARDS}). */
  objectShardDir(bucket: string, shard: string): string {
    if (!SHARD.test(shard)) throw new Error('Refusing a malformed object shard.');
    return path.join(this.objectsDir(bucket), shard);
  }

  /** The directory holding the part data of a bucket's completed multipart objects. */
  multipartDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'multipart');
  }

  /** The directory holding the part data of the completed multipart objects of one key (by its hash). */
  multipartKeyDir(bucket: string, hash: string): string {
    checkKeyHash(hash);
    return this.inside(path.join(this.multipartDir(bucket), hash));
  }

  /** The parts of one completed multipart upload of the key with hash `hash`. */
  multipartDataDir(bucket: string, hash: string, uploadId: string): string {
    if (!isValidUploadId(uploadId)) throw noSuchUpload();
    return path.join(this.multipartKeyDir(bucket, hash), uploadId);
  }

  /** The directory holding a bucket's multipart uploads in progress. */
  uploadsDir(bucket: string): string {
    return path.join(this.bucketDir(bucket), 'uploads');
  }

  /** The directory of one multipart upload. Throws NoSuchUpload for an id this server cannot have made. */
  uploadDir(bucket: string, uploadId: string): string {
    if (!isValidUploadId(uploadId)) throw noSuchUpload();
    return this.inside(path.join(this.uploadsDir(bucket), uploadId));
  }

  /** The file of one part. */
  partPath(bucket: string, uploadId: string, partNumber: number): string {
    return path.join(this.uploadDir(bucket, uploadId), partFileName(partNumber));
  }

  /** A fresh name in one of the temporary directories (each in turn). */
  tempPath(purpose: string): string {
    const count = ++this.#tempCount;
    return path.join(this.tempDirs[count % TEMP_DIRS] as string, `${purpose}-${this.#runId}-${count}.tmp`);
  }

  /** Defence in depth: refuses any path that is not strictly under the data directory. */
  private inside(candidate: string): string {
    const relative = path.relative(this.root, candidate);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error('Refusing a storage path outside the data directory.');
    }
    return candidate;
  }
}

/** The SHA-256 of a key as 64 lower-case hex digits: the name of its object file. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True for the names {@link keyHash} makes. */
export function isKeyHash(name: string): boolean {
  return KEY_HASH.test(name);
}

function checkKeyHash(hash: string): void {
  if (!isKeyHash(hash)) throw new Error('Refusing a malformed key hash.');
}

/** The file name of part `partNumber` (5 digits, so names sort in part order). Throws InvalidArgument outside 1..10000. */
export function partFileName(partNumber: number): string {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw ossError('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive.`);
  }
  return String(partNumber).padStart(5, '0');
}

/** The NoSuchUpload error. */
export function noSuchUpload(): Error {
  return ossError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  );
}

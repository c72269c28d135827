/**
 * Where everything lives under the data directory, and the checks that keep it there.
 *
 * No name a client chooses is ever used as a path: an object lives at a name derived from the SHA-256 of its
 * key, buckets must match OSS's bucket-name rules, upload ids must be ids this server made, and part numbers
 * are integers. So no key (`../`, `%2e%2e`, `\`, NUL, absolute paths...) can reach outside the data directory.
 *
 * ```
 * <data>/buckets/<bucket>/bucket.json                     creation time
 * <data>/buckets/<bucket>/objects/<h0h1>/<h2h3>/<sha256>  object bytes + metadata trailer (object-file.ts)
 * <data>/buckets/<bucket>/uploads/<uploadId>/upload.json  a multipart upload in progress
 * <data>/buckets/<bucket>/uploads/<uploadId>/<partNo>     its parts (object-file.ts format)
 * <data>/buckets/<bucket>/multipart/<sha256>/<uploadId>/  the parts of a completed multipart object, which
 *                                                         its object file lists (multipart-data.ts)
 * <data>/tmp/                                             files being written; emptied at start
 * ```
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ossError } from './oss-errors.js';
import { MAX_KEY_BYTES, MAX_PART_NUMBER } from './oss-limits.js';

/** OSS bucket names: 3..63 characters of a-z, 0-9 and `-`, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Object file names: the SHA-256 of the key, lower-case hex. */
const KEY_HASH = /^[0-9a-f]{64}$/;

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
  /** Where files are written before they are renamed into place. */
  readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir);
    this.bucketsDir = path.join(this.root, 'buckets');
    this.tmpDir = path.join(this.root, 'tmp');
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
    // Why two levels of two hex digits: 65,536 directories keep each one small even with millions of objects.
    return this.inside(path.join(this.objectsDir(bucket), hash.slice(0, 2), hash.slice(2, 4), hash));
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

  /** A fresh name in the temporary directory. */
  tempPath(purpose: string): string {
    return path.join(this.tmpDir, `${purpose}-${randomBytes(12).toString('hex')}.tmp`);
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

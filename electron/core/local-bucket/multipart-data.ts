/**
 * The part data of completed multipart objects. Completing an upload does not copy its parts (as on OSS,
 * where completing a multi-GiB upload takes as long as a small one): the upload's directory is moved, by
 * one rename, to `multipart/<key hash>/<uploadId>/`, and the object file published for the key lists the
 * parts (object-file.ts `manifest`). The bytes stay where UploadPart wrote and fsynced them.
 *
 * Who may delete part data, and when:
 * - A moved upload is no longer an upload: AbortMultipartUpload, UploadPart and a second Complete find
 *   nothing (NoSuchUpload), so an abort can never delete the parts of a completed object.
 * - A data directory goes only when the key's current object file does not list it (the object was
 *   overwritten or deleted: a "sweep", run after every publish or delete of a key that has part data),
 *   and only once no GetObject is reading the key ({@link MultipartData.reading}).
 * - Complete holds the key's lock from the move until its object file is published, and sweeps take the
 *   same lock, so a sweep never sees a moved directory whose object is not published yet.
 *
 * Crash safety (checked by {@link MultipartData.recover} at start): a directory still holding
 * `upload.json` was moved by a Complete that had not finished. If the key's object lists it, the object
 * was published and only the tidying was lost; otherwise the object never appeared, and the directory goes
 * back to `uploads/` so that the client's retried Complete succeeds. A directory without `upload.json`
 * that no object lists is garbage from an overwrite or delete cut short, and is removed.
 */
import { mkdir, open, readdir, rename, rmdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../storage/atomic-write.js';
import { isErrno, removeQuietly, removeTreeQuietly } from './atomic-file.js';
import { KeyedLock } from './keyed-lock.js';
import { readTrailer, storedObjectSchema, type ObjectManifest } from './object-file.js';
import { isKeyHash, isValidUploadId, partFileName, type StorageLayout } from './storage-layout.js';

/** The file that describes an upload in progress; its absence marks a completed upload's data as settled. */
export const UPLOAD_RECORD = 'upload.json';

/** See the module comment. */
export class MultipartData {
  private readonly layout: StorageLayout;
  private readonly log: (line: string) => void;
  /** `bucket/hash` of every key with a data directory: publishes and deletes of other keys skip the sweep. */
  private readonly tracked = new Set<string>();
  /** GetObject requests in flight per `bucket/hash`; their key's data is not deleted until they end. */
  private readonly readers = new Map<string, number>();
  /** Sweeps put off because a reader was active; run when the last one ends. */
  private readonly deferred = new Set<string>();
  private readonly lock = new KeyedLock();

  constructor(layout: StorageLayout, log: (line: string) => void) {
    this.layout = layout;
    this.log = log;
  }

  /** Settles what a crash left in `bucket` (see the module comment) and learns which keys have part data. */
  async recover(bucket: string): Promise<void> {
    for (const hash of await names(this.layout.multipartDir(bucket))) {
      if (!isKeyHash(hash)) continue;
      const referenced = await this.referencedUpload(bucket, hash);
      for (const uploadId of await names(this.layout.multipartKeyDir(bucket, hash))) {
        if (!isValidUploadId(uploadId)) continue;
        const dir = this.layout.multipartDataDir(bucket, hash, uploadId);
        const unsettled = (await names(dir)).includes(UPLOAD_RECORD);
        if (uploadId === referenced?.uploadId) {
          if (unsettled) await this.settle(bucket, hash, referenced);
        } else if (unsettled) {
          await this.giveBack(bucket, hash, uploadId);
        } else {
          await removeTreeQuietly(dir);
        }
      }
      await this.dropIfEmpty(bucket, hash);
    }
  }

  /** Runs `task` holding the lock of one key (by hash): Complete around move + publish, sweeps around theirs. */
  withKey<T>(bucket: string, hash: string, task: () => Promise<T>): Promise<T> {
    return this.lock.run(`${bucket}/${hash}`, task);
  }

  /**
   * Moves the upload's directory to the key's part data (durably: both directories fsynced). Call while
   * holding {@link withKey}; from here on the upload id answers NoSuchUpload.
   */
  async adopt(bucket: string, hash: string, uploadId: string): Promise<void> {
    this.tracked.add(`${bucket}/${hash}`);
    const keyDir = this.layout.multipartKeyDir(bucket, hash);
    const created = await mkdir(keyDir, { recursive: true });
    if (created !== undefined) {
      await syncDirectory(path.dirname(keyDir));
      await syncDirectory(path.dirname(path.dirname(keyDir)));
    }
    await rename(this.layout.uploadDir(bucket, uploadId), this.layout.multipartDataDir(bucket, hash, uploadId));
    await syncDirectory(keyDir);
    await syncDirectory(this.layout.uploadsDir(bucket));
  }

  /** Undoes {@link adopt} when the object could not be published: the upload is usable again. */
  async giveBack(bucket: string, hash: string, uploadId: string): Promise<void> {
    await rename(this.layout.multipartDataDir(bucket, hash, uploadId), this.layout.uploadDir(bucket, uploadId));
    await syncDirectory(this.layout.uploadsDir(bucket));
    await syncDirectory(this.layout.multipartKeyDir(bucket, hash));
  }

  /** After the object was published: removes what it does not list (unused parts, then the upload record). */
  async settle(bucket: string, hash: string, manifest: ObjectManifest): Promise<void> {
    const dir = this.layout.multipartDataDir(bucket, hash, manifest.uploadId);
    const keep = new Set(manifest.parts.map(([partNumber]) => partFileName(partNumber)));
    for (const name of await names(dir)) {
      if (!keep.has(name) && name !== UPLOAD_RECORD) await removeQuietly(path.join(dir, name));
    }
    // Last: without the record the directory counts as settled data, never as an upload to give back.
    await removeQuietly(path.join(dir, UPLOAD_RECORD));
  }

  /** The file of part `partNumber` of a completed upload. */
  partPath(bucket: string, hash: string, uploadId: string, partNumber: number): string {
    return path.join(this.layout.multipartDataDir(bucket, hash, uploadId), partFileName(partNumber));
  }

  /**
   * Registers a reader of the key before it opens the object file; the returned function ends it. While
   * any reader is registered no part data of the key is deleted, so parts listed by the object file it
   * opens stay readable to the end, whatever overwrites or deletes happen meanwhile.
   */
  reading(bucket: string, hash: string): () => void {
    const name = `${bucket}/${hash}`;
    this.readers.set(name, (this.readers.get(name) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.readers.get(name) ?? 1) - 1;
      if (left > 0) {
        this.readers.set(name, left);
        return;
      }
      this.readers.delete(name);
      if (this.deferred.delete(name)) void this.sweep(bucket, hash);
    };
  }

  /**
   * After a publish or delete of the key: removes its part data that the current object does not list.
   * Costs nothing for keys without part data (an in-memory check). Never throws: garbage left behind by a
   * failure is removed by the next sweep or at the next start.
   */
  async sweep(bucket: string, hash: string): Promise<void> {
    const name = `${bucket}/${hash}`;
    if (!this.tracked.has(name)) return;
    await this.withKey(bucket, hash, async () => {
      if (this.readers.has(name)) {
        this.deferred.add(name);
        return;
      }
      const keep = (await this.referencedUpload(bucket, hash))?.uploadId;
      for (const uploadId of await names(this.layout.multipartKeyDir(bucket, hash))) {
        if (uploadId !== keep) await removeTreeQuietly(this.layout.multipartDataDir(bucket, hash, uploadId));
      }
      await this.dropIfEmpty(bucket, hash);
    }).catch((error: unknown) => this.log(`local bucket: could not remove old multipart data: ${String(error)}`));
  }

  /** The manifest of the key's current object, if it is a completed multipart object. */
  private async referencedUpload(bucket: string, hash: string): Promise<ObjectManifest | undefined> {
    let file: FileHandle | undefined;
    try {
      file = await open(this.layout.objectPathForHash(bucket, hash), 'r');
      return (await readTrailer(file, storedObjectSchema)).metadata.manifest;
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      return undefined;
    } finally {
      await file?.close().catch(() => undefined);
    }
  }

  private async dropIfEmpty(bucket: string, hash: string): Promise<void> {
    const dir = this.layout.multipartKeyDir(bucket, hash);
    if ((await names(dir)).length > 0) {
      this.tracked.add(`${bucket}/${hash}`);
      return;
    }
    this.tracked.delete(`${bucket}/${hash}`);
    await rmdir(dir).catch(() => undefined);
  }
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

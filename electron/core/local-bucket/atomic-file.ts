/**
 * Atomic file publication for the local bucket. The generic primitives (temp file, fsync, rename, fsync
 * the directory) live in core/storage/atomic-write.ts and are re-exported here; this module adds the
 * OSS meaning of a create-only publish that finds the key taken: `FileAlreadyExists`.
 *
 * A crash or a disconnect leaves either the old file or the new one, and at most a stray temporary file,
 * which the server removes when it starts.
 */
import { isErrno, publishFile } from '../storage/atomic-write.js';
import { ossError } from './oss-errors.js';

export { isErrno, removeQuietly, removeTreeQuietly, writeAll, writeFileAtomic } from '../storage/atomic-write.js';

/** How a temporary file takes its final place. */
export type PublishMode =
  /** Replace whatever is there (PutObject). */
  | 'replace'
  /** Fail with FileAlreadyExists when something is there (`x-oss-forbid-overwrite: true`). */
  | 'create-only';

/**
 * Moves the finished, fsynced file `tempPath` to `finalPath`, atomically, and makes that durable with
 * `syncDir` (see `publishFile`). The temp file is gone afterwards.
 */
export async function publish(tempPath: string, finalPath: string, mode: PublishMode, syncDir?: (dir: string) => Promise<void>): Promise<void> {
  try {
    await publishFile(tempPath, finalPath, mode, syncDir);
  } catch (error) {
    if (mode === 'create-only' && isErrno(error, 'EEXIST')) {
      throw ossError('FileAlreadyExists', 'The object you specified already exists and can not be overwritten.');
    }
    throw error;
  }
}

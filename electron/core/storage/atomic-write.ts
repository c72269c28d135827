/**
 * Atomic file publication, shared by everything that keeps state on disk (the transfer queue, multipart
 * checkpoints, history, the local bucket's objects): write to a temporary file in the same directory,
 * fsync it, rename (or hard-link, when the target must not exist yet) it into place, then fsync the
 * directory so the rename itself survives a power cut.
 *
 * A crash leaves either the old file or the new one, and at most a stray temporary file, never half a file.
 * (Moved here from core/local-bucket/atomic-file.ts, which re-exports these and keeps its OSS-specific
 * `publish`.)
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** How a temporary file takes its final place. */
export type PublishFileMode =
  /** Replace whatever is there. */
  | 'replace'
  /** Fail with the system error `EEXIST` when something is there (no check-then-write race). */
  | 'create-only';

/** True when `error` is a Node system error with the given code. */
export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Deletes a file if it exists; never throws. */
export async function removeQuietly(filePath: string): Promise<void> {
  await unlink(filePath).catch(() => undefined);
}

/** Deletes a directory tree if it exists; never throws. */
export async function removeTreeQuietly(dirPath: string): Promise<void> {
  await rm(dirPath, { recursive: true, force: true }).catch(() => undefined);
}

/** Makes a rename in `dir` durable. Best effort: some file systems refuse to fsync directories. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can fsync a directory (Windows cannot open one); the rename itself is still atomic.
  }
}

/**
 * Writes all of `chunks`, in order, at the file's current position, with as few system calls as the OS
 * allows (one `writev` unless it writes partially). The chunks are not copied.
 */
export async function writevAll(file: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks.filter((chunk) => chunk.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await file.writev(rest as Uint8Array[]);
    // A partial writev: skip what went out, keeping the tail of a chunk that went out in part.
    const left: Uint8Array[] = [];
    for (const chunk of rest) {
      if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
      else {
        left.push(bytesWritten === 0 ? chunk : chunk.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    rest = left;
  }
}

/** Writes all of `data` at the file's current position (a single write may be partial). */
export async function writeAll(file: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await file.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/**
 * A fresh temporary name beside `finalPath` (`NAME.tmp-<pid>-<random>`): same directory, so the rename
 * stays within one file system; unique, so two writers never share one.
 */
export function tempPathFor(finalPath: string): string {
  // Why 6 bytes: 2^48 names per process; a collision would need billions of leftover files.
  return `${finalPath}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** True for names {@link tempPathFor} makes for `finalName` (a leftover after a crash, to ignore or clean). */
export function isTempNameFor(finalName: string, candidate: string): boolean {
  return candidate.startsWith(`${finalName}.tmp-`);
}

/**
 * Creates `dir` and any missing parents, durably: each directory that gains an entry (the parent of
 * every created directory) is fsynced, so a new directory cannot vanish in a power cut along with the file
 * about to be renamed into it. `dir` itself is left to the caller, which fsyncs it after the rename.
 */
async function makeDirectoryDurable(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return;
  for (let created = dir; created !== first && created !== path.dirname(created); ) {
    created = path.dirname(created);
    await syncDirectory(created);
  }
  await syncDirectory(path.dirname(first));
}

/** Puts `tempPath` at `finalPath` (rename, or link for create-only); the temporary file stays on failure. */
async function place(tempPath: string, finalPath: string, mode: PublishFileMode): Promise<void> {
  if (mode === 'replace') {
    await rename(tempPath, finalPath);
    return;
  }
  // link() fails with EEXIST when the target exists, and unlike check-then-rename it cannot race.
  await link(tempPath, finalPath);
  await removeQuietly(tempPath);
}

/**
 * Directories this process has created or published into. Why: the common case, a directory that exists,
 * then costs one rename (no mkdir round trip through the thread pool), while a directory not seen yet is
 * created first (trying the rename first failed for 98.6% of the local bucket's small-file benchmark
 * PUTs, each object landing in a new hashed directory). A known directory deleted since is still handled:
 * the rename fails with ENOENT and the directory is made again.
 */
const knownDirs = new Set<string>();
/** Why 4,096: a bounded memory of recent directories (~0.5 MB of paths); forgetting costs one mkdir. */
const KNOWN_DIRS_MAX = 4096;

/**
 * Moves the finished, fsynced file `tempPath` to `finalPath` atomically, creating the directory (durably)
 * if need be, then makes the rename durable with `syncDir` (default {@link syncDirectory}; a writer that
 * publishes many files passes a `DirectorySyncer`'s, directory-sync.ts). The temporary file is gone
 * afterwards, whether this succeeds or throws.
 */
export async function publishFile(
  tempPath: string,
  finalPath: string,
  mode: PublishFileMode,
  syncDir: (dir: string) => Promise<void> = syncDirectory,
): Promise<void> {
  const dir = path.dirname(finalPath);
  try {
    if (knownDirs.has(dir)) {
      try {
        await place(tempPath, finalPath, mode);
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
        await makeDirectoryDurable(dir);
        await place(tempPath, finalPath, mode);
      }
    } else {
      await makeDirectoryDurable(dir);
      await place(tempPath, finalPath, mode);
      if (knownDirs.size >= KNOWN_DIRS_MAX) knownDirs.clear();
      knownDirs.add(dir);
    }
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
  await syncDir(dir);
}

/** Writes `data` to `finalPath` atomically (through `tempPath`, which must not exist), with the given file mode. */
export async function writeFileAtomic(tempPath: string, finalPath: string, data: string | Uint8Array, fileMode = 0o600): Promise<void> {
  const file = await open(tempPath, 'wx', fileMode);
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await removeQuietly(tempPath);
    throw error;
  }
  await file.close();
  try {
    await publishFile(tempPath, finalPath, 'replace');
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
}

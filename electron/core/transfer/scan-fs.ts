/**
 * The file-system edge of input scanning: the few calls the scanner makes, narrowed to what it needs, so
 * tests can make one path vanish or refuse access without touching the real disk.
 */
import { constants } from 'node:fs';
import { access, lstat, opendir, stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';

/** What a path is. Anything but `file` and `directory` is never opened. */
export type ScanFileKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'device' | 'other';

/** The facts the scanner needs about one path. */
export interface ScanStat {
  readonly kind: ScanFileKind;
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * `dev:ino`, exact (read as bigints: 64-bit inode numbers, as on NTFS and some network file systems, do
   * not fit a double). Two paths with the same id are the same directory, which is how loops are found.
   */
  readonly id: string;
}

/** The calls the scanner makes. Errors are Node system errors (with `code`), as `node:fs` throws them. */
export interface ScanFs {
  /** Facts about the path itself (a symbolic link is reported as one). */
  lstat(path: string): Promise<ScanStat>;
  /** Facts about what the path points to (links followed). */
  stat(path: string): Promise<ScanStat>;
  /** The names in a directory, streamed as the OS returns them (never the whole listing at once). */
  list(path: string): AsyncIterable<string>;
  /** Resolves when the current user may read the file; rejects with the system error otherwise. Never opens it. */
  checkReadable(path: string): Promise<void>;
}

function kindOf(stats: BigIntStats): ScanFileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'other';
}

/** The scanner's facts from Node's stats (read with `bigint: true`). */
export function toScanStat(stats: BigIntStats): ScanStat {
  return {
    kind: kindOf(stats),
    size: Number(stats.size),
    // Why 1e6: nanoseconds to milliseconds; keeps the sub-millisecond part the bigint `mtimeMs` drops.
    mtimeMs: Number(stats.mtimeNs) / 1e6,
    id: `${stats.dev}:${stats.ino}`,
  };
}

async function* listNames(path: string): AsyncIterable<string> {
  // `for await` over a Dir closes it when the loop ends, early or not.
  for await (const entry of await opendir(path)) yield entry.name;
}

/** The real file system. */
export const nodeScanFs: ScanFs = {
  lstat: async (path) => toScanStat(await lstat(path, { bigint: true })),
  stat: async (path) => toScanStat(await stat(path, { bigint: true })),
  list: listNames,
  checkReadable: (path) => access(path, constants.R_OK),
};

/** The `code` of a Node system error (`ENOENT`, `EACCES`...), or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A lock between processes around a read-change-write of one file: the desktop app, the tray and every
 * `dropsign` command may change `profiles.json` (or another shared file) at the same moment, and without a
 * lock the last writer wins and the other change is lost.
 *
 * proper-lockfile does the locking: a `FILE.lock` directory made with mkdir (atomic on every platform and on
 * network file systems), whose modification time the holder refreshes while it works, so the lock of a
 * process that crashed is taken over once it is stale. Within one process callers should still queue their
 * changes (the stores do), since one process's lock is not re-entrant.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { DropsignError } from '../../shared/errors.js';

/**
 * How old a lock may get before it counts as left by a crashed process. Why 10 s: a holder refreshes it
 * every 5 s, and a change of a small JSON file takes milliseconds, so only a dead holder lets it age this
 * much (proper-lockfile refuses values under 2 s).
 */
const STALE_MS = 10_000;

/**
 * Waiting for a lock another process holds: back-off from 20 ms growing to 500 ms, about 10 s in all.
 * Why: longer than any real change takes, so a busy lock means a stuck holder, reported rather than waited
 * on forever; and as long as STALE_MS, so a crashed holder's lock goes stale before the waiting gives up.
 */
const RETRIES = { retries: 25, factor: 1.3, minTimeout: 20, maxTimeout: 500 } as const;

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** What the file holds, for the error message ("profile list"). */
  readonly description: string;
  /** Told when a held lock was lost (its refresh failed), which may let another process in. */
  readonly onCompromised?: (error: Error) => void;
  /** For tests: how long to wait for the lock (proper-lockfile retry options). */
  readonly retries?: lockfile.LockOptions['retries'];
}

/**
 * Runs `task` while holding the inter-process lock of `file` (which need not exist yet; its folder is
 * made), and releases it afterwards, whether `task` succeeds or throws. Throws `state-file-busy` when
 * another process holds the lock for longer than the wait.
 */
export async function withFileLock<T>(file: string, task: () => Promise<T>, options: FileLockOptions): Promise<T> {
  await mkdir(path.dirname(file), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      realpath: false,
      stale: STALE_MS,
      retries: options.retries ?? RETRIES,
      // The default throws from a timer, which would crash the process; a lost lock is reported instead.
      onCompromised: options.onCompromised ?? (() => undefined),
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new DropsignError(
      'state-file-busy',
      `Another Dropsign process kept the ${options.description} at ${JSON.stringify(file)} locked, so the change was not made.`,
      'Try again in a moment. If it keeps happening, close other Dropsign windows and commands; a lock left by a crash clears itself within seconds.',
      { path: file },
    );
  }
  try {
    return await task();
  } finally {
    // A lock that was compromised meanwhile is already gone: nothing to release.
    await release().catch(() => undefined);
  }
}

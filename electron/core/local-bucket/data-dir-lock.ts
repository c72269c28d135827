/**
 * One server per data directory: a second one would empty the first one's temporary directory at start and
 * cut its uploads. A `server.lock` file holding the owner's pid says who serves a directory; a lock whose
 * process is gone (after a crash or a kill -9) is taken over.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DropsignError } from '../../shared/errors.js';
import { isErrno } from './atomic-file.js';

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'server.lock';

/** Directories held by servers of this process (a pid file cannot tell two of them apart). */
const heldHere = new Set<string>();

/** A held data directory. */
export interface DataDirLock {
  /** Gives the directory up. */
  release(): Promise<void>;
}

/** Takes the data directory `root` (absolute) for this process, or throws `local-bucket-failed`. */
export async function lockDataDir(root: string): Promise<DataDirLock> {
  if (heldHere.has(root)) throw inUse(root, process.pid);
  await mkdir(root, { recursive: true });
  const lockPath = path.join(root, LOCK_FILE_NAME);
  // Two attempts: the second after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lockPath, 'wx', 0o644);
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      heldHere.add(root);
      return {
        release: async () => {
          heldHere.delete(root);
          await unlink(lockPath).catch(() => undefined);
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw inUse(root, owner);
    await unlink(lockPath).catch(() => undefined);
  }
  throw inUse(root, Number.NaN);
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

function inUse(root: string, pid: number): DropsignError {
  return new DropsignError(
    'local-bucket-failed',
    `The data directory ${root} is already served by another local bucket${Number.isNaN(pid) ? '' : ` (process ${pid})`}.`,
    `Stop that server, or use another --data-dir. If no server runs, delete ${path.join(root, LOCK_FILE_NAME)}.`,
  );
}

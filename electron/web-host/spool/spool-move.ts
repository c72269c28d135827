/**
 * Moving spooled files out of their batch folder into fresh ones, for a `transfers:enqueue` that takes
 * some of a folder's files but not all (the page enqueues each request's files together, so this is the
 * rare case). Relative paths are kept, grouped by spool-batches.ts; folders are created once each and the
 * files moved together rather than one after another.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { planBatches } from './spool-batches.js';

/** Why 16 bytes: folder names only need to be unique and unguessable within one run; 128 bits is plenty. */
const FOLDER_ID_BYTES = 16;

/** Where the moved files are: what to enqueue, and how many files each new folder holds. */
export interface Moved {
  readonly paths: readonly string[];
  readonly counts: ReadonlyMap<string, number>;
}

/** Moves `relativePaths` of `folder` into fresh batch folders under `root`. Rejects when a file is gone. */
export async function moveApart(root: string, folder: string, relativePaths: readonly string[]): Promise<Moved> {
  const plan = planBatches(relativePaths);
  const targets = plan.tops.map(() => path.join(root, `batch-${randomBytes(FOLDER_ID_BYTES).toString('hex')}`));
  const counts = new Map<string, number>();
  const dirs = new Map<string, Promise<unknown>>();
  await Promise.all(
    relativePaths.map(async (relativePath, index) => {
      const batch = targets[plan.batchOf[index] ?? 0] as string;
      counts.set(batch, (counts.get(batch) ?? 0) + 1);
      const target = path.join(batch, ...relativePath.split('/'));
      const dir = path.dirname(target);
      let made = dirs.get(dir);
      if (made === undefined) {
        made = mkdir(dir, { recursive: true, mode: 0o700 });
        dirs.set(dir, made);
      }
      await made;
      await rename(path.join(folder, ...relativePath.split('/')), target);
    }),
  );
  return { paths: plan.tops.flatMap((tops, batch) => tops.map((top) => path.join(targets[batch] as string, top))), counts };
}

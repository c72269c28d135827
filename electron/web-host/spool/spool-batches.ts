/**
 * Groups spooled files into batch folders so that enqueueing the folder tops gives each file the same
 * relative path (and so the same object key) as dropping the original files and folders would.
 *
 * A batch holds each relative path once; a file whose path is taken, or clashes with a folder of the
 * batch (`a` as a file and `a/b`), goes to the next batch.
 */

/** One batch folder's occupancy. */
interface Batch {
  readonly files: Set<string>;
  readonly folders: Set<string>;
  /** Top-level entries; a Set keeps insertion order. */
  readonly tops: Set<string>;
}

/** The folders that contain `relativePath`: `a/b/c` → `a`, `a/b`. */
function parentsOf(relativePath: string): string[] {
  const parts = relativePath.split('/');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

function fits(batch: Batch, relativePath: string): boolean {
  if (batch.files.has(relativePath) || batch.folders.has(relativePath)) return false;
  return parentsOf(relativePath).every((folder) => !batch.files.has(folder));
}

/** Where each file goes: its batch index, and the top-level entries each batch will hold. */
export interface BatchPlan {
  /** For each input path, in order, the index of its batch. */
  readonly batchOf: readonly number[];
  /** For each batch, its top-level entries (first path segments), in first-seen order. */
  readonly tops: readonly (readonly string[])[];
}

/** Plans the batches for `relativePaths` (`/`-separated, already checked), fewest batches first-fit. */
export function planBatches(relativePaths: readonly string[]): BatchPlan {
  const batches: Batch[] = [];
  const batchOf = relativePaths.map((relativePath) => {
    let index = batches.findIndex((batch) => fits(batch, relativePath));
    if (index < 0) index = batches.push({ files: new Set(), folders: new Set(), tops: new Set() }) - 1;
    const batch = batches[index] as Batch;
    batch.files.add(relativePath);
    for (const folder of parentsOf(relativePath)) batch.folders.add(folder);
    batch.tops.add(relativePath.split('/')[0] ?? relativePath);
    return index;
  });
  return { batchOf, tops: batches.map((batch) => [...batch.tops]) };
}

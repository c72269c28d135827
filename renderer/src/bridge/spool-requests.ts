/**
 * How browser mode splits the files of a drop into spool requests: small files travel many to a request
 * (one round trip, one answer and one enqueue for up to a few hundred), a large file alone in its own, so
 * its progress shows and a failure costs only it. Requests keep the order of the files.
 */
import { SPOOL_BATCH_MAX_FILES } from './web-protocol.js';

/**
 * Why 1 MiB: above this a file takes long enough to send that it gets a request (and progress) of its
 * own; below it, per-request costs dominate.
 */
export const LARGE_FILE_BYTES = 1024 * 1024;

/**
 * Why 4 MiB: a request of small files is answered within a fraction of a second on loopback, so the
 * first files are queued early and a failed request costs little to send again.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** The requests for files of `sizes` (bytes), as runs of consecutive indexes: `[[0, 1, 2], [3], [4, 5]]`. */
export function planSpoolRequests(sizes: readonly number[], maxFiles: number = SPOOL_BATCH_MAX_FILES): number[][] {
  const requests: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  const close = (): void => {
    if (current.length > 0) requests.push(current);
    current = [];
    bytes = 0;
  };
  sizes.forEach((size, index) => {
    if (size > LARGE_FILE_BYTES) {
      close();
      requests.push([index]);
      return;
    }
    if (current.length >= maxFiles || bytes + size > MAX_REQUEST_BYTES) close();
    current.push(index);
    bytes += size;
  });
  close();
  return requests;
}

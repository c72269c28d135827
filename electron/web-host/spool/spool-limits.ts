/**
 * How much the spool accepts: the bounds that keep one page from filling the disk or the host's memory.
 */
import { MAX_ENQUEUE_PATHS } from '../../shared/ipc/schemas.js';
import { SPOOL_BATCH_MAX_FILES } from '../web-protocol.js';

/** The spool's bounds. */
export interface SpoolLimits {
  /** The largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Free space that must remain on the data directory's disk after a request's files are spooled, in bytes. */
  readonly reserveBytes: number;
  /** Files spooled and not yet enqueued, plus files being received (each holds an entry in memory and a file on disk). */
  readonly maxPendingFiles: number;
  /** Spool requests being received at once. */
  readonly maxConcurrentReceives: number;
  /** Files in one spool request. */
  readonly maxBatchFiles: number;
  /** The largest manifest (the request's list of paths and sizes), in bytes. */
  readonly maxManifestBytes: number;
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** The bounds of a normal run. */
export const DEFAULT_SPOOL_LIMITS: SpoolLimits = {
  // Why 64 GiB: spooling copies the file, so it costs its size again on disk; beyond this the CLI
  // (`dropsign upload`, which streams from the original) is the better tool, and the page says so.
  maxFileBytes: 64 * GIB,
  // Why 512 MiB: the queue, checkpoints, history and the local bucket live on the same disk and must
  // still be writable when the spool is as full as it may get.
  reserveBytes: 512 * MIB,
  // Why: one `transfers:enqueue` takes at most this many paths; more could never be enqueued at once.
  maxPendingFiles: MAX_ENQUEUE_PATHS,
  // Why 8: the page sends 4 requests at once (renderer/src/bridge/web-spool.ts); two tabs still fit.
  maxConcurrentReceives: 8,
  // Why: the page puts at most this many small files in one request (web-protocol.ts says why 256).
  maxBatchFiles: SPOOL_BATCH_MAX_FILES,
  // Why 1 MiB: a full batch of the longest paths (256 × 1,023 characters, up to 3 bytes each in UTF-8)
  // is about 790 KB of JSON; the manifest is held in memory while it is parsed.
  maxManifestBytes: MIB,
};

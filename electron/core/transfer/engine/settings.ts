/**
 * The engine's settings with their defaults, checked once when the engine is made.
 */
import { DropsignError } from '../../../shared/errors.js';
import { DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, planParts } from '../part-plan.js';
import type { RetryOptions } from '../retry-policy.js';
import type { EngineSettings } from './engine-types.js';

/** Settings with every default filled in. */
export interface ResolvedSettings {
  readonly concurrency: number;
  readonly multipartThreshold: number;
  readonly partSize: number;
  readonly partConcurrency: number;
  readonly retry: RetryOptions;
  readonly requestUrlExpiresInSeconds: number;
}

/**
 * Files at once. Why 4: a typical uplink is saturated by a few streams; more mainly adds connections
 * that compete, and keeps more half-sent files to redo after a failure. Small-file queues, where request
 * latency dominates, can raise it (up to {@link MAX_CONCURRENCY}).
 */
export const DEFAULT_CONCURRENCY = 4;

/** Why 32: beyond it a desktop's connection pool and the server's per-client limits (429s) push back. */
export const MAX_CONCURRENCY = 32;

/**
 * Parts of one file at once. Why 4: one TCP stream is often capped by latency × window well below the
 * uplink, and 4 streams fill it even for a single big file; with 4 files that is at most 16 requests, so
 * the bytes to redo after a connection drop stay under 16 × 8 MiB = 128 MiB and memory (streamed reads,
 * two 256 KiB chunks per request) stays near 8 MiB, whatever the file sizes.
 */
export const DEFAULT_PART_CONCURRENCY = 4;

/** Why 16: with 32 files that is 512 requests, already past what any server lets one client run. */
export const MAX_PART_CONCURRENCY = 16;

/**
 * Validity of each request's URL. Why 15 min: every request is signed just before it is sent, so it only
 * has to outlive the request's start; short validity limits what a URL leaked to a log or proxy allows;
 * and OSS checks validity when a request arrives, so a long part upload does not expire mid-way.
 */
export const DEFAULT_REQUEST_URL_EXPIRES_SECONDS = 900;

function wholeIn(value: number | undefined, fallback: number, min: number, max: number, what: string): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min || resolved > max) {
    throw new DropsignError('invalid-argument', `The ${what} must be a whole number from ${min} to ${max}, not ${resolved}.`, `Choose a ${what} between ${min} and ${max}.`, {
      setting: what,
    });
  }
  return resolved;
}

/**
 * Fills in defaults and checks ranges; throws `invalid-argument` naming the setting, or the planner's
 * `invalid-part-size` for a part size or threshold outside OSS's limits (S3's larger minimum part size is
 * checked per file, as it depends on the destination).
 */
export function resolveSettings(settings: EngineSettings = {}): ResolvedSettings {
  const resolved: ResolvedSettings = {
    concurrency: wholeIn(settings.concurrency, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY, 'number of parallel files'),
    multipartThreshold: wholeIn(settings.multipartThreshold, DEFAULT_MULTIPART_THRESHOLD, 0, Number.MAX_SAFE_INTEGER, 'multipart threshold'),
    partSize: wholeIn(settings.partSize, DEFAULT_PART_SIZE, 1, Number.MAX_SAFE_INTEGER, 'part size'),
    partConcurrency: wholeIn(settings.partConcurrency, DEFAULT_PART_CONCURRENCY, 1, MAX_PART_CONCURRENCY, 'number of parallel parts'),
    retry: settings.retry ?? {},
    // Why 604800: the V4 schemes' 7-day ceiling.
    requestUrlExpiresInSeconds: wholeIn(settings.requestUrlExpiresInSeconds, DEFAULT_REQUEST_URL_EXPIRES_SECONDS, 1, 604_800, 'request URL validity'),
  };
  // Planning an empty file checks the threshold and the part size against the store's limits.
  planParts(0, { threshold: resolved.multipartThreshold, partSize: resolved.partSize });
  return resolved;
}

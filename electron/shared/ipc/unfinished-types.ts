/**
 * Requests and answers of the unfinished-upload channels: the multipart uploads begun in a profile's
 * bucket and never completed or aborted (their parts stay stored, and billed on OSS and S3), found with
 * `unfinished:list` and deleted with `unfinished:abort` (core/unfinished does the work).
 *
 * Request fields marked `?: T | undefined` may arrive as an explicit `undefined` (structured clone keeps
 * it), and the schemas accept that; answers use plain `?:` (absent, never `undefined`).
 */
import type { ErrorInfo } from '../errors.js';

/**
 * The most uploads one `unfinished:abort` names. Why 1,000: a request's work stays bounded (one
 * AbortMultipartUpload each) and its answer small; the page sends a longer selection in several requests.
 */
export const MAX_ABORT_UPLOADS = 1000;

/**
 * The most uploads `unfinished:list` says the sizes of (`withSizes`); with more listed, it leaves the
 * sizes out and says so (`sizesMissing`). Why 1,000: each upload costs one more request (ListParts, four
 * at a time), so a thousand against a distant bucket (100-200 ms a round trip) is up to about a minute,
 * as long as the page should keep someone waiting on one answer with no progress; a full listing
 * (10,000) would be many minutes and 10,000 billed requests. A key prefix narrows the list below it.
 */
export const MAX_SIZED_UPLOADS = 1000;

/** `unfinished:list`: the unfinished uploads of `profile`'s bucket, under `prefix` when given. */
export interface UnfinishedListRequest {
  readonly profile: string;
  /** Only keys starting with this; every key when absent or empty. */
  readonly prefix?: string | undefined;
  /**
   * True to learn what each upload holds (`parts`, `bytes`): one more request per upload, and only
   * when at most {@link MAX_SIZED_UPLOADS} are listed.
   */
  readonly withSizes?: boolean | undefined;
}

/** One unfinished upload as the server lists it, and whether a queue on this machine will resume it. */
export interface UnfinishedUploadView {
  readonly key: string;
  readonly uploadId: string;
  /** When it was initiated (ISO 8601, UTC, the server's clock). */
  readonly initiatedAt: string;
  /**
   * True when a queue on this machine (the app's or `dropsign upload`'s) holds its checkpoint and will
   * resume it: it is not offered for aborting, and `unfinished:abort` refuses it.
   */
  readonly resumableHere: boolean;
  /** With `withSizes`: how many parts it holds on the server now (0 for one that ended meanwhile). */
  readonly parts?: number;
  /** With `withSizes`: the bytes of those parts, what aborting it would free. */
  readonly bytes?: number;
}

/** What `unfinished:list` found. */
export interface UnfinishedListing {
  /** The profile looked in (its name) and its bucket. */
  readonly profile: string;
  readonly bucket: string;
  /** Sorted by key, then upload id, as the server lists them. */
  readonly uploads: readonly UnfinishedUploadView[];
  /** False when the listing stopped at its cap (10,000 uploads) with more on the server. */
  readonly complete: boolean;
  /** Present when sizes were asked for and are absent: no upload then has `parts` or `bytes`. */
  readonly sizesMissing?: SizesMissing;
}

/**
 * Why a listing asked for sizes has none. `too-many`: more than {@link MAX_SIZED_UPLOADS} uploads were
 * listed. `refused`: the server refused or failed a request for an upload's parts (a policy may allow
 * listing uploads but not their parts); the listing itself is whole, and `error` says what happened.
 */
export type SizesMissing = { readonly reason: 'too-many' } | { readonly reason: 'refused'; readonly error: ErrorInfo };

/** An upload to abort, as the listing named it. */
export interface UnfinishedUploadRef {
  readonly key: string;
  readonly uploadId: string;
}

/** `unfinished:abort`: these uploads of `profile`'s bucket (at most {@link MAX_ABORT_UPLOADS}). */
export interface UnfinishedAbortRequest {
  readonly profile: string;
  readonly uploads: readonly UnfinishedUploadRef[];
}

/** What aborting one upload did. */
export type UnfinishedAbortOutcome =
  /** Its parts are deleted. */
  | (UnfinishedUploadRef & { readonly outcome: 'aborted' })
  /** It was no longer in progress (completed or aborted meanwhile): nothing to delete. */
  | (UnfinishedUploadRef & { readonly outcome: 'already-gone' })
  /** The server (or the network) refused; `error` says why and what to do. */
  | (UnfinishedUploadRef & { readonly outcome: 'failed'; readonly error: ErrorInfo })
  /** Not tried: an earlier refusal (no permission, wrong secret) would have repeated for it. */
  | (UnfinishedUploadRef & { readonly outcome: 'skipped' });

/** What `unfinished:abort` did, upload by upload. */
export interface UnfinishedAbortResult {
  /** One per upload asked for, in the order asked. */
  readonly outcomes: readonly UnfinishedAbortOutcome[];
  /**
   * True when a refusal that would repeat for every upload (no permission, wrong secret, clock skew)
   * stopped the aborts: the uploads after it are `skipped`, and so would any further ones be.
   */
  readonly stopped: boolean;
}

/**
 * Requests and answers of the transfer and history channels: what to enqueue and where, what enqueueing
 * did, and pages of the upload history.
 *
 * Request fields marked `?: T | undefined` may arrive as an explicit `undefined` (structured clone keeps
 * it), and the schemas accept that; answers use plain `?:` (absent, never `undefined`).
 */
import type { ErrorInfo } from '../errors.js';
import type { ExistingObjectPolicy, TransferId, UploadResult } from '../transfer.js';

/** `transfers:enqueue`: files and folders by absolute path, and where they go. */
export interface EnqueueRequest {
  /** Absolute paths of files and folders (a folder keeps its structure under the prefix). */
  readonly paths: readonly string[];
  /** The profile to upload with; the default profile when absent. */
  readonly profile?: string | undefined;
  /** Key prefix; the profile's when absent. */
  readonly prefix?: string | undefined;
  /** Key template (`{path}`, `{date}/{name}`...); the profile's, else `{path}`, when absent. */
  readonly keyTemplate?: string | undefined;
  /** What to do when a key is taken; `overwrite` (as OSS does) when absent. */
  readonly ifExists?: ExistingObjectPolicy | undefined;
}

/** A dropped path that was not queued, and why. */
export interface EnqueueProblemView {
  readonly path: string;
  readonly relativePath: string;
  readonly error: ErrorInfo;
}

/** What `transfers:enqueue` did. The transfers themselves arrive as `added` events. */
export interface EnqueueOutcome {
  /** The profile the files went to (the default one resolved). */
  readonly profile: string;
  /** The new transfers, in queue order. */
  readonly ids: readonly TransferId[];
  readonly problems: readonly EnqueueProblemView[];
  /** Files skipped because they were already waiting for the same destination. */
  readonly alreadyQueued: number;
}

/** `history:list`: newest first, optionally filtered, in pages. */
export interface HistoryQuery {
  /** Case-insensitive text found in the key, the source path or the bucket. */
  readonly text?: string | undefined;
  /** Entries per page; 50 when absent. */
  readonly limit?: number | undefined;
  /** The `nextBefore` of the previous page, to continue after it. */
  readonly before?: string | undefined;
}

/** One finished upload. */
export interface HistoryEntryView {
  readonly id: TransferId;
  /** The source file. */
  readonly path: string;
  readonly endpoint: string;
  readonly bucket: string;
  readonly result: UploadResult;
}

/** One page of history, newest first. */
export interface HistoryPage {
  readonly entries: readonly HistoryEntryView[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  readonly nextBefore?: string;
}

/** `clipboard:save-image`: where the clipboard's image was saved (a PNG in the app's clipboard folder). */
export interface SavedClipboardImage {
  readonly path: string;
}

/**
 * The transfer model shared by the engine (core), every face that shows it (CLI, main, renderer) and the
 * contract between them. Plain data only: it crosses IPC and WebSocket as it is.
 */
import type { ErrorInfo } from './errors.js';

/** Identifies one file in the queue for its whole life (stable across restarts). */
export type TransferId = string;

/** What to do when the destination key already holds an object. */
export type ExistingObjectPolicy = 'overwrite' | 'skip' | 'rename' | 'fail';

/** All existing-object policies, in the order they are offered. */
export const EXISTING_OBJECT_POLICIES: readonly ExistingObjectPolicy[] = ['overwrite', 'skip', 'rename', 'fail'];

/** A share link made for a finished upload. */
export type ShareLink =
  | { readonly kind: 'presigned'; readonly url: string; readonly expiresAt: string }
  | { readonly kind: 'public'; readonly url: string };

/** What a finished upload produced. */
export interface UploadResult {
  readonly key: string;
  readonly size: number;
  /** The ETag as the server returned it, quotes removed. */
  readonly etag: string;
  /** CRC-64/ECMA-182 of the object as a decimal string (`x-oss-hash-crc64ecma`), when the server reports one. */
  readonly crc64?: string;
  readonly multipart: boolean;
  readonly link?: ShareLink;
  /** ISO 8601 UTC. */
  readonly finishedAt: string;
}

/**
 * The life of one transfer. `done`, `skipped`, `failed` and `canceled` are final; a failed or canceled
 * transfer may be retried, which puts it back to `queued`.
 */
export type TransferState =
  | { readonly kind: 'queued' }
  | { readonly kind: 'uploading'; readonly attempt: number }
  | { readonly kind: 'waiting-retry'; readonly attempt: number; readonly retryAt: number; readonly lastError: ErrorInfo }
  | { readonly kind: 'paused' }
  | { readonly kind: 'done'; readonly result: UploadResult }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly error: ErrorInfo }
  | { readonly kind: 'canceled' };

/** The kinds of transfer state. */
export type TransferStateKind = TransferState['kind'];

/** True for states a transfer never leaves by itself. */
export function isFinalState(state: TransferState): boolean {
  return state.kind === 'done' || state.kind === 'skipped' || state.kind === 'failed' || state.kind === 'canceled';
}

/** One transfer as every face shows it. */
export interface TransferView {
  readonly id: TransferId;
  /** Absolute path of the source file. */
  readonly path: string;
  /** The file's name, for display. */
  readonly name: string;
  /** The destination key, once decided. */
  readonly key: string;
  readonly bucket: string;
  readonly size: number;
  readonly bytesSent: number;
  readonly state: TransferState;
}

/** Bytes, smoothed speed and time left for one transfer. */
export interface ProgressSample {
  readonly id: TransferId;
  readonly bytesSent: number;
  /** Smoothed bytes per second. */
  readonly bytesPerSecond: number;
  /** Seconds left at the current speed; absent while unknown. */
  readonly etaSeconds?: number;
}

/** The whole queue at a glance. */
export interface QueueTotals {
  readonly files: number;
  readonly filesDone: number;
  readonly filesFailed: number;
  readonly bytesTotal: number;
  readonly bytesSent: number;
  readonly bytesPerSecond: number;
  readonly etaSeconds?: number;
}

/**
 * A coalesced progress update for the whole queue (about five a second, whatever the number of files).
 * `seq` orders batches and events together: a consumer drops anything older than its snapshot.
 */
export interface ProgressBatch {
  readonly seq: number;
  readonly samples: readonly ProgressSample[];
  readonly totals: QueueTotals;
}

/** Something that happened to the queue, sent at once and in order (never coalesced). */
export type TransferEvent =
  | { readonly kind: 'added'; readonly seq: number; readonly transfer: TransferView }
  | { readonly kind: 'state'; readonly seq: number; readonly id: TransferId; readonly state: TransferState; readonly key: string }
  | { readonly kind: 'removed'; readonly seq: number; readonly id: TransferId };

/** Everything a newly opened view needs to catch up; later batches and events with a higher `seq` follow. */
export interface TransferSnapshot {
  readonly seq: number;
  readonly transfers: readonly TransferView[];
  readonly totals: QueueTotals;
}

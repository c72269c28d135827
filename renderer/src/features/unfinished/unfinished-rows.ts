/**
 * The rules of the unfinished-uploads list, kept apart from React: how a row is identified, how old an
 * upload is, which rows may be chosen for aborting (never one a local queue will resume, nor one already
 * gone), the "older than a day" choice, what the listed uploads hold together, the batches an abort is
 * sent in, and what a run of aborts did.
 */
import type { UnfinishedAbortOutcome, UnfinishedUploadRef, UnfinishedUploadView } from '../../../../electron/shared/ipc/unfinished-types.js';

/**
 * How old an upload must be to count as abandoned for the "older than a day" choice. Why a day: what
 * `dropsign unfinished abort` leaves alone by default; a younger upload may be running on another
 * machine right now.
 */
export const ABANDONED_AFTER_SECONDS = 86_400;

/**
 * Uploads per `unfinished:abort` request. Why 100: the contract takes up to 1,000, but 100 keys of the
 * longest kind (1,023 characters, up to 3 bytes each) stay far below browser mode's 1 MiB message bound,
 * and the page can say how far it got between requests.
 */
export const ABORT_BATCH_SIZE = 100;

/** A row's identity: its upload id and key together (a store may reuse an id across keys). */
export function rowId(upload: UnfinishedUploadRef): string {
  return JSON.stringify([upload.uploadId, upload.key]);
}

/** Seconds since the upload began, as of `nowMs` (never negative: the server's clock may be ahead). */
export function ageSeconds(upload: Pick<UnfinishedUploadView, 'initiatedAt'>, nowMs: number): number {
  const started = Date.parse(upload.initiatedAt);
  return Number.isFinite(started) ? Math.max(0, (nowMs - started) / 1000) : 0;
}

/** True when the upload began less than {@link ABANDONED_AFTER_SECONDS} ago. */
export function isRecent(upload: Pick<UnfinishedUploadView, 'initiatedAt'>, nowMs: number): boolean {
  return ageSeconds(upload, nowMs) < ABANDONED_AFTER_SECONDS;
}

/** The outcome kinds after which there is nothing left to abort. */
const SETTLED: ReadonlySet<UnfinishedAbortOutcome['outcome']> = new Set(['aborted', 'already-gone']);

/** True when the row may be chosen: not resumed by a local queue, and not already aborted or gone. */
export function isSelectable(upload: UnfinishedUploadView, outcome: UnfinishedAbortOutcome | undefined): boolean {
  return !upload.resumableHere && (outcome === undefined || !SETTLED.has(outcome.outcome));
}

/** The ids of every row that may be chosen. */
export function selectableIds(uploads: readonly UnfinishedUploadView[], outcomes: ReadonlyMap<string, UnfinishedAbortOutcome>): string[] {
  return uploads.filter((upload) => isSelectable(upload, outcomes.get(rowId(upload)))).map(rowId);
}

/** The ids of the rows that may be chosen and began more than a day before `nowMs`. */
export function abandonedIds(uploads: readonly UnfinishedUploadView[], outcomes: ReadonlyMap<string, UnfinishedAbortOutcome>, nowMs: number): string[] {
  return uploads.filter((upload) => isSelectable(upload, outcomes.get(rowId(upload))) && !isRecent(upload, nowMs)).map(rowId);
}

/**
 * The bytes the uploads hold together, when the listing says what each holds (asked `withSizes`, and not
 * left out); undefined otherwise, and for an empty list (nothing to show a column for).
 */
export function storedBytes(uploads: readonly UnfinishedUploadView[]): number | undefined {
  let total = 0;
  for (const upload of uploads) {
    if (upload.bytes === undefined) return undefined;
    total += upload.bytes;
  }
  return uploads.length === 0 ? undefined : total;
}

/** `items` in runs of at most `size`, in order. */
export function inBatches<T>(items: readonly T[], size: number = ABORT_BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** How many uploads of a run ended each way. */
export interface AbortTally {
  readonly aborted: number;
  readonly alreadyGone: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Counts the outcomes of a run. */
export function tallyOutcomes(outcomes: readonly UnfinishedAbortOutcome[]): AbortTally {
  const count = (kind: UnfinishedAbortOutcome['outcome']) => outcomes.filter((outcome) => outcome.outcome === kind).length;
  return { aborted: count('aborted'), alreadyGone: count('already-gone'), failed: count('failed'), skipped: count('skipped') };
}

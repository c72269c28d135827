/**
 * Values derived from the store, as plain functions (components pass them to `useAppStore`).
 *
 * The ones that walk the whole queue are memoised on the identity of what they read: the slices replace
 * `transfers` and `order` on every change and keep them otherwise, so a selector runs its loop once per
 * change however many components use it, and answers the same object while nothing it reads changed
 * (zustand re-renders only on a new answer).
 */
import type { QueueTotals, TransferId } from '../../../electron/shared/transfer.js';
import type { AppState } from './app-store.js';
import { filterOf } from './queue-filter.js';
import type { StagingBatch } from './staging-slice.js';
import type { TransferRow } from './transfers-slice.js';

const totalsCache = new WeakMap<ReadonlyMap<TransferId, TransferRow>, { readonly hostTotals: QueueTotals; readonly totals: QueueTotals }>();

/**
 * The queue's totals. Counts and bytes come from the rows, so they are right the moment an event lands;
 * speed and time left come from the host's last batch, and are zero once nothing moves. Computed once per
 * change of the rows or the host's totals.
 */
export function selectTotals(state: AppState): QueueTotals {
  const cached = totalsCache.get(state.transfers);
  if (cached !== undefined && cached.hostTotals === state.totals) return cached.totals;
  let filesDone = 0;
  let filesFailed = 0;
  let bytesTotal = 0;
  let bytesSent = 0;
  let moving = false;
  for (const row of state.transfers.values()) {
    bytesTotal += row.size;
    bytesSent += row.bytesSent;
    if (row.state.kind === 'done' || row.state.kind === 'skipped') filesDone += 1;
    if (row.state.kind === 'failed') filesFailed += 1;
    if (row.state.kind === 'uploading') moving = true;
  }
  const speed = moving ? state.totals.bytesPerSecond : 0;
  const eta = moving ? state.totals.etaSeconds : undefined;
  const totals = { files: state.transfers.size, filesDone, filesFailed, bytesTotal, bytesSent, bytesPerSecond: speed, ...(eta === undefined ? {} : { etaSeconds: eta }) };
  totalsCache.set(state.transfers, { hostTotals: state.totals, totals });
  return totals;
}

/** How many transfers are in each filter, and how many each queue-wide action would touch. */
export interface QueueCounts {
  readonly all: number;
  /** Queued, uploading, waiting to retry or paused. */
  readonly active: number;
  /** Done or skipped. */
  readonly done: number;
  /** Failed or canceled (both can be retried). */
  readonly failed: number;
  /** Failed only. */
  readonly failedOnly: number;
  /** What "Pause all" stops: queued, uploading, waiting to retry. */
  readonly pausable: number;
  readonly paused: number;
  /** What "Clear finished" drops: done, skipped, failed, canceled. */
  readonly finished: number;
}

const countsCache = new WeakMap<ReadonlyMap<TransferId, TransferRow>, QueueCounts>();
/** The last answer, handed out again while the counts stay equal. */
let lastCounts: QueueCounts | undefined;

/** The counts of {@link QueueCounts}; the same object until a transfer changes state, joins or leaves. */
export function selectQueueCounts(state: AppState): QueueCounts {
  const cached = countsCache.get(state.transfers);
  if (cached !== undefined) return cached;
  const counts = { all: state.transfers.size, active: 0, done: 0, failed: 0, failedOnly: 0, pausable: 0, paused: 0, finished: 0 };
  for (const row of state.transfers.values()) {
    const kind = row.state.kind;
    counts[filterOf(kind)] += 1;
    if (kind === 'failed') counts.failedOnly += 1;
    if (kind === 'paused') counts.paused += 1;
    else if (kind === 'queued' || kind === 'uploading' || kind === 'waiting-retry') counts.pausable += 1;
    else counts.finished += 1;
  }
  // A progress batch replaces the map without changing any count: keep the previous answer then.
  const previous = lastCounts;
  const same = previous !== undefined && (Object.keys(counts) as (keyof QueueCounts)[]).every((key) => previous[key] === counts[key]);
  const answer = same ? previous : counts;
  lastCounts = answer;
  countsCache.set(state.transfers, answer);
  return answer;
}

interface VisibleCacheEntry {
  readonly transfers: ReadonlyMap<TransferId, TransferRow>;
  readonly filter: AppState['queueFilter'];
  readonly ids: readonly TransferId[];
}

const visibleCache = new WeakMap<readonly TransferId[], VisibleCacheEntry>();

function sameIds(a: readonly TransferId[], b: readonly TransferId[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The ids the current filter shows, in queue order: the queue's own order for `all`; otherwise the same
 * array for as long as the filtered ids stay the same (progress does not change them).
 */
export function selectVisibleIds(state: AppState): readonly TransferId[] {
  const filter = state.queueFilter;
  if (filter === 'all') return state.order;
  const cached = visibleCache.get(state.order);
  if (cached !== undefined && cached.transfers === state.transfers && cached.filter === filter) return cached.ids;
  const ids = state.order.filter((id) => {
    const row = state.transfers.get(id);
    return row !== undefined && filterOf(row.state.kind) === filter;
  });
  const stable = cached !== undefined && cached.filter === filter && sameIds(cached.ids, ids) ? cached.ids : ids;
  visibleCache.set(state.order, { transfers: state.transfers, filter, ids: stable });
  return stable;
}

/** Everything on its way into the queue, summed over the batches. */
export type StagingSummary =
  | { readonly kind: 'staging'; readonly filesDone: number; readonly filesTotal: number; readonly bytesSent: number; readonly bytesTotal: number }
  /** Every batch is staged; the host is adding the files to the queue. */
  | { readonly kind: 'enqueueing' };

const stagingCache = new WeakMap<readonly StagingBatch[], StagingSummary | undefined>();

/** Where the batches on their way are; undefined when there are none. */
export function selectStaging(state: AppState): StagingSummary | undefined {
  if (state.staging.length === 0) return undefined;
  if (stagingCache.has(state.staging)) return stagingCache.get(state.staging);
  let staging = false;
  let filesDone = 0;
  let filesTotal = 0;
  let bytesSent = 0;
  let bytesTotal = 0;
  for (const { phase } of state.staging) {
    if (phase.kind !== 'staging') continue;
    staging = true;
    filesDone += phase.progress.filesDone;
    filesTotal += phase.progress.filesTotal;
    bytesSent += phase.progress.bytesSent;
    bytesTotal += phase.progress.bytesTotal;
  }
  const summary: StagingSummary = staging ? { kind: 'staging', filesDone, filesTotal, bytesSent, bytesTotal } : { kind: 'enqueueing' };
  stagingCache.set(state.staging, summary);
  return summary;
}

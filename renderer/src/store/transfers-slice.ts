/**
 * The queue as the page shows it: a projection of the host's transfer engine, kept current by a snapshot
 * and then by progress batches and events (never edited by the page itself).
 *
 * - `seq` orders everything: anything at or below the last applied `seq` is stale and dropped.
 * - A progress batch is one `set()`, and replaces only the rows it names: other rows keep their identity,
 *   so their components do not re-render.
 * - Rows live in a Map (not an object), so no id can reach a prototype.
 * - Big queues are updated in bursts: each update copies the rows map and everything derived from it is
 *   recounted, so with thousands of rows and one message per event (a 10,000-file drop sends 10,000
 *   `added` events, then two state events per file) applying each at once would cost the square of the
 *   queue. From {@link COALESCE_FROM_ROWS} rows on, updates wait up to {@link COALESCE_MS} and are applied
 *   together, in order, in one `set()`. Smaller queues update at once.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ProgressBatch, QueueTotals, TransferEvent, TransferId, TransferSnapshot, TransferView } from '../../../electron/shared/transfer.js';

/** One row: the transfer, with its speed and time left while it moves. */
export interface TransferRow extends TransferView {
  /** Smoothed bytes per second (0 when not moving). */
  readonly bytesPerSecond: number;
  readonly etaSeconds?: number;
}

/** See the module comment. */
export interface TransfersSlice {
  readonly transfers: ReadonlyMap<TransferId, TransferRow>;
  /** Queue order. */
  readonly order: readonly TransferId[];
  /** The host's totals from the last snapshot or batch (speed and time left; counts are derived from rows). */
  readonly totals: QueueTotals;
  /** The last `seq` applied; -1 before the first snapshot. */
  readonly lastSeq: number;
  /** Replaces the queue with a snapshot. */
  readonly hydrate: (snapshot: TransferSnapshot) => void;
  readonly applyProgress: (batch: ProgressBatch) => void;
  readonly applyEvents: (events: readonly TransferEvent[]) => void;
}

/** Totals of an empty queue. */
export const EMPTY_TOTALS: QueueTotals = { files: 0, filesDone: 0, filesFailed: 0, bytesTotal: 0, bytesSent: 0, bytesPerSecond: 0 };

/**
 * Why 1,000 rows: below it an update costs well under a millisecond, so updates are applied at once; above
 * it copying and recounting on every message adds up to whole seconds for a big drop.
 */
export const COALESCE_FROM_ROWS = 1000;

/** Why 50 ms: twenty updates a second still read as live, and a 10,000-row queue then costs a few percent of the main thread. */
export const COALESCE_MS = 50;

/** An update from the host, as bind-store.ts hands it over. */
type HostUpdate = { readonly kind: 'progress'; readonly batch: ProgressBatch } | { readonly kind: 'events'; readonly events: readonly TransferEvent[] };

type QueueState = Pick<TransfersSlice, 'transfers' | 'order' | 'totals' | 'lastSeq'>;

function rowOf(view: TransferView): TransferRow {
  return { ...view, bytesPerSecond: 0 };
}

/** `row` with a new state (a row that stopped moving has no speed; a done row has sent everything). */
function withState(row: TransferRow, event: Extract<TransferEvent, { kind: 'state' }>): TransferRow {
  const { etaSeconds: _eta, ...rest } = row;
  const moving = event.state.kind === 'uploading';
  return {
    ...(moving ? row : rest),
    state: event.state,
    key: event.key,
    bytesPerSecond: moving ? row.bytesPerSecond : 0,
    bytesSent: event.state.kind === 'done' ? row.size : event.state.kind === 'queued' ? 0 : row.bytesSent,
  };
}

/**
 * `updates` applied to `state` in order, with one copy of the rows map and one pass over the order
 * whatever their number; undefined when every update was stale.
 */
export function applyHostUpdates(state: QueueState, updates: readonly HostUpdate[]): QueueState | undefined {
  let lastSeq = state.lastSeq;
  let totals = state.totals;
  let transfers: Map<TransferId, TransferRow> | undefined;
  const added: TransferId[] = [];
  let removed = false;
  const rows = (): Map<TransferId, TransferRow> => (transfers ??= new Map(state.transfers));
  for (const update of updates) {
    if (update.kind === 'progress') {
      const { batch } = update;
      if (batch.seq <= lastSeq) continue;
      const map = rows();
      for (const sample of batch.samples) {
        const row = map.get(sample.id);
        if (row === undefined || row.state.kind !== 'uploading') continue;
        const { etaSeconds: _eta, ...rest } = row;
        map.set(sample.id, {
          ...rest,
          bytesSent: sample.bytesSent,
          bytesPerSecond: sample.bytesPerSecond,
          ...(sample.etaSeconds === undefined ? {} : { etaSeconds: sample.etaSeconds }),
        });
      }
      totals = batch.totals;
      lastSeq = batch.seq;
      continue;
    }
    for (const event of update.events) {
      if (event.seq <= lastSeq) continue;
      lastSeq = event.seq;
      const map = rows();
      if (event.kind === 'added') {
        if (!map.has(event.transfer.id)) added.push(event.transfer.id);
        map.set(event.transfer.id, rowOf(event.transfer));
      } else if (event.kind === 'removed') {
        removed = map.delete(event.id) || removed;
      } else {
        const row = map.get(event.id);
        if (row !== undefined) map.set(event.id, withState(row, event));
      }
    }
  }
  if (transfers === undefined) return undefined;
  const map = transfers;
  const order = added.length === 0 && !removed ? state.order : [...state.order, ...added].filter((id) => !removed || map.has(id));
  return { transfers: map, order, totals, lastSeq };
}

/** The transfers slice. */
export const createTransfersSlice: StateCreator<TransfersSlice, [], [], TransfersSlice> = (set, get) => {
  let pending: HostUpdate[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const updates = pending;
    pending = [];
    const next = applyHostUpdates(get(), updates);
    if (next !== undefined) set(next);
  };
  const receive = (update: HostUpdate): void => {
    if (pending.length === 0 && get().transfers.size < COALESCE_FROM_ROWS) {
      const next = applyHostUpdates(get(), [update]);
      if (next !== undefined) set(next);
      return;
    }
    pending.push(update);
    timer ??= setTimeout(flush, COALESCE_MS);
  };

  return {
    transfers: new Map(),
    order: [],
    totals: EMPTY_TOTALS,
    lastSeq: -1,

    // Updates still waiting stay waiting: those the snapshot covers are dropped by `seq` when they are applied.
    hydrate: (snapshot) =>
      set({
        transfers: new Map(snapshot.transfers.map((view) => [view.id, rowOf(view)])),
        order: snapshot.transfers.map((view) => view.id),
        totals: snapshot.totals,
        lastSeq: snapshot.seq,
      }),
    applyProgress: (batch) => receive({ kind: 'progress', batch }),
    applyEvents: (events) => receive({ kind: 'events', events }),
  };
};

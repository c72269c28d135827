/**
 * The queue as the page shows it: a projection of the host's transfer engine, kept current by a snapshot
 * and then by progress batches and events (never edited by the page itself).
 *
 * - `seq` orders everything: anything at or below the last applied `seq` is stale and dropped.
 * - A progress batch is one `set()`, and replaces only the rows it names: other rows keep their identity,
 *   so their components do not re-render.
 * - Rows live in a Map (not an object), so no id can reach a prototype.
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

/** The transfers slice. */
export const createTransfersSlice: StateCreator<TransfersSlice, [], [], TransfersSlice> = (set) => ({
  transfers: new Map(),
  order: [],
  totals: EMPTY_TOTALS,
  lastSeq: -1,

  hydrate: (snapshot) =>
    set({
      transfers: new Map(snapshot.transfers.map((view) => [view.id, rowOf(view)])),
      order: snapshot.transfers.map((view) => view.id),
      totals: snapshot.totals,
      lastSeq: snapshot.seq,
    }),

  applyProgress: (batch) =>
    set((state) => {
      if (batch.seq <= state.lastSeq) return state;
      const transfers = new Map(state.transfers);
      for (const sample of batch.samples) {
        const row = transfers.get(sample.id);
        if (row === undefined || row.state.kind !== 'uploading') continue;
        const { etaSeconds: _eta, ...rest } = row;
        transfers.set(sample.id, {
          ...rest,
          bytesSent: sample.bytesSent,
          bytesPerSecond: sample.bytesPerSecond,
          ...(sample.etaSeconds === undefined ? {} : { etaSeconds: sample.etaSeconds }),
        });
      }
      return { transfers, totals: batch.totals, lastSeq: batch.seq };
    }),

  applyEvents: (events) =>
    set((state) => {
      const fresh = events.filter((event) => event.seq > state.lastSeq);
      if (fresh.length === 0) return state;
      const transfers = new Map(state.transfers);
      const added: TransferId[] = [];
      let removed = false;
      for (const event of fresh) {
        if (event.kind === 'added') {
          if (!transfers.has(event.transfer.id)) added.push(event.transfer.id);
          transfers.set(event.transfer.id, rowOf(event.transfer));
        } else if (event.kind === 'removed') {
          removed = transfers.delete(event.id) || removed;
        } else {
          const row = transfers.get(event.id);
          if (row !== undefined) transfers.set(event.id, withState(row, event));
        }
      }
      // One pass over the order per call, whatever the number of events (a big drop adds thousands).
      const order = added.length === 0 && !removed ? state.order : [...state.order, ...added].filter((id) => !removed || transfers.has(id));
      return { transfers, order, lastSeq: Math.max(...fresh.map((event) => event.seq)) };
    }),
});

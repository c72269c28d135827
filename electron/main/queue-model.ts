/**
 * Main's own view of the queue, for the parts of the shell that show or act on activity without a window:
 * the tray (tooltip, icon, recent uploads), closing to the tray, the quit guard and notifications. Built
 * from a snapshot and kept current by the app's events, the same way the renderer does it.
 */
import type { ErrorInfo } from '../shared/errors.js';
import type { QueueTotals, TransferEvent, TransferSnapshot, TransferStateKind, UploadResult } from '../shared/transfer.js';
import type { ServicesPort } from './services-port.js';

/** The queue at a glance. */
export interface QueueActivity {
  /** Transfers queued, uploading or waiting to retry: what quitting would interrupt. */
  readonly active: number;
  readonly paused: number;
  readonly failed: number;
  /** Whole percent of the queue's bytes sent, while anything is active. */
  readonly percent?: number;
}

/** A transfer that just reached `done` or `failed`. */
export type FinishedTransfer =
  | { readonly kind: 'done'; readonly id: string; readonly name: string; readonly result: UploadResult }
  | { readonly kind: 'failed'; readonly id: string; readonly name: string; readonly error: ErrorInfo };

const ACTIVE_KINDS: ReadonlySet<TransferStateKind> = new Set(['queued', 'uploading', 'waiting-retry']);

interface Row {
  name: string;
  kind: TransferStateKind;
}

/** See the module comment. */
export class QueueModel {
  readonly #rows = new Map<string, Row>();
  readonly #changeListeners = new Set<() => void>();
  readonly #finishListeners = new Set<(finished: readonly FinishedTransfer[]) => void>();
  readonly #unsubscribe: (() => void)[] = [];
  #totals: QueueTotals | undefined;
  #seq = -1;

  private constructor() {}

  /** Subscribes first, then reads the snapshot, so no event falls between the two. */
  static async start(services: Pick<ServicesPort, 'on' | 'snapshot'>): Promise<QueueModel> {
    const model = new QueueModel();
    let early: (readonly TransferEvent[])[] | undefined = [];
    model.#unsubscribe.push(
      services.on('transfers:events', (events) => (early === undefined ? model.#apply(events) : early.push(events))),
      services.on('transfers:progress', (batch) => {
        model.#totals = batch.totals;
        model.#changed();
      }),
    );
    model.#load(await services.snapshot());
    const buffered = early;
    early = undefined;
    for (const events of buffered) model.#apply(events);
    return model;
  }

  /** Activity now. */
  activity(): QueueActivity {
    let active = 0;
    let paused = 0;
    let failed = 0;
    for (const row of this.#rows.values()) {
      if (ACTIVE_KINDS.has(row.kind)) active++;
      else if (row.kind === 'paused') paused++;
      else if (row.kind === 'failed') failed++;
    }
    const totals = this.#totals;
    const percent =
      active > 0 && totals !== undefined && totals.bytesTotal > 0
        ? Math.min(100, Math.floor((totals.bytesSent / totals.bytesTotal) * 100))
        : undefined;
    return percent === undefined ? { active, paused, failed } : { active, paused, failed, percent };
  }

  /** Called after anything changed (often: progress comes about five times a second). */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => void this.#changeListeners.delete(listener);
  }

  /** Called with the transfers that reached `done` or `failed` in one batch of events, in order. */
  onFinished(listener: (finished: readonly FinishedTransfer[]) => void): () => void {
    this.#finishListeners.add(listener);
    return () => void this.#finishListeners.delete(listener);
  }

  /** Stops listening to the app. */
  dispose(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.#changeListeners.clear();
    this.#finishListeners.clear();
  }

  #load(snapshot: TransferSnapshot): void {
    this.#seq = snapshot.seq;
    this.#totals = snapshot.totals;
    for (const view of snapshot.transfers) this.#rows.set(view.id, { name: view.name, kind: view.state.kind });
    this.#changed();
  }

  #apply(events: readonly TransferEvent[]): void {
    const finished: FinishedTransfer[] = [];
    for (const event of events) {
      if (event.seq <= this.#seq) continue;
      this.#seq = event.seq;
      if (event.kind === 'added') {
        this.#rows.set(event.transfer.id, { name: event.transfer.name, kind: event.transfer.state.kind });
      } else if (event.kind === 'removed') {
        this.#rows.delete(event.id);
      } else {
        const row = this.#rows.get(event.id);
        const name = row?.name ?? event.key.split('/').pop() ?? event.key;
        this.#rows.set(event.id, { name, kind: event.state.kind });
        if (event.state.kind === 'done') finished.push({ kind: 'done', id: event.id, name, result: event.state.result });
        if (event.state.kind === 'failed') finished.push({ kind: 'failed', id: event.id, name, error: event.state.error });
      }
    }
    this.#changed();
    if (finished.length > 0) for (const listener of [...this.#finishListeners]) listener(finished);
  }

  #changed(): void {
    for (const listener of [...this.#changeListeners]) listener();
  }
}

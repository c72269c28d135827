/**
 * A TransferEngine whose events, progress, queue and idleness the test drives by hand.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProgressBatch, TransferEvent, TransferSnapshot, TransferView } from '../../../../electron/shared/transfer.js';
import type { Destination, EngineSettings, EnqueueResult, TransferEngine } from '../../../../electron/core/transfer/engine/index.js';

const TOTALS = { files: 0, filesDone: 0, filesFailed: 0, bytesTotal: 0, bytesSent: 0, bytesPerSecond: 0 };

/** See the module comment. */
export class FakeEngine implements TransferEngine {
  settings: EngineSettings;
  /** Set to make `updateSettings` throw it (an engine refusing a setting). */
  refuseSettings: Error | undefined;
  readonly startupProblems: ErrorInfo[] = [];
  readonly calls: string[] = [];
  transfers: TransferView[] = [];
  seq = 0;
  closed = false;
  #events = new Set<(event: TransferEvent) => void>();
  #progress = new Set<(batch: ProgressBatch) => void>();
  #idle: Promise<void> = Promise.resolve();
  /** What `enqueue` does; default: adds nothing. */
  onEnqueue: (paths: readonly string[], destination: Destination) => Promise<EnqueueResult> = () =>
    Promise.resolve({ added: 0, ids: [], problems: [], alreadyQueued: 0 });

  constructor(settings: EngineSettings) {
    this.settings = settings;
  }

  /** Emits an event with the next seq. */
  event(event: Omit<Extract<TransferEvent, { kind: 'added' }>, 'seq'> | Omit<Extract<TransferEvent, { kind: 'removed' }>, 'seq'>): void {
    const full = { ...event, seq: ++this.seq } as TransferEvent;
    if (full.kind === 'added') this.transfers.push(full.transfer);
    if (full.kind === 'removed') this.transfers = this.transfers.filter((t) => t.id !== full.id);
    for (const listener of this.#events) listener(full);
  }

  /** Emits a progress batch with the next seq. */
  progress(): void {
    const batch: ProgressBatch = { seq: ++this.seq, samples: [], totals: TOTALS };
    for (const listener of this.#progress) listener(batch);
  }

  /** Makes `whenIdle` wait for `until`. */
  busyUntil(until: Promise<void>): void {
    this.#idle = until;
  }

  enqueue(paths: readonly string[], destination: Destination): Promise<EnqueueResult> {
    this.calls.push('enqueue');
    return this.onEnqueue(paths, destination);
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
  cancel(): void {
    this.calls.push('cancel');
  }
  retry(): void {
    this.calls.push('retry');
  }
  remove(id: string): void {
    this.calls.push(`remove ${id}`);
    this.event({ kind: 'removed', id });
  }
  clearFinished(): void {
    this.calls.push('clearFinished');
  }
  updateSettings(settings: EngineSettings): void {
    if (this.refuseSettings !== undefined) throw this.refuseSettings;
    this.calls.push('updateSettings');
    this.settings = settings;
  }
  snapshot(): TransferSnapshot {
    return { seq: this.seq, transfers: [...this.transfers], totals: TOTALS };
  }
  onProgress(listener: (batch: ProgressBatch) => void): () => void {
    this.#progress.add(listener);
    return () => void this.#progress.delete(listener);
  }
  onEvent(listener: (event: TransferEvent) => void): () => void {
    this.#events.add(listener);
    return () => void this.#events.delete(listener);
  }
  whenIdle(): Promise<void> {
    return this.#idle;
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A transfer view for `added` events. */
export function view(id: string): TransferView {
  return { id, path: `/tmp/${id}`, name: id, key: id, bucket: 'b', size: 1, bytesSent: 0, state: { kind: 'queued' } };
}

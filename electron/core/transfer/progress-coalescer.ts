/**
 * Merges per-transfer progress samples into one batch for the whole queue about five times a second,
 * however many files are moving, so the window (over IPC or WebSocket) gets a steady, small stream.
 *
 * - Last write wins per transfer id: a batch holds each moving transfer once, with its latest sample.
 * - One timer, armed by the first sample after a batch; no samples, no timer, no batches.
 * - State changes are never coalesced: call {@link ProgressCoalescer.flush} before emitting one, so the
 *   consumer sees the progress that led to a state before the state (progress → done).
 * - Every batch takes its `seq` from a counter shared with the state events, so a consumer can order
 *   batches and events together and drop anything older than its snapshot.
 */
import type { ProgressBatch, ProgressSample, QueueTotals, TransferId } from '../../shared/transfer.js';

/**
 * Time between batches. Why 200 ms: five updates a second reads as smooth motion for progress bars and
 * numbers, while a queue of thousands of files costs the renderer at most five store updates a second.
 * There is deliberately no "flush at N ids" limit: a batch of 10,000 samples is about 1 MB of JSON five
 * times a second at worst, whereas a size trigger would break the rate promise for large queues.
 */
export const PROGRESS_INTERVAL_MS = 200;

/** The timer functions the coalescer uses; `setTimeout` / `clearTimeout` in production. */
export interface CoalescerScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the coalescer needs. */
export interface ProgressCoalescerOptions {
  /** Receives each batch. */
  readonly emit: (batch: ProgressBatch) => void;
  /** The queue's totals at the moment a batch is made. */
  readonly totals: () => QueueTotals;
  /** The next sequence number, from the counter the state events share. */
  readonly nextSeq: () => number;
  /** Default {@link PROGRESS_INTERVAL_MS}. */
  readonly intervalMs?: number;
  /** For testing. Default: the global timers. */
  readonly scheduler?: CoalescerScheduler;
}

const globalScheduler: CoalescerScheduler = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending progress batch alone must not keep a CLI process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** See the module comment. */
export class ProgressCoalescer {
  readonly #options: ProgressCoalescerOptions;
  readonly #scheduler: CoalescerScheduler;
  readonly #intervalMs: number;
  #pending = new Map<TransferId, ProgressSample>();
  #totalsChanged = false;
  #timer: unknown;
  #armed = false;
  #disposed = false;

  constructor(options: ProgressCoalescerOptions) {
    this.#options = options;
    this.#scheduler = options.scheduler ?? globalScheduler;
    this.#intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  }

  /** Records a sample; replaces any earlier sample of the same transfer not yet sent. */
  add(sample: ProgressSample): void {
    if (this.#disposed) return;
    this.#pending.set(sample.id, sample);
    this.#arm();
  }

  /**
   * Asks for a batch at the next tick even without samples, so the totals (files done, bytes) reach the
   * consumer after a change that comes with no progress, such as the last file finishing.
   */
  markTotalsChanged(): void {
    if (this.#disposed) return;
    this.#totalsChanged = true;
    this.#arm();
  }

  /** Forgets the pending sample of a transfer (it was removed from the queue). */
  forget(id: TransferId): void {
    this.#pending.delete(id);
  }

  /**
   * Emits what is pending now (nothing when nothing is) and disarms the timer. Call it right before
   * emitting a state event.
   */
  flush(): void {
    if (this.#armed) {
      this.#scheduler.clearTimeout(this.#timer);
      this.#armed = false;
    }
    if (this.#disposed || (this.#pending.size === 0 && !this.#totalsChanged)) return;
    const samples = [...this.#pending.values()];
    // Cleared before emitting, so a consumer that throws or adds samples from its callback cannot wedge us.
    this.#pending = new Map();
    this.#totalsChanged = false;
    this.#options.emit({ seq: this.#options.nextSeq(), samples, totals: this.#options.totals() });
  }

  /** Stops the timer and drops what is pending; later calls do nothing. */
  dispose(): void {
    if (this.#armed) this.#scheduler.clearTimeout(this.#timer);
    this.#armed = false;
    this.#disposed = true;
    this.#pending.clear();
  }

  #arm(): void {
    if (this.#armed) return;
    this.#armed = true;
    this.#timer = this.#scheduler.setTimeout(() => {
      this.#armed = false;
      this.flush();
    }, this.#intervalMs);
  }
}

/** A sequence counter to share between progress batches and state events: 1, 2, 3, ... */
export function createSequence(start = 0): () => number {
  let current = start;
  return () => ++current;
}

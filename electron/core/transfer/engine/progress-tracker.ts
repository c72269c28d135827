/**
 * Bytes, smoothed speed and time left, per transfer and for the whole queue, fed to the progress
 * coalescer. Queue totals are kept as running sums (each transfer adds its share and takes it back
 * around every change), so a batch costs the same for 10 files or 100,000, and speed meters exist only
 * for transfers that are moving.
 */
import type { ProgressBatch, QueueTotals, TransferId, TransferState } from '../../../shared/transfer.js';
import { ProgressCoalescer, type CoalescerScheduler } from '../progress-coalescer.js';
import { SpeedMeter } from '../speed-meter.js';
import type { TransferItem } from './transfer-item.js';

/** What one transfer adds to the totals. */
interface Share {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly sent: number;
  /** Bytes still to send (unfinished transfers only). */
  readonly pending: number;
  /** 1 while queued or moving: what keeps the engine from being idle. */
  readonly active: number;
}

function isActive(state: TransferState): boolean {
  return state.kind === 'queued' || state.kind === 'uploading' || state.kind === 'waiting-retry';
}

function shareOf(item: TransferItem): Share {
  const kind = item.state.kind;
  const counted = kind !== 'canceled' && kind !== 'skipped';
  const finished = kind === 'done' || kind === 'skipped' || kind === 'failed' || kind === 'canceled';
  return {
    done: kind === 'done' || kind === 'skipped' ? 1 : 0,
    failed: kind === 'failed' ? 1 : 0,
    total: counted ? item.size : 0,
    sent: counted ? item.bytesSent : 0,
    pending: finished ? 0 : Math.max(0, item.size - item.bytesSent),
    active: isActive(item.state) ? 1 : 0,
  };
}

/** What the tracker needs. */
export interface ProgressTrackerOptions {
  readonly now: () => number;
  readonly scheduler: CoalescerScheduler;
  readonly emit: (batch: ProgressBatch) => void;
  readonly nextSeq: () => number;
}

/** See the module comment. */
export class ProgressTracker {
  #files = 0;
  #done = 0;
  #failed = 0;
  #total = 0;
  #sent = 0;
  #pending = 0;
  #active = 0;
  /** Every byte that left, re-sends included: what the queue's speed is measured on. */
  #moved = 0;
  readonly #meters = new Map<TransferId, SpeedMeter>();
  readonly #queueMeter: SpeedMeter;
  readonly #coalescer: ProgressCoalescer;
  readonly #now: () => number;

  constructor(options: ProgressTrackerOptions) {
    this.#now = options.now;
    this.#queueMeter = new SpeedMeter({ now: options.now });
    this.#coalescer = new ProgressCoalescer({ emit: options.emit, nextSeq: options.nextSeq, totals: () => this.totals(), scheduler: options.scheduler });
  }

  /** Transfers queued or moving. */
  get active(): number {
    return this.#active;
  }

  /** Counts `item` in the totals (a new transfer, or after a change). */
  include(item: TransferItem): void {
    this.#apply(shareOf(item), 1);
  }

  /** Takes `item` out of the totals (before a change, or when it is removed). */
  exclude(item: TransferItem): void {
    this.#apply(shareOf(item), -1);
  }

  #apply(share: Share, sign: 1 | -1): void {
    this.#files += sign;
    this.#done += sign * share.done;
    this.#failed += sign * share.failed;
    this.#total += sign * share.total;
    this.#sent += sign * share.sent;
    this.#pending += sign * share.pending;
    this.#active += sign * share.active;
  }

  /** Records `bytesSent` for `item` and queues a sample for the next batch. */
  bytes(item: TransferItem, bytesSent: number): void {
    if (bytesSent === item.bytesSent) return;
    this.#moved += Math.max(0, bytesSent - item.bytesSent);
    this.exclude(item);
    item.bytesSent = bytesSent;
    this.include(item);
    let meter = this.#meters.get(item.id);
    if (meter === undefined) {
      meter = new SpeedMeter({ now: this.#now });
      this.#meters.set(item.id, meter);
    }
    meter.update(bytesSent);
    this.#queueMeter.update(this.#moved);
    const eta = meter.etaSeconds(item.size);
    this.#coalescer.add({ id: item.id, bytesSent, bytesPerSecond: meter.bytesPerSecond(), ...(eta === undefined ? {} : { etaSeconds: eta }) });
  }

  /** Drops the speed meter of a transfer that stopped moving. */
  stopped(id: TransferId): void {
    this.#meters.delete(id);
  }

  /** Drops everything about a removed transfer. */
  forget(id: TransferId): void {
    this.#meters.delete(id);
    this.#coalescer.forget(id);
  }

  /** The whole queue now. */
  totals(): QueueTotals {
    const speed = this.#active === 0 ? 0 : this.#queueMeter.bytesPerSecond();
    // Why 1 B/s: slower than that the time left means nothing (as in the speed meter).
    const eta = this.#pending === 0 ? 0 : speed >= 1 ? Math.ceil(this.#pending / speed) : undefined;
    return {
      files: this.#files,
      filesDone: this.#done,
      filesFailed: this.#failed,
      bytesTotal: this.#total,
      bytesSent: this.#sent,
      bytesPerSecond: speed,
      ...(eta === undefined ? {} : { etaSeconds: eta }),
    };
  }

  /** Sends pending samples now: call before every state event, so progress comes before the state it led to. */
  flush(): void {
    this.#coalescer.flush();
  }

  /** Asks for a batch soon even without samples (the totals changed). */
  totalsChanged(): void {
    this.#coalescer.markTotalsChanged();
  }

  /** Stops the timer; nothing more is sent. */
  dispose(): void {
    this.#coalescer.dispose();
  }
}

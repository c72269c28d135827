/**
 * The queue's truth: every transfer record in queue order, which of them wait for a slot, the shared
 * sequence, and the events. Every state change goes through {@link TransferQueue.apply}, which runs the
 * pure `transition`, keeps the totals right, flushes pending progress and then emits the state event at
 * once, so consumers always see progress → state, with `seq` strictly increasing across both.
 */
import type { ProgressBatch, TransferEvent, TransferId, TransferSnapshot, TransferView } from '../../../shared/transfer.js';
import type { EngineClock } from './engine-types.js';
import { ProgressTracker } from './progress-tracker.js';
import { transition, type TransitionEvent } from './transition.js';
import { viewOf, type TransferItem } from './transfer-item.js';

/** What the queue reports to. */
export interface TransferQueueOptions {
  readonly clock: EngineClock;
  readonly emitEvent: (event: TransferEvent) => void;
  readonly emitProgress: (batch: ProgressBatch) => void;
  /** Something that the saved queue holds changed (membership, state, key). */
  readonly onChanged: () => void;
}

/** See the module comment. */
export class TransferQueue {
  /** Insertion order is queue order. */
  readonly #items = new Map<TransferId, TransferItem>();
  /**
   * Transfers in state `queued`, in the order they became so: the scheduler takes from the front. A FIFO
   * with lazy deletion (an entry counts only while its ticket is the transfer's current one), because
   * taking the first entry of a Set after many deletions is O(n) in V8, O(n²) for a 100,000-file drain.
   */
  readonly #waiting: { readonly id: TransferId; readonly ticket: number }[] = [];
  #head = 0;
  readonly #tickets = new Map<TransferId, number>();
  #ticket = 0;
  readonly #options: TransferQueueOptions;
  readonly tracker: ProgressTracker;
  #seq = 0;
  /**
   * Every transfer's view in queue order, kept between snapshots (undefined: made afresh at the next).
   * Why: consumers take a snapshot per event (the CLI's --json output, one per finished file), and making
   * every view each time cost O(files²): 4 million views for 2,000 files, about a tenth of the CLI's main
   * thread in the small-file benchmark. Now a snapshot refreshes only the views of transfers that changed.
   */
  #views: TransferView[] | undefined;
  /** Where each transfer's view is in {@link #views}. */
  readonly #slots = new Map<TransferId, number>();
  /** Transfers changed since the last snapshot. */
  readonly #changed = new Set<TransferItem>();

  constructor(options: TransferQueueOptions) {
    this.#options = options;
    this.tracker = new ProgressTracker({
      now: () => options.clock.now(),
      scheduler: options.clock,
      emit: options.emitProgress,
      nextSeq: () => ++this.#seq,
    });
  }

  /** The last sequence number handed out. */
  get seq(): number {
    return this.#seq;
  }

  /** Number of transfers. */
  get size(): number {
    return this.#items.size;
  }

  /** The transfer with `id`. */
  get(id: TransferId): TransferItem | undefined {
    return this.#items.get(id);
  }

  /** Every transfer, in queue order. */
  values(): IterableIterator<TransferItem> {
    return this.#items.values();
  }

  /** Adds a transfer; `announce` emits `added` (restored transfers are not announced: the snapshot has them). */
  add(item: TransferItem, announce: boolean): void {
    if (this.#views !== undefined && !this.#items.has(item.id)) {
      this.#slots.set(item.id, this.#views.length);
      this.#views.push(viewOf(item));
    } else {
      this.#views = undefined;
    }
    this.#items.set(item.id, item);
    if (item.state.kind === 'queued') this.#wait(item.id);
    this.tracker.include(item);
    this.tracker.totalsChanged();
    if (announce) this.#emit({ kind: 'added', seq: ++this.#seq, transfer: viewOf(item) });
    this.#options.onChanged();
  }

  /** Applies `event` to `item`; false (and nothing happens) when it does not apply in the current state. */
  apply(item: TransferItem, event: TransitionEvent): boolean {
    const next = transition(item.state, event);
    if (next === undefined) return false;
    const wasMoving = item.state.kind === 'uploading' || item.state.kind === 'waiting-retry';
    this.tracker.exclude(item);
    item.state = next;
    this.tracker.include(item);
    this.#changed.add(item);
    if (next.kind === 'queued') this.#wait(item.id);
    else this.#tickets.delete(item.id);
    if (wasMoving && next.kind !== 'uploading' && next.kind !== 'waiting-retry') this.tracker.stopped(item.id);
    this.tracker.flush();
    this.#emit({ kind: 'state', seq: ++this.#seq, id: item.id, state: next, key: item.key });
    this.tracker.totalsChanged();
    this.#options.onChanged();
    return true;
  }

  /** Records the transfer's key (announced with its next state event). */
  setKeys(item: TransferItem, baseKey: string, key: string): void {
    item.baseKey = baseKey;
    item.key = key;
    this.#changed.add(item);
    this.#options.onChanged();
  }

  /** Records a new size and modification time (the file changed before its upload started from scratch). */
  setFile(item: TransferItem, size: number, mtimeMs: number): void {
    this.tracker.exclude(item);
    item.size = size;
    item.mtimeMs = mtimeMs;
    this.tracker.include(item);
    this.#changed.add(item);
    this.#options.onChanged();
  }

  /** Records the bytes sent so far (progress; not saved, so the saved queue is not marked changed). */
  setBytes(item: TransferItem, bytesSent: number): void {
    this.tracker.bytes(item, bytesSent);
    this.#changed.add(item);
  }

  /** Removes a transfer and emits `removed`; false when there is none. */
  remove(id: TransferId): boolean {
    const item = this.#items.get(id);
    if (item === undefined) return false;
    this.#items.delete(id);
    this.#tickets.delete(id);
    // Rare (remove, clear finished): the list is made afresh at the next snapshot.
    this.#views = undefined;
    this.#changed.delete(item);
    this.tracker.exclude(item);
    this.tracker.forget(id);
    this.tracker.flush();
    this.#emit({ kind: 'removed', seq: ++this.#seq, id });
    this.tracker.totalsChanged();
    this.#options.onChanged();
    return true;
  }

  /** The transfer waiting longest for a slot (it stays first until it leaves `queued`). */
  nextWaiting(): TransferItem | undefined {
    // Drop the spent entries before the head now and then. Why 1024 and half: the copy is amortised to nothing.
    if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
      this.#waiting.splice(0, this.#head);
      this.#head = 0;
    }
    for (; this.#head < this.#waiting.length; this.#head++) {
      const entry = this.#waiting[this.#head];
      if (entry !== undefined && this.#tickets.get(entry.id) === entry.ticket) return this.#items.get(entry.id);
    }
    return undefined;
  }

  #wait(id: TransferId): void {
    const ticket = ++this.#ticket;
    this.#tickets.set(id, ticket);
    this.#waiting.push({ id, ticket });
  }

  /** Everything a new view needs, at the current `seq`. */
  snapshot(): TransferSnapshot {
    this.tracker.flush();
    let views = this.#views;
    if (views === undefined) {
      views = [];
      this.#slots.clear();
      for (const item of this.#items.values()) {
        this.#slots.set(item.id, views.length);
        views.push(viewOf(item));
      }
      this.#views = views;
    } else {
      for (const item of this.#changed) {
        const slot = this.#slots.get(item.id);
        if (slot !== undefined) views[slot] = viewOf(item);
      }
    }
    this.#changed.clear();
    return { seq: this.#seq, transfers: views.slice(), totals: this.tracker.totals() };
  }

  #emit(event: TransferEvent): void {
    this.#options.emitEvent(event);
  }
}

/**
 * Sends the app's events to the main window, as they come and in order (Electron keeps the order of
 * messages to one web contents).
 *
 * While the window is hidden (closed to the tray) or minimised, progress is not sent: batches are merged
 * instead, the newest sample per transfer winning (the coalescer's own rule), and the one merged batch goes
 * out when the window shows again. A transfer that changed state or was removed meanwhile drops out of the
 * merge, so stale bytes never follow its final state. Transfer events and notices always go out: they are
 * few, and the renderer must not miss one. A page that loads (or reloads) catches up from
 * `transfers:snapshot`, so nothing is queued for a window that is not there.
 */
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNELS, type EventChannel, type EventMap } from '../../shared/ipc/channels.js';
import type { ProgressBatch, ProgressSample, TransferEvent } from '../../shared/transfer.js';
import type { Disposable } from '../disposable.js';
import type { ServicesPort } from '../services-port.js';

/** The window events are sent to, as far as this module needs it. */
export type EventWindow = Pick<BrowserWindow, 'isDestroyed' | 'isVisible' | 'isMinimized' | 'on' | 'removeListener'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'send'>;
};

/** Progress held back while the window is hidden. */
class HeldProgress {
  readonly #samples = new Map<string, ProgressSample>();
  #last: ProgressBatch | undefined;

  add(batch: ProgressBatch): void {
    for (const sample of batch.samples) this.#samples.set(sample.id, sample);
    this.#last = batch;
  }

  forget(events: readonly TransferEvent[]): void {
    for (const event of events) if (event.kind !== 'added') this.#samples.delete(event.id);
  }

  /** The merged batch (the newest `seq` and totals), or undefined when nothing was held; empties the hold. */
  take(): ProgressBatch | undefined {
    const last = this.#last;
    if (last === undefined) return undefined;
    const merged: ProgressBatch = { seq: last.seq, totals: last.totals, samples: [...this.#samples.values()] };
    this.#samples.clear();
    this.#last = undefined;
    return merged;
  }
}

/** See the module comment. */
export class EventForwarder implements Disposable {
  readonly #unsubscribe: (() => void)[] = [];
  readonly #held = new HeldProgress();
  #window: EventWindow | undefined;
  readonly #flush = (): void => this.#release();

  constructor(services: Pick<ServicesPort, 'on'>) {
    for (const channel of EVENT_CHANNELS) {
      this.#unsubscribe.push(services.on(channel, (payload: EventMap[typeof channel]) => this.#deliver(channel, payload)));
    }
  }

  /** Sends to `window` from now on (undefined: to nobody). */
  setWindow(window: EventWindow | undefined): void {
    if (this.#window !== undefined && !this.#window.isDestroyed()) {
      this.#window.removeListener('show', this.#flush);
      this.#window.removeListener('restore', this.#flush);
    }
    this.#window = window;
    window?.on('show', this.#flush);
    window?.on('restore', this.#flush);
  }

  dispose(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.setWindow(undefined);
  }

  #deliver<E extends EventChannel>(channel: E, payload: EventMap[E]): void {
    const window = this.#window;
    if (window === undefined || window.isDestroyed()) return;
    if (channel === 'transfers:progress' && !this.#showing(window)) {
      this.#held.add(payload as ProgressBatch);
      return;
    }
    if (channel === 'transfers:events') this.#held.forget(payload as readonly TransferEvent[]);
    window.webContents.send(channel, payload);
  }

  #showing(window: EventWindow): boolean {
    return window.isVisible() && !window.isMinimized();
  }

  #release(): void {
    const window = this.#window;
    if (window === undefined || window.isDestroyed()) return;
    const merged = this.#held.take();
    if (merged !== undefined) window.webContents.send('transfers:progress', merged);
  }
}

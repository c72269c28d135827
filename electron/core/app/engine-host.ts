/**
 * Holds the transfer engine for the app: forwards its coalesced progress and its events (batched per tick,
 * in order, progress never overtaking an event), and hands it new settings as soon as they are saved: the
 * engine applies them while it runs (TransferEngine.updateSettings), so nothing waits for the queue to
 * empty and no transfer is interrupted.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { ProgressBatch, TransferEvent, TransferSnapshot } from '../../shared/transfer.js';
import type { EngineSettings, TransferEngine } from '../transfer/engine/index.js';

/** What the host is built from. */
export interface EngineHostOptions {
  /** Makes (and restores) the engine with these settings. */
  readonly create: (settings: EngineSettings) => Promise<TransferEngine>;
  readonly settings: EngineSettings;
  readonly onProgress: (batch: ProgressBatch) => void;
  /** Events of one tick, in order. */
  readonly onEvents: (events: readonly TransferEvent[]) => void;
  /** Problems the engine met while restoring its saved queue, or settings it could not apply. */
  readonly onProblems: (problems: readonly ErrorInfo[]) => void;
}

/** See the module comment. */
export class EngineHost {
  readonly #options: EngineHostOptions;
  readonly #engine: TransferEngine;
  #pending: TransferEvent[] = [];
  #flushScheduled = false;
  #unsubscribe: () => void = () => undefined;
  #closed: Promise<void> | undefined;

  private constructor(options: EngineHostOptions, engine: TransferEngine) {
    this.#options = options;
    this.#engine = engine;
    this.#attach(engine);
  }

  /** Makes the engine (restoring the saved queue). */
  static async start(options: EngineHostOptions): Promise<EngineHost> {
    return new EngineHost(options, await options.create(options.settings));
  }

  /** The queue now. */
  snapshot(): TransferSnapshot {
    return this.#engine.snapshot();
  }

  /** Runs `call` against the engine. */
  async use<T>(call: (engine: TransferEngine) => T | Promise<T>): Promise<T> {
    return call(this.#engine);
  }

  /** Applies `settings` now; settings the engine refuses are reported, and the current ones stay. */
  reconfigure(settings: EngineSettings): void {
    try {
      this.#engine.updateSettings(settings);
    } catch (error) {
      this.#options.onProblems([describeFailure(error)]);
    }
  }

  /** Saves the queue (resumable) and stops the engine. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#engine.close();
      this.#flush();
      this.#unsubscribe();
    })();
    return this.#closed;
  }

  #attach(engine: TransferEngine): void {
    const offEvents = engine.onEvent((event) => {
      this.#pending.push(event);
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        queueMicrotask(() => this.#flush());
      }
    });
    const offProgress = engine.onProgress((batch) => {
      // An event that happened before this batch goes first.
      this.#flush();
      this.#options.onProgress(batch);
    });
    this.#unsubscribe = () => {
      offEvents();
      offProgress();
    };
    if (engine.startupProblems.length > 0) this.#options.onProblems(engine.startupProblems);
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.#options.onEvents(events);
  }
}

function describeFailure(error: unknown): ErrorInfo {
  const info = (error as { toInfo?: () => ErrorInfo }).toInfo?.();
  return {
    code: info?.code ?? 'internal',
    message: `The transfer settings could not be applied: ${info?.message ?? (error instanceof Error ? error.message : String(error))}`,
    hint: info?.hint ?? 'The previous settings stay in use; change the setting again, or restart Dropsign.',
  };
}

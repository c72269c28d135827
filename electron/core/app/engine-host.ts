/**
 * Holds the transfer engine for the app: forwards its coalesced progress and its events (batched per tick,
 * in order, progress never overtaking an event), and restarts it when its settings change.
 *
 * The engine takes its settings when it is made, so new ones need a new engine. A restart happens only
 * when the queue is empty and nothing runs in the background (a canceled multipart upload being aborted),
 * so no transfer, row or server-side cleanup is lost: at once when the queue is already empty, otherwise
 * as soon as it has been emptied (clear finished, remove). Until then the running engine keeps its settings.
 *
 * `seq` stays strictly increasing across restarts: each new engine counts from 0, and its numbers are
 * shifted past the last one the previous engine handed out.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { ProgressBatch, TransferEvent, TransferSnapshot } from '../../shared/transfer.js';
import type { EngineSettings, TransferEngine } from '../transfer/engine/index.js';

/** What the host is built from. */
export interface EngineHostOptions {
  /** Makes (and restores) an engine with these settings. */
  readonly create: (settings: EngineSettings) => Promise<TransferEngine>;
  readonly settings: EngineSettings;
  readonly onProgress: (batch: ProgressBatch) => void;
  /** Events of one tick, in order. */
  readonly onEvents: (events: readonly TransferEvent[]) => void;
  /** Problems an engine met while restoring its saved queue, or while being restarted. */
  readonly onProblems: (problems: readonly ErrorInfo[]) => void;
}

/** See the module comment. */
export class EngineHost {
  readonly #options: EngineHostOptions;
  #engine: TransferEngine;
  #settings: EngineSettings;
  /** Added to the current engine's `seq` numbers. */
  #base = 0;
  #pending: TransferEvent[] = [];
  #flushScheduled = false;
  #unsubscribe: () => void = () => undefined;
  /** Settings waiting for the queue to empty. */
  #wanted: EngineSettings | undefined;
  /** Set while the engine is being replaced: calls wait for it. */
  #gate: Promise<void> | undefined;
  /** Calls running against the current engine. */
  #active = 0;
  #closed: Promise<void> | undefined;

  private constructor(options: EngineHostOptions, engine: TransferEngine) {
    this.#options = options;
    this.#settings = options.settings;
    this.#engine = engine;
    this.#attach(engine);
  }

  /** Makes the first engine (restoring the saved queue). */
  static async start(options: EngineHostOptions): Promise<EngineHost> {
    return new EngineHost(options, await options.create(options.settings));
  }

  /** The queue now, `seq` shifted like the events. */
  snapshot(): TransferSnapshot {
    const snapshot = this.#engine.snapshot();
    return { ...snapshot, seq: snapshot.seq + this.#base };
  }

  /** Runs `call` against the current engine (after a restart in progress, if any). */
  async use<T>(call: (engine: TransferEngine) => T | Promise<T>): Promise<T> {
    while (this.#gate !== undefined) await this.#gate;
    this.#active++;
    try {
      return await call(this.#engine);
    } finally {
      this.#active--;
      this.#maybeRestart();
    }
  }

  /** Asks for an engine with `settings` (see the module comment for when it comes). */
  reconfigure(settings: EngineSettings): void {
    this.#wanted = settings;
    this.#maybeRestart();
  }

  /** Saves the queue (resumable) and stops the engine. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      while (this.#gate !== undefined) await this.#gate;
      await this.#engine.close();
      this.#flush();
      this.#unsubscribe();
    })();
    return this.#closed;
  }

  #attach(engine: TransferEngine): void {
    const base = this.#base;
    const offEvents = engine.onEvent((event) => {
      this.#pending.push({ ...event, seq: event.seq + base });
      if (event.kind === 'removed') this.#maybeRestart();
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        queueMicrotask(() => this.#flush());
      }
    });
    const offProgress = engine.onProgress((batch) => {
      // An event that happened before this batch goes first.
      this.#flush();
      this.#options.onProgress({ ...batch, seq: batch.seq + base });
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

  #maybeRestart(): void {
    if (this.#wanted === undefined || this.#gate !== undefined || this.#closed !== undefined || this.#active > 0) return;
    if (this.#engine.snapshot().transfers.length > 0) return;
    let open: () => void = () => undefined;
    this.#gate = new Promise((resolve) => (open = resolve));
    void this.#restart()
      // Only when even the previous settings fail: the closed engine stays, and its calls say so.
      .catch((error: unknown) => this.#options.onProblems([describeFailure(error)]))
      .finally(() => {
        this.#gate = undefined;
        open();
      });
  }

  async #restart(): Promise<void> {
    const old = this.#engine;
    // Background work (aborting a canceled multipart upload) finishes first: a new engine would not redo it.
    await old.whenIdle();
    const wanted = this.#wanted;
    if (wanted === undefined || this.#closed !== undefined || old.snapshot().transfers.length > 0) return;
    await old.close();
    this.#flush();
    this.#unsubscribe();
    this.#base += old.snapshot().seq;
    this.#engine = await this.#replacement(wanted);
    this.#attach(this.#engine);
    if (this.#wanted === wanted) this.#wanted = undefined;
  }

  /** A new engine with `wanted`; with the previous settings if that fails (the failure is reported). */
  async #replacement(wanted: EngineSettings): Promise<TransferEngine> {
    try {
      const engine = await this.#options.create(wanted);
      this.#settings = wanted;
      return engine;
    } catch (error) {
      this.#options.onProblems([describeFailure(error)]);
      return this.#options.create(this.#settings);
    }
  }
}

function describeFailure(error: unknown): ErrorInfo {
  const info = (error as { toInfo?: () => ErrorInfo }).toInfo?.();
  return {
    code: info?.code ?? 'internal',
    message: `The transfer settings could not be applied: ${info?.message ?? (error instanceof Error ? error.message : String(error))}`,
    hint: info?.hint ?? 'The previous settings stay in use; restart Dropsign to try again.',
  };
}

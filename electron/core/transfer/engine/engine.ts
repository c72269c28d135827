/**
 * The transfer engine: one queue and scheduler behind the CLI, the desktop app, the tray and browser
 * mode. It restores the saved queue, scans drops into transfers, runs up to `concurrency` of them at once
 * (each through run-transfer.ts), applies pause, resume, cancel and retry, saves the queue and the history,
 * and reports coalesced progress and immediate, ordered state events.
 *
 * Every edge is injected (object API, clock, randomness, ids, file system, state directory), so the unit
 * tests run it with fakes and a fake clock; see engine-types.ts for the API.
 */
import { DropsignError, type ErrorInfo } from '../../../shared/errors.js';
import { isFinalState, type ProgressBatch, type TransferEvent, type TransferId, type TransferSnapshot } from '../../../shared/transfer.js';
import type { AppendOnlyLog } from '../../storage/append-only-log.js';
import type { StopReason } from './abortable-sleep.js';
import { descriptorOf, destinationEntry, destinationId, type DestinationEntry } from './destination.js';
import { createEngineContext } from './engine-defaults.js';
import type { CredentialsProvider, Destination, EngineDeps, EngineSettings, EnqueueResult, TransferEngine } from './engine-types.js';
import { enqueueFiles, pendingFiles } from './enqueue-files.js';
import { buildQueueDocument, restoreQueue } from './queue-document.js';
import { QueueStore, type QueueDocument } from './queue-store.js';
import { runTransfer, type RunHooks, type RunOutcome } from './run-transfer.js';
import { resolveSettings } from './settings.js';
import type { TransferItem } from './transfer-item.js';
import { TransferQueue } from './transfer-queue.js';
import { IdleWaiters } from './idle-waiters.js';
import { Listeners } from './listeners.js';
import { openHistory, type HistoryEntry } from './upload-history.js';
import type { EngineContext } from './transfer-session.js';
import { UploadDiscarder } from './upload-discarder.js';

const MISSING_CREDENTIALS: ErrorInfo = {
  code: 'missing-credentials',
  message: 'No credentials were supplied for this destination after the restart.',
  hint: 'Upload something to the same destination (or reopen its profile), then retry.',
};

/** Builds the engine over `deps.stateDir`, restoring the saved queue; restored transfers start at once. */
export async function createTransferEngine(deps: EngineDeps): Promise<TransferEngine> {
  const engine = new Engine(deps);
  await engine.restore();
  return engine;
}

/** A transfer's run: its controller, and the promise that settles once it has fully stopped. */
interface Run {
  readonly controller: AbortController;
  done: Promise<void>;
}

class Engine implements TransferEngine {
  readonly #deps: EngineDeps;
  /** Replaced (never mutated) when the settings change: a run keeps the context it started with. */
  #ctx: EngineContext;
  readonly #queue: TransferQueue;
  readonly #store: QueueStore;
  readonly #history: AppendOnlyLog<HistoryEntry>;
  readonly #destinations = new Map<string, DestinationEntry>();
  readonly #running = new Map<TransferId, Run>();
  /** Transfers whose saved multipart upload must be aborted once their run has stopped (canceled, removed). */
  readonly #discardAfterRun = new Set<TransferId>();
  readonly #discarder: UploadDiscarder;
  readonly #background = new Set<Promise<void>>();
  readonly #events: Listeners<TransferEvent>;
  readonly #progress: Listeners<ProgressBatch>;
  readonly #idle = new IdleWaiters(
    () => this.#closed !== undefined || (this.#queue.tracker.active === 0 && this.#running.size === 0 && this.#scans === 0 && this.#background.size === 0),
  );
  /** Stops background work (aborting canceled uploads) on close. */
  readonly #closing = new AbortController();
  #closed: Promise<void> | undefined;
  #scans = 0;
  readonly startupProblems: ErrorInfo[] = [];

  constructor(deps: EngineDeps) {
    this.#deps = deps;
    this.#ctx = createEngineContext(deps);
    const { clock, log } = this.#ctx;
    const listenerError = (error: unknown): void => log(`A transfer listener failed: ${error instanceof Error ? error.message : String(error)}`);
    this.#events = new Listeners(listenerError);
    this.#progress = new Listeners(listenerError);
    this.#queue = new TransferQueue({
      clock,
      emitEvent: (event) => this.#events.emit(event),
      emitProgress: (batch) => this.#progress.emit(batch),
      onChanged: () => this.#store.markDirty(this.#queue.size),
    });
    this.#history = openHistory(deps.stateDir);
    // A finished upload leaves the saved queue only once its history line is on disk (beforeWrite).
    const build = (): QueueDocument => buildQueueDocument(this.#queue.values());
    this.#store = new QueueStore({ stateDir: deps.stateDir, clock, log, build, beforeWrite: () => this.#history.flush() });
    this.#discarder = new UploadDiscarder({
      context: () => this.#ctx,
      credentialsFor: (item) => this.#credentialsFor(item),
      signal: this.#closing.signal,
      track: (task) => this.#track(task),
    });
  }

  /** Loads the saved queue, drops checkpoints of transfers that no longer exist, and starts what is queued. */
  async restore(): Promise<void> {
    const loaded = await this.#store.load();
    if (loaded.kind === 'set-aside') this.startupProblems.push(loaded.error);
    if (loaded.kind === 'ok') {
      const restored = restoreQueue(loaded.value);
      this.startupProblems.push(...restored.problems);
      for (const [id, entry] of restored.destinations) this.#destinations.set(id, entry);
      for (const item of restored.items) this.#queue.add(item, false);
    }
    await this.#ctx.checkpoints.prune(new Set([...this.#queue.values()].map((item) => item.id)));
    this.#pump();
  }

  async enqueue(paths: readonly string[], destination: Destination): Promise<EnqueueResult> {
    if (this.#closed !== undefined) throw new DropsignError('invalid-argument', 'The transfer engine is closed.', 'This is a bug in Dropsign; please report it.');
    const descriptor = descriptorOf(destination);
    let entry = this.#destinations.get(destinationId(descriptor));
    if (entry === undefined) {
      entry = destinationEntry(descriptor, destination.credentials);
      this.#destinations.set(entry.id, entry);
    }
    entry.credentials = destination.credentials;
    this.#scans++;
    try {
      return await enqueueFiles(paths, {
        entry,
        fs: this.#ctx.fs,
        uuid: this.#ctx.uuid,
        now: this.#ctx.clock.now(),
        pending: pendingFiles(this.#queue.values()),
        stopped: () => this.#closed !== undefined,
        add: (item) => {
          this.#queue.add(item, true);
          this.#pump();
        },
      });
    } finally {
      this.#scans--;
      this.#idle.check();
    }
  }

  pause(id?: TransferId): void {
    for (const item of this.#targets(id)) {
      if (this.#queue.apply(item, { kind: 'pause' })) this.#stop(item.id, 'pause', false);
    }
    this.#settle();
  }

  resume(id?: TransferId): void {
    for (const item of this.#targets(id)) this.#queue.apply(item, { kind: 'resume' });
    this.#settle();
  }

  cancel(id?: TransferId): void {
    for (const item of this.#targets(id)) {
      if (!this.#queue.apply(item, { kind: 'cancel' })) continue;
      if (!this.#stop(item.id, 'cancel', true)) this.#discarder.discard(item);
    }
    this.#settle();
  }

  retry(id?: TransferId): void {
    for (const item of this.#targets(id)) this.#queue.apply(item, { kind: 'retry' });
    this.#settle();
  }

  remove(id: TransferId): void {
    const item = this.#queue.get(id);
    if (item === undefined) return;
    // Queued, paused and failed transfers may hold a saved multipart upload; canceled ones were discarded already.
    const mayHoldUpload = !isFinalState(item.state) || item.state.kind === 'failed';
    if (!this.#stop(id, 'remove', true) && mayHoldUpload) this.#discarder.discard(item);
    this.#queue.remove(id);
    this.#settle();
  }

  clearFinished(): void {
    for (const item of [...this.#queue.values()]) {
      if (!isFinalState(item.state)) continue;
      // A failed multipart upload keeps its parts for a retry; clearing it gives them up.
      if (item.state.kind === 'failed') this.#discarder.discard(item);
      this.#queue.remove(item.id);
    }
    this.#settle();
  }

  updateSettings(settings: EngineSettings): void {
    const resolved = resolveSettings(settings);
    this.#ctx = { ...this.#ctx, settings: resolved };
    // A higher limit starts waiting transfers now; a lower one only holds back new starts.
    this.#pump();
  }

  snapshot(): TransferSnapshot {
    return this.#queue.snapshot();
  }

  onProgress(listener: (batch: ProgressBatch) => void): () => void {
    return this.#progress.add(listener);
  }

  onEvent(listener: (event: TransferEvent) => void): () => void {
    return this.#events.add(listener);
  }

  whenIdle(): Promise<void> {
    return this.#idle.wait();
  }

  close(): Promise<void> {
    this.#closed ??= this.#shutDown();
    return this.#closed;
  }

  async #shutDown(): Promise<void> {
    for (const { controller } of this.#running.values()) controller.abort('close');
    this.#closing.abort('close');
    await Promise.all([...this.#running.values()].map((run) => run.done));
    await Promise.all([...this.#background]);
    for (const item of this.#queue.values()) this.#queue.apply(item, { kind: 'interrupt' });
    await this.#store.flush();
    await this.#history.close();
    await this.#ctx.checkpoints.close();
    this.#queue.tracker.dispose();
    this.#idle.check();
  }

  #targets(id: TransferId | undefined): TransferItem[] {
    if (id === undefined) return [...this.#queue.values()];
    const item = this.#queue.get(id);
    return item === undefined ? [] : [item];
  }

  /**
   * Aborts the run of `id` with `reason` (a run already stopping keeps its first reason); `discard` asks
   * for its saved upload to be aborted once it has stopped. False when it is not running.
   */
  #stop(id: TransferId, reason: StopReason, discard: boolean): boolean {
    const run = this.#running.get(id);
    if (run === undefined) return false;
    if (discard) this.#discardAfterRun.add(id);
    run.controller.abort(reason);
    return true;
  }

  #credentialsFor(item: TransferItem): CredentialsProvider | undefined {
    return item.destination.credentials ?? this.#deps.credentialsFor?.(item.destination.descriptor);
  }

  #pump(): void {
    if (this.#closed !== undefined) return;
    while (this.#running.size < this.#ctx.settings.concurrency) {
      const item = this.#queue.nextWaiting();
      if (item === undefined) return;
      const provider = this.#credentialsFor(item);
      if (provider === undefined) this.#queue.apply(item, { kind: 'fail', error: MISSING_CREDENTIALS });
      else this.#start(item, provider);
    }
  }

  #start(item: TransferItem, provider: CredentialsProvider): void {
    this.#queue.apply(item, { kind: 'start' });
    const controller = new AbortController();
    const signal = controller.signal;
    // Reports of a stopped run are ignored: the transfer may already be paused, canceled or running again.
    const hooks: RunHooks = {
      setFile: (size, mtimeMs) => void (signal.aborted || this.#queue.setFile(item, size, mtimeMs)),
      setKeys: (baseKey, key) => void (signal.aborted || this.#queue.setKeys(item, baseKey, key)),
      setBytes: (bytes) => void (signal.aborted || this.#queue.setBytes(item, bytes)),
      onWait: (retryAt, error) => void (signal.aborted || this.#queue.apply(item, { kind: 'wait-retry', retryAt, error })),
      onNextAttempt: () => void (signal.aborted || this.#queue.apply(item, { kind: 'next-attempt' })),
      saveQueue: () => this.#store.flush(),
    };
    // A run starts only after the transfer's previous run (paused and resumed quickly) and any abort of its saved upload are over.
    const before = Promise.all([this.#running.get(item.id)?.done, this.#discarder.pending(item.id)]);
    const run: Run = { controller, done: Promise.resolve() };
    run.done = before
      .then((): Promise<RunOutcome> | RunOutcome => (signal.aborted ? { kind: 'stopped' } : runTransfer(this.#ctx, item, provider, signal, hooks)))
      .then((outcome) => this.#finish(item, run, outcome))
      // runTransfer never rejects; this only keeps a bug in the bookkeeping from going unnoticed.
      .catch((error: unknown) => this.#ctx.log(`The transfer of ${JSON.stringify(item.path)} ended unexpectedly: ${String(error)}`));
    this.#running.set(item.id, run);
  }

  #finish(item: TransferItem, run: Run, outcome: RunOutcome): void {
    if (this.#running.get(item.id) === run) this.#running.delete(item.id);
    if (this.#closed !== undefined) return;
    // A removed transfer's late outcome changes nothing (its saved upload is still discarded below).
    if (this.#queue.get(item.id) === item) this.#applyOutcome(item, outcome);
    if (this.#discardAfterRun.delete(item.id)) this.#discarder.discard(item);
    this.#settle();
  }

  #applyOutcome(item: TransferItem, outcome: RunOutcome): void {
    switch (outcome.kind) {
      case 'done':
        if (this.#queue.apply(item, { kind: 'succeed', result: outcome.result })) this.#recordHistory(item, outcome.result);
        return;
      case 'skipped':
        this.#queue.apply(item, { kind: 'skip', reason: outcome.reason });
        return;
      case 'failed':
        this.#queue.apply(item, { kind: 'fail', error: outcome.error });
        return;
      case 'stopped':
        return;
    }
  }

  #recordHistory(item: TransferItem, result: HistoryEntry['result']): void {
    const { endpoint, bucket } = item.destination.descriptor;
    this.#track(
      this.#history.append({ id: item.id, path: item.path, endpoint, bucket, result }).catch((error: unknown) => {
        this.#ctx.log(`Could not record ${JSON.stringify(result.key)} in the upload history: ${String(error)}`);
      }),
    );
  }

  #track(task: Promise<void>): void {
    this.#background.add(task);
    void task.finally(() => {
      this.#background.delete(task);
      this.#idle.check();
    });
  }

  #settle(): void {
    this.#pump();
    this.#idle.check();
  }
}

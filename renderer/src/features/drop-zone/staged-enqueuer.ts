/**
 * Enqueues the staged files of one drop as they become ready. The stager hands over each spool request's
 * files as it is answered; they are gathered and sent as one `transfers:enqueue` once a full request's
 * worth (256) is there, or a second after the first of them arrived, or when staging ends. So a drop of
 * small files is enqueued request by request, and a drop of large files (one request each) costs about
 * one enqueue a second, not one per file (each enqueue reads the profile's secret and scans its files,
 * and the host answers a page sending more than 50 messages a second with `server-busy`).
 *
 * Enqueues go one after another in the order handed over (the queue keeps the order of the drop), all to
 * the destination remembered when the first one is sent (a drop goes to one place even if the destination
 * changes while it is being copied). What they answer is gathered for one set of notices at the end.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { globalTimer, type OneShotTimer } from '../../../../electron/shared/one-shot-timer.js';
import type { EnqueueProblemView } from '../../../../electron/shared/ipc/transfer-requests.js';
import type { DropsignApi } from '../../bridge/dropsign-api.js';
import { SPOOL_BATCH_MAX_FILES } from '../../bridge/web-protocol.js';
import { enqueueRequestFor, type DestinationSettings } from '../upload/destination.js';

/** What the enqueues of a drop answered, together. */
export interface EnqueueSummary {
  /** Refusals of whole enqueues, each different one once, in the order first met. */
  readonly refusals: readonly ErrorInfo[];
  /** Files not added, from every enqueue, in order. */
  readonly problems: readonly EnqueueProblemView[];
  /** Files skipped because they were already waiting. */
  readonly alreadyQueued: number;
}

/** Timers, injected so tests control time. */
export type EnqueueTimer = OneShotTimer;

/** Why 1 s: a large file's row appears at most a second after it is copied, and enqueues stay rare. */
export const ENQUEUE_GATHER_MS = 1000;

/** Why: a full spool request's files go into the queue at once, without waiting. */
export const ENQUEUE_AT_FILES = SPOOL_BATCH_MAX_FILES;

/** One drop's enqueues. */
export class StagedEnqueuer {
  readonly #api: DropsignApi;
  readonly #settings: () => DestinationSettings;
  readonly #timer: EnqueueTimer;
  /** The destination settings, once the first enqueue was sent. */
  #destination: { readonly settings: DestinationSettings } | undefined;
  #gathered: string[] = [];
  #handle: unknown;
  #chain: Promise<void> = Promise.resolve();
  #paths = 0;
  readonly #refusals = new Map<string, ErrorInfo>();
  readonly #problems: EnqueueProblemView[] = [];
  #alreadyQueued = 0;

  /** `settings` is read once, when the first enqueue is sent. */
  constructor(api: DropsignApi, settings: () => DestinationSettings, timer: EnqueueTimer = globalTimer) {
    this.#api = api;
    this.#settings = settings;
    this.#timer = timer;
  }

  /** How many paths were handed in. */
  get paths(): number {
    return this.#paths;
  }

  /** Enqueues `paths` after those handed in before: at once from a full request's worth, else within {@link ENQUEUE_GATHER_MS}. */
  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    this.#paths += paths.length;
    this.#gathered.push(...paths);
    if (this.#gathered.length >= ENQUEUE_AT_FILES) this.#send();
    else this.#handle ??= this.#timer.set(() => this.#send(), ENQUEUE_GATHER_MS);
  }

  /** Sends what is gathered, then resolves once every enqueue is answered. */
  async finish(): Promise<EnqueueSummary> {
    this.#send();
    await this.#chain;
    return { refusals: [...this.#refusals.values()], problems: this.#problems, alreadyQueued: this.#alreadyQueued };
  }

  #send(): void {
    if (this.#handle !== undefined) this.#timer.clear(this.#handle);
    this.#handle = undefined;
    if (this.#gathered.length === 0) return;
    const paths = this.#gathered;
    this.#gathered = [];
    this.#chain = this.#chain.then(() => this.#enqueue(paths));
  }

  async #enqueue(paths: readonly string[]): Promise<void> {
    this.#destination ??= { settings: this.#settings() };
    const result = await this.#api.invoke('transfers:enqueue', enqueueRequestFor(paths, this.#destination.settings));
    if (!result.ok) {
      const same = `${result.error.code}\u0000${result.error.message}`;
      if (!this.#refusals.has(same)) this.#refusals.set(same, result.error);
      return;
    }
    this.#problems.push(...result.value.problems);
    this.#alreadyQueued += result.value.alreadyQueued;
  }
}

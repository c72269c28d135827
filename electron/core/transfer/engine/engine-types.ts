/**
 * The public shapes of the transfer engine: where uploads go (destinations), what it depends on (every
 * edge injected: object API, clock, randomness, ids, file system, state directory), its settings and its API.
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { AddressingStyle, Credentials, SigningScheme } from '../../../shared/signing.js';
import type {
  ExistingObjectPolicy,
  ProgressBatch,
  TransferEvent,
  TransferId,
  TransferSnapshot,
} from '../../../shared/transfer.js';
import type { ObjectApi } from '../object-api.js';
import type { RetryOptions } from '../retry-policy.js';
import type { ScanFs } from '../scan-fs.js';

/** The share link made for each finished upload. */
export type LinkOption =
  /** A presigned GET valid this long (1..604800 s for the V4 schemes). */
  | { readonly kind: 'presigned'; readonly expiresInSeconds: number }
  /** A public bucket or CDN: `https://cdn.example.com/{key}`; `{key}` is URL-encoded per segment; `{bucket}` too. */
  | { readonly kind: 'public'; readonly urlTemplate: string }
  | { readonly kind: 'none' };

/**
 * Where files go, without secrets: this is what the queue persists, so a restart knows where each file
 * was going. Credentials are supplied again by the caller (see {@link EngineDeps.credentialsFor}).
 */
export interface DestinationDescriptor {
  readonly scheme: SigningScheme;
  readonly endpoint: string;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly region?: string;
  /** Joined to the rendered template with exactly one `/`; may be empty. */
  readonly prefix: string;
  /** See core/transfer/object-key.ts: `{path}`, `{date}/{name}`, `{sha256:8}.{ext}`... */
  readonly keyTemplate: string;
  readonly ifExists: ExistingObjectPolicy;
  readonly link: LinkOption;
  /** Extra object headers, signed and sent with the upload (lower-case names): storage class, `x-oss-meta-*`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Which profile the destination belongs to: lets the caller find its credentials after a restart. Not a secret. */
  readonly profile?: string;
}

/** Returns the current credentials (from the keychain, the environment, an STS broker). Called per file and on re-signing. */
export type CredentialsProvider = () => Promise<Credentials>;

/** A destination and how to get its credentials. The provider is never persisted. */
export interface Destination extends DestinationDescriptor {
  readonly credentials: CredentialsProvider;
}

/** The engine's clock: wall time in ms and timers. `Date.now` and the global timers in production. */
export interface EngineClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The file system calls the engine makes besides the HTTP layer's reads. */
export interface EngineFs {
  /** Scanning dropped paths, and `stat` to notice a file that changed or vanished. */
  readonly scan: ScanFs;
  /** The file's SHA-256 as 64 lower-case hex digits (for `{sha256:N}` key templates), streamed. */
  sha256(path: string, signal: AbortSignal): Promise<string>;
}

/** Tunables. Every field has a default; see core/transfer/engine/settings.ts for the reasons. */
export interface EngineSettings {
  /** Files uploading at once: 1..32, default 4. */
  readonly concurrency?: number;
  /** Files larger than this go up in parts. Default 64 MiB. */
  readonly multipartThreshold?: number;
  /** Wished part size (grown for huge files). Default 8 MiB. */
  readonly partSize?: number;
  /** Parts of one file uploading at once: 1..16, default 4. */
  readonly partConcurrency?: number;
  /** Retry limits (core/transfer/retry-policy.ts). */
  readonly retry?: RetryOptions;
  /** Validity of the URLs signed for each request. Default 900 s. */
  readonly requestUrlExpiresInSeconds?: number;
}

/** What the engine is built from. */
export interface EngineDeps {
  readonly objectApi: ObjectApi;
  /** Where `queue.json`, `checkpoints/` and `history.jsonl` live (the app data directory in production). */
  readonly stateDir: string;
  /** Default: `Date.now` and the global timers. */
  readonly clock?: EngineClock;
  /** Uniform in [0, 1), for retry jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Makes transfer ids (and `{uuid}` in keys). Default `crypto.randomUUID`. */
  readonly uuid?: () => string;
  readonly settings?: EngineSettings;
  /**
   * Credentials for a destination restored from the saved queue (or any destination whose provider is
   * not known). Return undefined when there are none: the transfer then fails with `missing-credentials`
   * and can be retried once a destination with the same descriptor has been enqueued again.
   */
  readonly credentialsFor?: (destination: DestinationDescriptor) => CredentialsProvider | undefined;
  /**
   * The file calls. Default: the real file system through the thread pool (`nodeEngineFs`). The CLI
   * passes its sync-while-fast calls (core/transfer/sync-while-fast.ts); tests pass fakes.
   */
  readonly fs?: EngineFs;
  /** Where to report problems that reach no transfer (a history write that failed). Default: nowhere. */
  readonly log?: (message: string) => void;
}

/** A dropped path that was not queued, and why. */
export interface EnqueueProblem {
  readonly path: string;
  readonly relativePath: string;
  readonly error: ErrorInfo;
}

/** What `enqueue` did. */
export interface EnqueueResult {
  readonly added: number;
  /** The new transfers, in queue order. */
  readonly ids: readonly TransferId[];
  readonly problems: readonly EnqueueProblem[];
  /** Files skipped because they were already pending for the same destination. */
  readonly alreadyQueued: number;
}

/** The engine. Every `id?` method acts on one transfer, or on all when `id` is omitted. */
export interface TransferEngine {
  /**
   * Scans `paths` (files and folders) and queues every file found for `destination`; each transfer is
   * added (and may start) as soon as it is found. Throws a DropsignError for an invalid destination (key
   * template, link, headers) before scanning.
   */
  enqueue(paths: readonly string[], destination: Destination): Promise<EnqueueResult>;
  pause(id?: TransferId): void;
  resume(id?: TransferId): void;
  /** Stops and forgets the upload; a multipart upload is aborted on the server. */
  cancel(id?: TransferId): void;
  /** Puts failed and canceled transfers back in the queue. */
  retry(id?: TransferId): void;
  /** Cancels the transfer if it is moving, and drops it from the queue. */
  remove(id: TransferId): void;
  /** Drops every done, skipped, failed and canceled transfer from the queue. */
  clearFinished(): void;
  /**
   * Applies new settings at once. The number of parallel files counts from the next scheduling decision:
   * a higher one starts waiting transfers now, a lower one lets the running ones finish and starts no new
   * one until fewer run. Multipart threshold, part size and the other tunables apply to transfers that
   * start from now on; a transfer already running, or resuming a saved multipart upload, keeps its plan.
   * Throws a DropsignError (`invalid-argument`, `invalid-part-size`) for an invalid setting, and then
   * keeps the current ones.
   */
  updateSettings(settings: EngineSettings): void;
  snapshot(): TransferSnapshot;
  /** Coalesced progress, about five batches a second. Returns the unsubscribe function. */
  onProgress(listener: (batch: ProgressBatch) => void): () => void;
  /** Added, state and removed events, at once and in order. Returns the unsubscribe function. */
  onEvent(listener: (event: TransferEvent) => void): () => void;
  /** Resolves when nothing is queued or moving (everything is final or paused) and no scan is running. */
  whenIdle(): Promise<void>;
  /**
   * Stops scheduling, aborts the attempts in flight without marking them canceled, saves the queue and
   * resolves when everything is on disk: the next engine over the same state directory continues them.
   */
  close(): Promise<void>;
  /** Problems met while restoring the saved queue (a damaged file set aside, for example). */
  readonly startupProblems: readonly ErrorInfo[];
}

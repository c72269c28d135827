/**
 * The saved queue, `queue.json` in the state directory: every unfinished transfer (and failed ones, so
 * they can be retried after a restart), with the destinations they go to, never a secret.
 *
 * On disk (atomic-json-file envelope, version 1):
 * ```json
 * {"version":1,"data":{
 *   "destinations":{"<destination id>":{"scheme":"oss-v4","endpoint":"…","bucket":"…","prefix":"…",…}},
 *   "transfers":[{"id":"…","path":"/abs/file","relativePath":"dir/file","size":1,"mtimeMs":1.5,
 *                 "destination":"<destination id>","key":"dir/file","addedAt":0,"state":"queued"}]}}
 * ```
 * `state` is `queued` (also for what was uploading or waiting to retry), `paused`, or `failed` (with
 * `error`). `baseKey` (the key before a rename) is written only when it differs from `key`.
 *
 * Writes are debounced: a change marks the queue dirty and one write follows after an interval that
 * grows with the queue (see {@link writeIntervalMs}), plus one on close. Between building the document
 * and writing it, `beforeWrite` runs: the engine commits the upload history there, so a finished upload
 * leaves the saved queue only once its history line is on disk (a crash in between uploads it again).
 */
import path from 'node:path';
import { z } from 'zod';
import type { ErrorCode, ErrorInfo } from '../../../shared/errors.js';
import { AtomicJsonFile, type JsonReadResult } from '../../storage/atomic-json-file.js';
import type { DestinationDescriptor, EngineClock } from './engine-types.js';

/** One saved transfer. */
export interface PersistedTransfer {
  readonly id: string;
  readonly path: string;
  readonly relativePath: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Key of {@link QueueDocument.destinations}. */
  readonly destination: string;
  /** The object key, or '' while undecided (a `{sha256}` template not yet rendered). */
  readonly key: string;
  /** The key the template gave, when a rename changed it. */
  readonly baseKey?: string;
  /** When the transfer was queued (ms): the time the key template's date placeholders use. */
  readonly addedAt: number;
  readonly state: 'queued' | 'paused' | 'failed';
  readonly error?: ErrorInfo;
}

/** The whole document. */
export interface QueueDocument {
  readonly destinations: Readonly<Record<string, DestinationDescriptor>>;
  readonly transfers: readonly PersistedTransfer[];
}

const VERSION = 1;

const linkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('presigned'), expiresInSeconds: z.number() }),
  z.object({ kind: z.literal('public'), urlTemplate: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

const destinationSchema = z.object({
  scheme: z.enum(['oss-v4', 'oss-v1', 's3-v4']),
  endpoint: z.string(),
  style: z.enum(['virtual-hosted', 'path', 'cname']),
  bucket: z.string(),
  region: z.string().optional(),
  prefix: z.string(),
  keyTemplate: z.string(),
  ifExists: z.enum(['overwrite', 'skip', 'rename', 'fail']),
  link: linkSchema,
  headers: z.record(z.string(), z.string()).optional(),
  profile: z.string().optional(),
});

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const transferSchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  relativePath: z.string(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  destination: z.string(),
  key: z.string(),
  baseKey: z.string().optional(),
  addedAt: z.number(),
  state: z.enum(['queued', 'paused', 'failed']),
  error: errorSchema.optional(),
});

const documentSchema = z.object({
  destinations: z.record(z.string(), destinationSchema),
  transfers: z.array(transferSchema),
});

/** Validates a stored document (version 1 is the only one so far). Throws when it is not one. */
function parseDocument(data: unknown): QueueDocument {
  const parsed = documentSchema.parse(data);
  for (const transfer of parsed.transfers) {
    if (parsed.destinations[transfer.destination] === undefined) throw new Error(`unknown destination ${transfer.destination}`);
  }
  // zod's optional fields are `T | undefined`; the stored JSON never holds undefined, so this is the same data.
  return parsed as unknown as QueueDocument & { transfers: readonly (PersistedTransfer & { error?: { code: ErrorCode } })[] };
}

/**
 * Time between queue writes. Why 1 s per 10,000 transfers: a 100,000-transfer queue is ~40 MB of JSON
 * and costs ~230 ms to serialise and write (measured), so writing it every second would take a quarter
 * of a core; scaled this way a write costs about 2.5% of a core at any size, and a crash loses at most
 * that many seconds of state changes (those files are simply uploaded again).
 */
export function writeIntervalMs(transferCount: number): number {
  return 1000 * Math.max(1, Math.ceil(transferCount / 10_000));
}

/** See the module comment. */
export class QueueStore {
  readonly #file: AtomicJsonFile<QueueDocument>;
  readonly #clock: EngineClock;
  readonly #build: () => QueueDocument;
  readonly #log: (message: string) => void;
  readonly #beforeWrite: () => Promise<void>;
  #timer: unknown;
  #scheduled = false;

  constructor(options: {
    stateDir: string;
    clock: EngineClock;
    build: () => QueueDocument;
    log: (message: string) => void;
    /** Runs after the document is built and before it is written (see the module comment). */
    beforeWrite?: () => Promise<void>;
  }) {
    this.#file = new AtomicJsonFile({ path: path.join(options.stateDir, 'queue.json'), version: VERSION, parse: parseDocument, description: 'upload queue' });
    this.#clock = options.clock;
    this.#build = options.build;
    this.#log = options.log;
    this.#beforeWrite = options.beforeWrite ?? (() => Promise.resolve());
  }

  /** Reads the saved queue (a damaged one is set aside, and the result says where it went). */
  load(): Promise<JsonReadResult<QueueDocument>> {
    return this.#file.read();
  }

  /** Notes a change; a write follows within {@link writeIntervalMs}. */
  markDirty(transferCount: number): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#timer = this.#clock.setTimeout(() => {
      this.#scheduled = false;
      void this.#write();
    }, writeIntervalMs(transferCount));
  }

  /** Writes now (cancelling a pending write); resolves once on disk. */
  async flush(): Promise<void> {
    if (this.#scheduled) this.#clock.clearTimeout(this.#timer);
    this.#scheduled = false;
    await this.#write();
  }

  async #write(): Promise<void> {
    try {
      const document = this.#build();
      await this.#beforeWrite();
      await this.#file.write(document);
    } catch (error) {
      this.#log(`Could not save the upload queue: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

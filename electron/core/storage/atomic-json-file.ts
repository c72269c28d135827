/**
 * A versioned JSON document on disk (the transfer queue, multipart checkpoints, settings), written
 * atomically and read back defensively.
 *
 * On disk: `{"version":N,"data":...}` and a newline. Writes go to a temporary file beside the target,
 * are fsynced, renamed over it, and the directory is fsynced (core/storage/atomic-write.ts), so a crash
 * leaves the old document or the new one. Reads never silently lose data: a document that is damaged,
 * fails validation, or comes from a newer Dropsign is moved aside to `NAME.corrupt-<timestamp>`, and the
 * result says so with a typed error, so the caller can start empty and tell the user where the file went.
 */
import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { DropsignError, type ErrorInfo } from '../../shared/errors.js';
import { isErrno, tempPathFor, writeFileAtomic } from './atomic-write.js';

/** What reading found. `value` is undefined unless `kind` is `ok`, so `(await file.read()).value` is `T | undefined`. */
export type JsonReadResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'missing'; readonly value: undefined }
  | {
      readonly kind: 'set-aside';
      readonly value: undefined;
      /** Why: not JSON or not our envelope, rejected by `parse`, or written by a newer version. */
      readonly reason: 'corrupt' | 'invalid' | 'future-version';
      /** Where the file now is. */
      readonly movedTo: string;
      readonly error: ErrorInfo;
    };

/** Writes `text` to `finalPath` through `tempPath`. For testing; default {@link writeFileAtomic}. */
export type AtomicWriter = (tempPath: string, finalPath: string, text: string, mode: number) => Promise<void>;

/** How to read and write one document. */
export interface AtomicJsonFileOptions<T> {
  /** The document's path. Its directory is created on the first write. */
  readonly path: string;
  /** The format version this code writes (a whole number from 1). Documents with a higher one are set aside. */
  readonly version: number;
  /**
   * Validates the stored data and brings an older version up to date; throws when it cannot (a zod
   * schema's `parse` fits, wrapped to migrate: `(data, version) => schema.parse(migrate(data, version))`).
   */
  readonly parse: (data: unknown, version: number) => T;
  /** What the document is, for messages: `upload queue`. Default `saved state`. */
  readonly description?: string;
  /** File mode of new documents. Default 0o600: state names the user's files and buckets, so it is private. */
  readonly mode?: number;
  /** The clock for the set-aside name. Default `Date.now`. */
  readonly now?: () => number;
  /** For testing. */
  readonly writer?: AtomicWriter;
}

interface PendingWrite {
  text: string;
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** See the module comment. Writes are serialised; see {@link AtomicJsonFile.write}. */
export class AtomicJsonFile<T> {
  readonly #options: AtomicJsonFileOptions<T>;
  #queued: PendingWrite | undefined;
  #draining = false;

  constructor(options: AtomicJsonFileOptions<T>) {
    if (!Number.isSafeInteger(options.version) || options.version < 1) {
      throw new RangeError(`The document version must be a whole number from 1, not ${options.version}.`);
    }
    this.#options = options;
  }

  /** The document's path. */
  get path(): string {
    return this.#options.path;
  }

  /**
   * Reads the document. Missing: `missing`. Damaged, invalid or from a newer version: moved aside and
   * `set-aside` with the error to show. Throws `state-file-unreadable` only when the file cannot be read at
   * all (permissions, I/O), which moving it would not fix.
   */
  async read(): Promise<JsonReadResult<T>> {
    let text: string;
    try {
      text = await readFile(this.#options.path, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return { kind: 'missing', value: undefined };
      const code = (error as { code?: string }).code ?? 'unknown error';
      throw new DropsignError(
        'state-file-unreadable',
        `Cannot read the ${this.#description()} at ${JSON.stringify(this.#options.path)} (${code}).`,
        'Check that your user can read and write this file, then restart Dropsign.',
        { path: this.#options.path, errno: code },
      );
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return this.#setAside('corrupt');
    }
    const version = (envelope as { version?: unknown } | null)?.version;
    if (typeof envelope !== 'object' || envelope === null || !('data' in envelope) || !Number.isSafeInteger(version) || (version as number) < 1) {
      return this.#setAside('corrupt');
    }
    if ((version as number) > this.#options.version) return this.#setAside('future-version', version as number);
    try {
      return { kind: 'ok', value: this.#options.parse(envelope.data, version as number) };
    } catch {
      return this.#setAside('invalid');
    }
  }

  /**
   * Writes `value` atomically. The value is serialised now (later changes to the object do not leak in).
   * Writes never overlap: while one is on its way, later calls are merged and only the newest value is
   * written next; each promise resolves once a value at least as new as its own is on disk.
   */
  write(value: T): Promise<void> {
    let text: string;
    try {
      text = `${JSON.stringify({ version: this.#options.version, data: value })}\n`;
    } catch (error) {
      // A BigInt or a cycle: refused before anything touches the disk.
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      if (this.#queued === undefined) this.#queued = { text, waiters: [] };
      this.#queued.text = text;
      this.#queued.waiters.push({ resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    const writer = this.#options.writer ?? writeFileAtomic;
    const target = this.#options.path;
    while (this.#queued !== undefined) {
      const job = this.#queued;
      this.#queued = undefined;
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writer(tempPathFor(target), target, job.text, this.#options.mode ?? 0o600);
        for (const waiter of job.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of job.waiters) waiter.reject(error);
      }
    }
    this.#draining = false;
  }

  #description(): string {
    return this.#options.description ?? 'saved state';
  }

  async #setAside(reason: 'corrupt' | 'invalid' | 'future-version', version?: number): Promise<JsonReadResult<T>> {
    const movedTo = await this.#moveAside();
    const what = this.#description();
    const shown = JSON.stringify(movedTo);
    const error: ErrorInfo =
      reason === 'future-version'
        ? {
            code: 'state-file-unreadable',
            message: `The ${what} was written by a newer version of Dropsign (format ${version}; this version reads up to ${this.#options.version}), so it starts empty here.`,
            hint: `Nothing was deleted: the file was kept as ${shown}. Update Dropsign to use it again.`,
            details: { path: this.#options.path, movedTo, version: version ?? 0 },
          }
        : {
            code: 'state-file-unreadable',
            message: `The ${what} was damaged and could not be read, so it starts empty.`,
            hint: `Nothing was deleted: the damaged file was kept as ${shown} and can be removed.`,
            details: { path: this.#options.path, movedTo },
          };
    return { kind: 'set-aside', value: undefined, reason, movedTo, error };
  }

  /** Renames the document to `NAME.corrupt-<UTC timestamp>` (with `-2`, `-3`... if taken) and returns the new path. */
  async #moveAside(): Promise<string> {
    // `20241112T083238.123Z`: sortable, and without the `:` Windows forbids in file names.
    const stamp = new Date((this.#options.now ?? Date.now)()).toISOString().replace(/[-:]/g, '');
    const base = `${this.#options.path}.corrupt-${stamp}`;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      try {
        await lstat(candidate);
        continue;
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
      }
      await rename(this.#options.path, candidate);
      return candidate;
    }
  }
}

/**
 * One spool request's files, written where they will be enqueued from: straight into fresh batch folders
 * (`<root>/batch-<random>/<relativePath>`, grouped by spool-batches.ts so that no file lands on another),
 * so `transfers:enqueue` can take the folders as they are instead of moving each file.
 *
 * Files are checked one by one (path and size) before any byte is read; a refused file's part is read
 * and dropped, and the others go on. Small files are read into memory and written with one call, several
 * at a time; large ones are streamed. A batch ends with {@link BatchWriter.commit} (the files that arrived
 * whole become pending spool entries) or {@link BatchWriter.abort} (everything it wrote is deleted).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { planBatches } from './spool-batches.js';
import { collectPart, streamPart, writeCollected, writeFailure } from './spool-part-writes.js';

/** A file of the request, checked: where it goes, or why it is refused. */
export type CheckedFile = { readonly kind: 'accepted'; readonly relativePath: string; readonly size: number } | { readonly kind: 'refused'; readonly error: ErrorInfo };

/** A file that arrived whole, as the store registers it. */
export interface WrittenFile {
  /** The batch folder it is in. */
  readonly folder: string;
  readonly relativePath: string;
  readonly size: number;
}

/** What the store does when the batch ends. */
export interface BatchHooks {
  /** Registers the files that arrived whole as pending; answers their ids, in the same order. */
  readonly admit: (files: readonly WrittenFile[]) => readonly string[];
  /** The batch is over (committed or aborted): the store forgets its reservation. Called once. */
  readonly settle: () => void;
}

/** What a committed batch answers for each file: its id and size, or why it is not in the spool. */
export type FileOutcome = Result<{ readonly id: string; readonly size: number }>;

/**
 * Why 256 KiB: a file this small is read into memory and written with one call (open, write, close),
 * which costs far less than a stream per file; larger ones are streamed.
 */
export const SMALL_FILE_BYTES = 256 * 1024;

/**
 * Why 8 MiB: small files are read ahead while earlier ones are still being written, so writes overlap;
 * this bounds the memory one request holds that way (a page's batch of small files is at most 4 MiB).
 */
const MAX_HELD_BYTES = 8 * 1024 * 1024;

/** Why 16 bytes: folder names only need to be unique and unguessable within one run; 128 bits is plenty. */
const FOLDER_ID_BYTES = 16;

/** Deletes the half-written `target` after `error`, then rethrows it. EEXIST means the file is another one's (a case-insensitive disk): never delete that. */
async function removeOwn(target: string, error: unknown): Promise<never> {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(target).catch(() => undefined);
  throw error;
}

/** One request's files on their way into the spool. */
export class BatchWriter {
  readonly #files: readonly CheckedFile[];
  readonly #hooks: BatchHooks;
  /** For each file: its absolute target (accepted files), and its batch folder. */
  readonly #targets: readonly string[];
  readonly #folderOf: readonly string[];
  readonly #folders: readonly string[];
  readonly #outcomes: (ErrorInfo | 'written' | undefined)[];
  readonly #dirs = new Map<string, Promise<unknown>>();
  readonly #writes = new Set<Promise<void>>();
  #held = 0;
  readonly #memoryWaiters: (() => void)[] = [];
  #over = false;
  #settled = false;

  constructor(root: string, files: readonly CheckedFile[], hooks: BatchHooks) {
    this.#files = files;
    this.#hooks = hooks;
    const accepted = files.flatMap((file) => (file.kind === 'accepted' ? [file.relativePath] : []));
    const plan = planBatches(accepted);
    this.#folders = plan.tops.map(() => path.join(root, `batch-${randomBytes(FOLDER_ID_BYTES).toString('hex')}`));
    let next = 0;
    const targets: string[] = [];
    const folderOf: string[] = [];
    for (const file of files) {
      if (file.kind !== 'accepted') {
        targets.push('');
        folderOf.push('');
        continue;
      }
      const folder = this.#folders[plan.batchOf[next++] ?? 0] as string;
      folderOf.push(folder);
      targets.push(path.join(folder, ...file.relativePath.split('/')));
    }
    this.#targets = targets;
    this.#folderOf = folderOf;
    this.#outcomes = files.map((file) => (file.kind === 'refused' ? file.error : undefined));
  }

  /** Files that will be read and written (the others were refused up front). */
  get acceptedCount(): number {
    return this.#files.filter((file) => file.kind === 'accepted').length;
  }

  /**
   * Reads file `index`'s part from `body` to its end and writes it (a refused file's part is only read).
   * Never rejects: a failure becomes that file's outcome. Parts arrive one after another; writes overlap.
   */
  receive(index: number, body: Readable): Promise<void> {
    // An aborted request destroys the part being read with an error; it is answered through abort().
    body.on('error', () => undefined);
    const file = this.#files[index];
    if (file === undefined || file.kind !== 'accepted' || this.#over) {
      body.resume();
      return Promise.resolve();
    }
    const target = this.#targets[index] as string;
    const write = (file.size <= SMALL_FILE_BYTES ? this.#writeSmall(body, target, file.size) : this.#writeLarge(body, target, file.size)).then(
      () => void (this.#outcomes[index] = 'written'),
      (error: unknown) => void (this.#outcomes[index] = writeFailure(error)),
    );
    this.#writes.add(write);
    void write.then(() => this.#writes.delete(write));
    // The next part may be read once this one is (small files: into memory, within the bound).
    return write;
  }

  async #writeSmall(body: Readable, target: string, size: number): Promise<void> {
    await this.#holdMemory(size);
    try {
      const bytes = await collectPart(body, size);
      await this.#ensureDir(path.dirname(target));
      await writeCollected(target, bytes).catch((error: unknown) => removeOwn(target, error));
    } finally {
      this.#releaseMemory(size);
    }
  }

  async #writeLarge(body: Readable, target: string, size: number): Promise<void> {
    try {
      await this.#ensureDir(path.dirname(target));
      await streamPart(body, target, size).catch((error: unknown) => removeOwn(target, error));
    } finally {
      // Read to its end even when the file could not be created (the parser waits for it).
      body.resume();
    }
  }

  /** Waits until `size` more bytes may be held in memory (always at once when nothing is held). */
  async #holdMemory(size: number): Promise<void> {
    while (this.#held > 0 && this.#held + size > MAX_HELD_BYTES) await new Promise<void>((resolve) => this.#memoryWaiters.push(resolve));
    this.#held += size;
  }

  #releaseMemory(size: number): void {
    this.#held -= size;
    for (const wake of this.#memoryWaiters.splice(0)) wake();
  }

  /** Creates `dir` (and its parents, private) once per batch. */
  #ensureDir(dir: string): Promise<unknown> {
    let made = this.#dirs.get(dir);
    if (made === undefined) {
      made = mkdir(dir, { recursive: true, mode: 0o700 });
      this.#dirs.set(dir, made);
    }
    return made;
  }

  async #settleWrites(): Promise<void> {
    while (this.#writes.size > 0) await Promise.all([...this.#writes]);
  }

  /**
   * Waits for every write, registers the files that arrived whole, and answers one outcome per file of
   * the request, in order. A file whose part never came is answered as not arrived (the caller refuses
   * such a request instead, with abort).
   */
  async commit(): Promise<readonly FileOutcome[]> {
    this.#over = true;
    await this.#settleWrites();
    const written = this.#files.flatMap((file, index) => (file.kind === 'accepted' && this.#outcomes[index] === 'written' ? [index] : []));
    const ids = this.#hooks.admit(
      written.map((index) => {
        const file = this.#files[index] as CheckedFile & { kind: 'accepted' };
        return { folder: this.#folderOf[index] as string, relativePath: file.relativePath, size: file.size };
      }),
    );
    const idOf = new Map(written.map((index, position) => [index, ids[position] as string]));
    // A folder none of whose files arrived is left empty (or with empty sub-folders): nothing will release it.
    const used = new Set(written.map((index) => this.#folderOf[index]));
    await Promise.all(this.#folders.filter((folder) => !used.has(folder)).map((folder) => rm(folder, { recursive: true, force: true }).catch(() => undefined)));
    this.#settle();
    return this.#files.map((file, index): FileOutcome => {
      const id = idOf.get(index);
      if (id !== undefined && file.kind === 'accepted') return { ok: true, value: { id, size: file.size } };
      const outcome = this.#outcomes[index];
      return { ok: false, error: typeof outcome === 'object' ? outcome : writeFailure(undefined) };
    });
  }

  /** Waits for every write, then deletes everything the batch wrote; nothing of it is registered. */
  async abort(): Promise<void> {
    this.#over = true;
    await this.#settleWrites();
    await Promise.all(this.#folders.map((folder) => rm(folder, { recursive: true, force: true }).catch(() => undefined)));
    this.#settle();
  }

  #settle(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#hooks.settle();
  }
}

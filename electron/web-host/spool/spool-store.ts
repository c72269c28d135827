/**
 * The spool: where browser mode keeps the bytes of dropped files until the transfer engine has uploaded
 * them (a page cannot hand the host a path, only bytes). A folder of the app data directory, private to
 * the user, emptied when the host starts and when it stops.
 *
 * Layout: each spool request's files are written straight into fresh batch folders,
 * `<root>/batch-<random>/<relativePath>` (spool-batch-writer.ts), where they wait to be enqueued.
 * `transfers:enqueue` takes a folder as it is when every file still waiting in it is enqueued (what the
 * page does: one enqueue per request), and enqueues the folder's top-level entries, so a dropped folder
 * keeps its structure (see spool-batches.ts); only files taken apart from the rest of their folder are
 * moved. Files leave the spool when their transfer is done or removed (spool-janitor.ts), and with the spool.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, rmdir, statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { BatchWriter, type CheckedFile, type WrittenFile } from './spool-batch-writer.js';
import { moveApart } from './spool-move.js';
import { DEFAULT_SPOOL_LIMITS, type SpoolLimits } from './spool-limits.js';
import type { ManifestFile } from './spool-manifest.js';
import { spoolRelativePath } from './spool-names.js';

/** A file received and waiting to be enqueued. */
interface Pending {
  /** The batch folder it is in. */
  readonly folder: string;
  readonly relativePath: string;
}

/** The spool's edges. For testing. */
export interface SpoolDeps {
  /** Free bytes on the disk holding `dir`. */
  readonly freeBytes?: (dir: string) => Promise<number>;
}

/** Why 16 bytes: ids only need to be unique and unguessable within one run; 128 bits is plenty. */
const ID_BYTES = 16;

/** What an id looks like (and nothing else is taken for one). */
const ID_PATTERN = /^[0-9a-f]{32}$/;

function fail(code: ErrorCode, message: string, hint: string): Result<never> {
  return { ok: false, error: { code, message, hint } };
}

async function systemFreeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/** A fresh id for a spooled file. */
function freshId(): string {
  return randomBytes(ID_BYTES).toString('hex');
}

/** The top-level entries (first path segments) of `relativePaths`, each once, in first-seen order. */
function topsOf(relativePaths: readonly string[]): string[] {
  return [...new Set(relativePaths.map((relativePath) => relativePath.split('/')[0] ?? relativePath))];
}

/** The spool folder and the files waiting in it. */
export class SpoolStore {
  readonly root: string;
  readonly limits: SpoolLimits;
  readonly #freeBytes: (dir: string) => Promise<number>;
  readonly #pending = new Map<string, Pending>();
  /** The ids still waiting in each batch folder. */
  readonly #waiting = new Map<string, Set<string>>();
  /**
   * Files handed to the engine and not yet released, per batch folder: the last one's release deletes
   * the folder, and the others only their file. A folder not counted here (part of it was discarded)
   * is cleaned up by climbing from each released file instead.
   */
  readonly #handedOut = new Map<string, number>();
  /** Requests being received, and the files they may still add. */
  #receiving = 0;
  #reserved = 0;

  private constructor(root: string, limits: SpoolLimits, deps: SpoolDeps) {
    this.root = root;
    this.limits = limits;
    this.#freeBytes = deps.freeBytes ?? systemFreeBytes;
  }

  /** Opens the spool at `root`, emptying whatever an earlier run (or a crash) left there. */
  static async create(root: string, limits: Partial<SpoolLimits> = {}, deps: SpoolDeps = {}): Promise<SpoolStore> {
    const absolute = path.resolve(root);
    await rm(absolute, { recursive: true, force: true });
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    return new SpoolStore(absolute, { ...DEFAULT_SPOOL_LIMITS, ...limits }, deps);
  }

  /** Files received and not yet enqueued. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /**
   * Starts receiving a request's `files` (from its manifest). Each file is checked on its own (its path:
   * spool-names.ts; its size) and a refused one is answered as such while the others go on. The request
   * as a whole is refused (nothing read) when too many requests or files are on their way, or the disk
   * could not hold the accepted files with room to spare. The writer must end with commit or abort.
   */
  async openBatch(files: readonly ManifestFile[]): Promise<Result<BatchWriter>> {
    const checked = files.map((file) => this.#check(file));
    const accepted = checked.flatMap((file) => (file.kind === 'accepted' ? [file] : []));
    if (accepted.length === 0) return { ok: true, value: new BatchWriter(this.root, checked, { admit: () => [], settle: () => undefined }) };
    const { maxPendingFiles, maxConcurrentReceives, reserveBytes } = this.limits;
    if (this.#receiving >= maxConcurrentReceives) {
      return fail('server-busy', 'Too many files are being received at once.', 'Wait for the others to finish, then try again.');
    }
    if (this.#pending.size + this.#reserved + accepted.length > maxPendingFiles) {
      return fail('server-busy', `More than ${maxPendingFiles} files are waiting to be queued.`, 'Queue the files already added first.');
    }
    // Counted before the disk is asked, so requests arriving meanwhile see this one.
    this.#receiving += 1;
    this.#reserved += accepted.length;
    const settle = (): void => {
      this.#receiving -= 1;
      this.#reserved -= accepted.length;
    };
    const bytes = accepted.reduce((sum, file) => sum + file.size, 0);
    const free = await this.#freeBytes(this.root).catch(() => Number.POSITIVE_INFINITY);
    if (free - bytes < reserveBytes) {
      settle();
      return fail(
        'file-too-large',
        `There is not enough free disk space to take the files (${bytes} bytes; ${Math.max(free, 0)} free).`,
        'Free some space on the disk of the Dropsign data folder, or upload with `dropsign upload PATH`.',
      );
    }
    return { ok: true, value: new BatchWriter(this.root, checked, { admit: (written) => this.#admit(written), settle }) };
  }

  #check(file: ManifestFile): CheckedFile {
    const relativePath = spoolRelativePath(file.path);
    if (!relativePath.ok) return { kind: 'refused', error: relativePath.error };
    if (file.size > this.limits.maxFileBytes) {
      return {
        kind: 'refused',
        error: {
          code: 'file-too-large',
          message: `The file is larger than browser mode takes (${this.limits.maxFileBytes} bytes).`,
          hint: 'Upload it with `dropsign upload PATH`, which reads it in place.',
        },
      };
    }
    return { kind: 'accepted', relativePath: relativePath.value, size: file.size };
  }

  #admit(files: readonly WrittenFile[]): readonly string[] {
    return files.map((file) => {
      const id = freshId();
      this.#pending.set(id, { folder: file.folder, relativePath: file.relativePath });
      let waiting = this.#waiting.get(file.folder);
      if (waiting === undefined) {
        waiting = new Set();
        this.#waiting.set(file.folder, waiting);
      }
      waiting.add(id);
      return id;
    });
  }

  /**
   * Turns spool ids (from `spool:<id>` references) into the paths to enqueue, all or nothing: an unknown
   * or repeated id refuses the whole request and moves nothing. Each id can be taken once.
   *
   * A batch folder whose waiting files are all taken is enqueued in place (its top-level entries); files
   * taken apart from the rest of their folder are moved into a fresh one first.
   */
  async take(ids: readonly string[]): Promise<Result<readonly string[]>> {
    const groups = new Map<string, { readonly ids: string[]; readonly relativePaths: string[] }>();
    const seen = new Set<string>();
    for (const [index, id] of ids.entries()) {
      const entry = ID_PATTERN.test(id) && !seen.has(id) ? this.#pending.get(id) : undefined;
      seen.add(id);
      if (entry === undefined) {
        return fail(
          'invalid-argument',
          `The dropped file #${index + 1} is not waiting in browser mode's spool (already queued, or never received).`,
          'Drop the file again.',
        );
      }
      let group = groups.get(entry.folder);
      if (group === undefined) {
        group = { ids: [], relativePaths: [] };
        groups.set(entry.folder, group);
      }
      group.ids.push(id);
      group.relativePaths.push(entry.relativePath);
    }
    const paths: string[] = [];
    try {
      for (const [folder, { ids: taken, relativePaths }] of groups) {
        const waiting = this.#waiting.get(folder);
        for (const id of taken) {
          this.#pending.delete(id);
          waiting?.delete(id);
        }
        if (waiting === undefined || waiting.size === 0) {
          this.#waiting.delete(folder);
          this.#handedOut.set(folder, (this.#handedOut.get(folder) ?? 0) + relativePaths.length);
          paths.push(...topsOf(relativePaths).map((top) => path.join(folder, top)));
        } else {
          const moved = await moveApart(this.root, folder, relativePaths);
          for (const [target, count] of moved.counts) this.#handedOut.set(target, count);
          paths.push(...moved.paths);
        }
      }
    } catch {
      return fail('file-vanished', "A dropped file left browser mode's spool before it could be queued.", 'Drop the files again.');
    }
    return { ok: true, value: paths };
  }

  /** True when `file` is inside the spool. */
  contains(file: string): boolean {
    return path.resolve(file).startsWith(this.root + path.sep);
  }

  /** The batch folder `file` (inside the spool) is in: the spool's child on its path. */
  #folderOf(file: string): string {
    const [first = ''] = path.relative(this.root, file).split(path.sep);
    return path.join(this.root, first);
  }

  /**
   * Deletes a spooled file whose transfer no longer needs it, and the folders it leaves empty (up to, not
   * including, the spool root). Paths outside the spool are left alone.
   */
  async release(file: string): Promise<void> {
    if (!this.contains(file)) return;
    const absolute = path.resolve(file);
    const folder = this.#folderOf(absolute);
    const left = this.#handedOut.get(folder);
    if (left !== undefined && left > 1) {
      // Its folder still holds other files: nothing above it can be empty yet.
      this.#handedOut.set(folder, left - 1);
      await unlink(absolute).catch(() => undefined);
      return;
    }
    if (left !== undefined) {
      this.#handedOut.delete(folder);
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      return;
    }
    await unlink(absolute).catch(() => undefined);
    for (let dir = path.dirname(absolute); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      // rmdir refuses a folder that is not empty: that ends the climb.
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }

  /** Deletes a spooled file or batch folder (with what is inside) that nothing will upload. */
  async discard(entry: string): Promise<void> {
    if (!this.contains(entry)) return;
    // What is left of its folder is no longer counted: releases climb from their file instead.
    this.#handedOut.delete(this.#folderOf(path.resolve(entry)));
    await rm(entry, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Deletes the spool and everything in it. */
  async dispose(): Promise<void> {
    this.#pending.clear();
    this.#waiting.clear();
    this.#handedOut.clear();
    await rm(this.root, { recursive: true, force: true });
  }
}

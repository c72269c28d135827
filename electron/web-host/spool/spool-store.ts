/**
 * The spool: where browser mode keeps the bytes of dropped files until the transfer engine has uploaded
 * them (a page cannot hand the host a path, only bytes). A folder of the app data directory, private to
 * the user, emptied when the host starts and when it stops.
 *
 * Layout: `<root>/<id>/<relativePath>` while a file waits to be enqueued; `transfers:enqueue` then moves
 * the files of one request into `<root>/batch-<random>/<relativePath>` and enqueues the batch's top-level
 * entries, so a dropped folder keeps its structure (see spool-batches.ts). Files leave the spool when
 * their transfer is done or removed (spool-janitor.ts), and with the spool.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { planBatches } from './spool-batches.js';
import { DEFAULT_SPOOL_LIMITS, type SpoolLimits } from './spool-limits.js';

/** A file received and waiting to be enqueued. */
interface Pending {
  readonly dir: string;
  readonly relativePath: string;
}

/** What the spool answers for a received file. */
export interface SpooledFile {
  /** The id the page enqueues it by (as `spool:<id>`). */
  readonly id: string;
  readonly size: number;
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

/** Counts the bytes going through and fails once they pass `max`. */
function byteCounter(max: number, counted: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      counted(total);
      callback(total > max ? new Error('more bytes than announced') : null, chunk);
    },
  });
}

/** The spool folder and the files waiting in it. */
export class SpoolStore {
  readonly root: string;
  readonly limits: SpoolLimits;
  readonly #freeBytes: (dir: string) => Promise<number>;
  readonly #pending = new Map<string, Pending>();
  #receiving = 0;

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
   * Streams `body` (exactly `size` bytes, as the request announced) into the spool under `relativePath`
   * (checked by spool-names.ts). A refusal (too big, disk too full, too many files) reads nothing: the
   * caller closes the connection. On any other failure (a body that ends early or runs long, a client
   * that goes away) nothing stays on disk.
   */
  async receive(body: Readable, relativePath: string, size: number): Promise<Result<SpooledFile>> {
    const refusal = await this.#refusal(size);
    if (refusal !== undefined) return refusal;
    this.#receiving += 1;
    const id = randomBytes(ID_BYTES).toString('hex');
    const dir = path.join(this.root, id);
    const file = path.join(dir, ...relativePath.split('/'));
    let received = 0;
    try {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await pipeline(body, byteCounter(size, (total) => (received = total)), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      if (received !== size) throw new Error('fewer bytes than announced');
      this.#pending.set(id, { dir, relativePath });
      return { ok: true, value: { id, size } };
    } catch {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      return fail(
        'file-unreadable',
        `The file did not arrive whole (${received} of ${size} bytes).`,
        'Drop it again; if it keeps failing, check that the file can be read and the disk has room.',
      );
    } finally {
      this.#receiving -= 1;
    }
  }

  async #refusal(size: number): Promise<Result<never> | undefined> {
    const { maxFileBytes, maxPendingFiles, maxConcurrentReceives, reserveBytes } = this.limits;
    if (size > maxFileBytes) {
      return fail(
        'file-too-large',
        `The file is larger than browser mode takes (${maxFileBytes} bytes).`,
        'Upload it with `dropsign upload PATH`, which reads it in place.',
      );
    }
    if (this.#receiving >= maxConcurrentReceives) {
      return fail('server-busy', 'Too many files are being received at once.', 'Wait for the others to finish, then try again.');
    }
    if (this.#pending.size + this.#receiving >= maxPendingFiles) {
      return fail('server-busy', `More than ${maxPendingFiles} files are waiting to be queued.`, 'Queue the files already added first.');
    }
    const free = await this.#freeBytes(this.root).catch(() => Number.POSITIVE_INFINITY);
    if (free - size < reserveBytes) {
      return fail(
        'file-too-large',
        `There is not enough free disk space to take the file (${size} bytes; ${Math.max(free, 0)} free).`,
        'Free some space on the disk of the Dropsign data folder, or upload with `dropsign upload PATH`.',
      );
    }
    return undefined;
  }

  /**
   * Turns spool ids (from `spool:<id>` references) into the paths to enqueue, all or nothing: an unknown
   * or repeated id refuses the whole request and moves nothing. Each id can be taken once.
   */
  async take(ids: readonly string[]): Promise<Result<readonly string[]>> {
    const pending: Pending[] = [];
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
      pending.push(entry);
    }
    for (const id of ids) this.#pending.delete(id);
    const plan = planBatches(pending.map((entry) => entry.relativePath));
    const batchDirs = plan.tops.map(() => path.join(this.root, `batch-${randomBytes(ID_BYTES).toString('hex')}`));
    try {
      for (const [index, entry] of pending.entries()) {
        const batchDir = batchDirs[plan.batchOf[index] ?? 0] as string;
        const target = path.join(batchDir, ...entry.relativePath.split('/'));
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await rename(path.join(entry.dir, ...entry.relativePath.split('/')), target);
        await rm(entry.dir, { recursive: true, force: true });
      }
    } catch {
      return fail('file-vanished', 'A dropped file left browser mode\'s spool before it could be queued.', 'Drop the files again.');
    }
    return { ok: true, value: plan.tops.flatMap((tops, batch) => tops.map((top) => path.join(batchDirs[batch] as string, top))) };
  }

  /** True when `file` is inside the spool. */
  contains(file: string): boolean {
    return path.resolve(file).startsWith(this.root + path.sep);
  }

  /**
   * Deletes a spooled file whose transfer no longer needs it, and the folders it leaves empty (up to, not
   * including, the spool root). Paths outside the spool are left alone.
   */
  async release(file: string): Promise<void> {
    if (!this.contains(file)) return;
    await rm(file, { force: true }).catch(() => undefined);
    for (let dir = path.dirname(path.resolve(file)); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      // rmdir refuses a folder that is not empty: that ends the climb.
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }

  /** Deletes a spooled file or batch folder (with what is inside) that nothing will upload. */
  async discard(entry: string): Promise<void> {
    if (this.contains(entry)) await rm(entry, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Deletes the spool and everything in it. */
  async dispose(): Promise<void> {
    this.#pending.clear();
    await rm(this.root, { recursive: true, force: true });
  }
}

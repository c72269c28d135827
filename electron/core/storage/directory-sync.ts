/**
 * Directory fsyncs for a writer that publishes many files into a few directories (the local bucket's
 * object shards): the rename that publishes a file is durable only once its directory is fsynced.
 *
 * Two savings over `syncDirectory` (open, fsync, close each time):
 * - Directory handles stay open (a bounded number, least recently used closed first), so a sync is one
 *   system call, not three.
 * - Syncs of one directory are group-committed: a caller that arrives while a sync of its directory is
 *   running waits for the next one (the running one may have started before its rename), and every caller
 *   that arrives meanwhile shares that next one.
 *
 * Best effort, like `syncDirectory`: a platform that cannot open or fsync a directory (Windows) makes a
 * sync a no-op, and the rename itself is still atomic.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { syncDirectory } from './atomic-write.js';

/**
 * Open directory handles kept. Why 1,024: the local bucket publishes into 256 shards per bucket (plus the
 * temporary and upload directories), so a few buckets stay open; far below the usual descriptor limit.
 */
const DEFAULT_MAX_HANDLES = 1024;

/** What the syncer needs of an open directory (a FileHandle; tests pass fakes). */
export interface DirectoryHandle {
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Options of a {@link DirectorySyncer}. */
export interface DirectorySyncerOptions {
  /** Most directory handles kept open (default 1,024). */
  readonly maxHandles?: number;
  /** Opens a directory for fsync. Default: `fs.promises.open(dir, 'r')`. */
  readonly openDir?: (dir: string) => Promise<DirectoryHandle>;
}

/** One directory's state: its handle (undefined when it cannot be opened) and its running and next sync. */
interface DirectoryState {
  handle: Promise<DirectoryHandle | undefined> | undefined;
  running: Promise<void> | undefined;
  next: Promise<void> | undefined;
}

/** See the module comment. One instance per writer; `close()` releases the handles. */
export class DirectorySyncer {
  readonly #maxHandles: number;
  readonly #openDir: (dir: string) => Promise<DirectoryHandle>;
  /** In least recently used order (a use moves a directory to the end). */
  readonly #dirs = new Map<string, DirectoryState>();
  #closed = false;

  constructor(options: DirectorySyncerOptions = {}) {
    this.#maxHandles = Math.max(1, options.maxHandles ?? DEFAULT_MAX_HANDLES);
    this.#openDir = options.openDir ?? ((dir: string): Promise<FileHandle> => open(dir, 'r'));
  }

  /** Makes every rename into `dir` made before this call durable. Never rejects. */
  sync(dir: string): Promise<void> {
    if (this.#closed) return syncDirectory(dir);
    const state = this.#use(dir);
    if (state.next !== undefined) return state.next;
    if (state.running === undefined) return this.#start(dir, state);
    const after = state.running;
    const next = after.then(() => {
      state.next = undefined;
      return this.#start(dir, state);
    });
    state.next = next;
    return next;
  }

  /** Waits for the syncs in flight and closes every handle. Later syncs open, fsync and close each time (`syncDirectory`). */
  async close(): Promise<void> {
    this.#closed = true;
    const states = [...this.#dirs.values()];
    this.#dirs.clear();
    await Promise.all(states.map((state) => state.next ?? state.running));
    await Promise.all(states.map(async (state) => (await state.handle)?.close().catch(() => undefined)));
  }

  #start(dir: string, state: DirectoryState): Promise<void> {
    const run = (async () => {
      state.handle ??= this.#openDir(dir).catch(() => undefined);
      const handle = await state.handle;
      if (handle === undefined) {
        // Not openable now (deleted, or a platform without directory handles): try again next time.
        state.handle = undefined;
        return;
      }
      await handle.sync().catch(() => undefined);
    })();
    state.running = run;
    void run.finally(() => {
      if (state.running === run) state.running = undefined;
      this.#evict();
    });
    return run;
  }

  #use(dir: string): DirectoryState {
    let state = this.#dirs.get(dir);
    if (state === undefined) state = { handle: undefined, running: undefined, next: undefined };
    else this.#dirs.delete(dir);
    this.#dirs.set(dir, state);
    return state;
  }

  /** Closes the least recently used idle handles beyond the limit. */
  #evict(): void {
    if (this.#dirs.size <= this.#maxHandles) return;
    for (const [dir, state] of this.#dirs) {
      if (this.#dirs.size <= this.#maxHandles) return;
      if (state.running !== undefined || state.next !== undefined) continue;
      this.#dirs.delete(dir);
      void state.handle?.then((handle) => handle?.close().catch(() => undefined));
    }
  }
}

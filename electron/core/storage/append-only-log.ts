/**
 * An append-only log of JSON values, one per line (JSON Lines): the upload history.
 *
 * Why JSON Lines and not one JSON document rewritten per upload: appending costs one short write
 * whatever the history's length, while rewriting costs the whole history every time, O(n²) in all;
 * 100,000 uploads of ~200-byte entries would rewrite about a terabyte. A crash can only tear the last
 * line, which the reader skips and the writer repairs before appending.
 *
 * Appends are group-committed: entries that arrive while a write and fsync are under way go out together
 * in the next one, so a burst of finished uploads costs a few fsyncs, not one each. With a commit interval
 * (`commitIntervalMs`) commits are also spaced out: a steady stream of appends (hundreds of small files a
 * second) shares one write and fsync per interval, where it would otherwise cost one per entry or two.
 * {@link AppendOnlyLog.compact} rewrites the log atomically (temp file + rename) to drop old or unwanted
 * entries.
 */
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isErrno, publishFile, removeQuietly, tempPathFor, writeAll } from './atomic-write.js';
import { MAX_LINE_BYTES, NEWLINE, parseLine, readLog, type LogReadOptions } from './log-reader.js';

export { readLog, type LogReadOptions, type LogSkip } from './log-reader.js';

/**
 * Makes the file end at a line boundary before appending: an unfinished last line that is complete JSON
 * gets its newline; a torn write is cut off (appending after it would merge it with the next entry); an
 * unfinished "line" longer than any entry is garbage of unknown length, so it is ended with a newline
 * (the reader skips it) rather than searched through.
 */
async function repairTail(logPath: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(logPath)).size;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  if (size === 0) return;
  const file = await open(logPath, 'r+');
  try {
    // Read backwards in blocks until the last newline, the start of the file, or more than a line can be.
    const block = 64 * 1024;
    let start = size;
    let tail = Buffer.alloc(0);
    let found = false;
    while (start > 0 && tail.length <= MAX_LINE_BYTES) {
      const from = Math.max(0, start - block);
      const buffer = Buffer.alloc(start - from);
      await file.read(buffer, 0, buffer.length, from);
      const newline = buffer.lastIndexOf(NEWLINE);
      if (newline >= 0) {
        tail = Buffer.concat([buffer.subarray(newline + 1), tail]);
        start = from + newline + 1;
        found = true;
        break;
      }
      tail = Buffer.concat([buffer, tail]);
      start = from;
    }
    if (tail.length === 0) return;
    const complete = tail.length <= MAX_LINE_BYTES && parseLine(tail, (value) => value).ok;
    if (complete || (!found && start > 0)) await file.write('\n', size);
    else await file.truncate(start);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Options of a log. */
export interface AppendOnlyLogOptions {
  readonly path: string;
  /** File mode of a new log. Default 0o600: history names the user's files. */
  readonly mode?: number;
  /**
   * Least time from one commit (write + fsync) to the next, in ms; appends meanwhile wait and go out
   * together. An append after a quiet spell is committed at once. Default 0: no spacing.
   */
  readonly commitIntervalMs?: number;
}

/** What a compaction keeps. */
export interface CompactOptions<T> extends LogReadOptions<T> {
  /** Keep an entry? Default: all. */
  readonly keep?: (entry: T) => boolean;
  /** Then keep only the newest this many. */
  readonly keepLast?: number;
}

interface Waiter {
  readonly text: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** See the module comment. One instance per file in a process; the file is opened on the first append. */
export class AppendOnlyLog<T> {
  readonly #path: string;
  readonly #mode: number;
  #handle: FileHandle | undefined;
  #queue: Waiter[] = [];
  #pumping = false;
  #lock: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #commitIntervalMs: number;
  /** When the last commit began (`performance.now()`). */
  #lastCommitAt = Number.NEGATIVE_INFINITY;
  /** Ends the wait for the commit interval at once (set while waiting). */
  #wake: (() => void) | undefined;
  /** A flush is waiting: the next batch goes out without waiting for the interval. */
  #urgent = false;
  /** The batch being written and fsynced, settled (never rejecting) when it is done. */
  #committing: Promise<void> | undefined;

  constructor(options: AppendOnlyLogOptions) {
    this.#path = options.path;
    this.#mode = options.mode ?? 0o600;
    this.#commitIntervalMs = Math.max(0, options.commitIntervalMs ?? 0);
  }

  /** Appends `entry`; resolves once it is on disk (fsynced). */
  append(entry: T): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The log is closed.'));
    let text: string;
    try {
      text = `${JSON.stringify(entry)}\n`;
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ text, resolve, reject });
      if (!this.#pumping) {
        this.#pumping = true;
        void this.#exclusive(() => this.#pump());
      }
    });
  }

  /**
   * Rewrites the log with only the entries `keep` accepts, then only the newest `keepLast` of them
   * (streaming, two passes when `keepLast` is set), dropping bad lines too. Atomic: a crash leaves the old
   * log or the new one. Appends made meanwhile wait and go after. Returns how many entries were kept.
   */
  compact(options: CompactOptions<T>): Promise<{ kept: number }> {
    return this.#exclusive(async () => {
      await this.#closeHandle();
      const keep = options.keep ?? (() => true);
      let total = 0;
      // Skipped lines are reported from the first pass only.
      const second: LogReadOptions<T> = options.keepLast === undefined ? options : { parse: options.parse };
      if (options.keepLast !== undefined) for await (const entry of readLog(this.#path, options)) if (keep(entry)) total++;
      const skip = options.keepLast === undefined ? 0 : Math.max(0, total - options.keepLast);
      const temp = tempPathFor(this.#path);
      await mkdir(path.dirname(this.#path), { recursive: true });
      const file = await open(temp, 'wx', this.#mode);
      let index = 0;
      let kept = 0;
      try {
        let buffer = '';
        for await (const entry of readLog(this.#path, second)) {
          if (!keep(entry) || index++ < skip) continue;
          buffer += `${JSON.stringify(entry)}\n`;
          kept++;
          // Why 64 KiB: few syscalls, bounded memory.
          if (buffer.length >= 64 * 1024) {
            await writeAll(file, Buffer.from(buffer));
            buffer = '';
          }
        }
        await writeAll(file, Buffer.from(buffer));
        await file.sync();
        await file.close();
        await publishFile(temp, this.#path, 'replace');
      } catch (error) {
        await file.close().catch(() => undefined);
        await removeQuietly(temp);
        throw error;
      }
      return { kept };
    });
  }

  /**
   * Commits every entry appended so far without waiting out the commit interval; resolves once they are
   * on disk, or their write failed (the failure goes to their appenders). Later appends are not waited for.
   */
  flush(): Promise<void> {
    if (this.#queue.length === 0) return this.#committing ?? Promise.resolve();
    // An empty entry behind the others: it is committed in the same batch as the last of them.
    const marker = new Promise<void>((resolve) => this.#queue.push({ text: '', resolve, reject: () => resolve() }));
    this.#urgent = true;
    this.#wake?.();
    return marker;
  }

  /** Waits for pending appends (committing them at once), then closes the file. Later appends are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#wake?.();
    await this.#exclusive(() => this.#closeHandle());
  }

  /** Runs `task` after everything queued before it (appends, compactions), never alongside. */
  #exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = this.#lock.then(task);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  async #pump(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        if (this.#mustWait()) await this.#waitForInterval();
        const batch = this.#queue.splice(0);
        this.#urgent = false;
        this.#lastCommitAt = performance.now();
        let committed = (): void => undefined;
        this.#committing = new Promise<void>((resolve) => (committed = resolve));
        try {
          const handle = await this.#open();
          await writeAll(handle, Buffer.from(batch.map((waiter) => waiter.text).join('')));
          await handle.datasync();
          for (const waiter of batch) waiter.resolve();
        } catch (error) {
          // Reopening repairs whatever part of the batch reached the disk.
          await this.#closeHandle();
          for (const waiter of batch) waiter.reject(error);
        } finally {
          // No await between settling the batch and the loop's check: an append made by a caller that was
          // waiting on this batch starts a pump of its own, queued behind anything queued meanwhile.
          this.#committing = undefined;
          committed();
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** True when the next commit must wait for the commit interval (none was asked for at once). */
  #mustWait(): boolean {
    return !this.#closed && !this.#urgent && this.#lastCommitAt + this.#commitIntervalMs > performance.now();
  }

  /** Waits until the commit interval since the last commit has passed, unless woken (flush, close). */
  async #waitForInterval(): Promise<void> {
    const wait = this.#lastCommitAt + this.#commitIntervalMs - performance.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), Math.max(0, wait));
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle !== undefined) return this.#handle;
    await mkdir(path.dirname(this.#path), { recursive: true });
    await repairTail(this.#path);
    this.#handle = await open(this.#path, 'a', this.#mode);
    return this.#handle;
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}

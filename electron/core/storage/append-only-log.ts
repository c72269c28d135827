/**
 * An append-only log of JSON values, one per line (JSON Lines): the upload history.
 *
 * Why JSON Lines and not one JSON document rewritten per upload: appending costs one short write
 * whatever the history's length, while rewriting costs the whole history every time, O(n²) in all;
 * 100,000 uploads of ~200-byte entries would rewrite about a terabyte. A crash can only tear the last
 * line, which the reader skips and the writer repairs before appending.
 *
 * Appends are group-committed: entries that arrive while a write and fsync are under way go out together
 * in the next one, so a burst of finished uploads costs a few fsyncs, not one each. {@link AppendOnlyLog.compact}
 * rewrites the log atomically (temp file + rename) to drop old or unwanted entries.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isErrno, publishFile, removeQuietly, tempPathFor, writeAll } from './atomic-write.js';

/** A line the reader skipped. `line` counts from 1. */
export interface LogSkip {
  readonly line: number;
  /** `torn-tail`: an unfinished last line (a crash mid-append); `malformed`: a bad line anywhere else. */
  readonly reason: 'torn-tail' | 'malformed';
}

/** How to read a log. */
export interface LogReadOptions<T> {
  /** Validates one entry; throws to skip it as malformed. */
  readonly parse: (value: unknown) => T;
  /** Told about each skipped line. */
  readonly onSkip?: (skip: LogSkip) => void;
}

/**
 * Longest line read. Why 1 MiB: history entries are a few hundred bytes; a longer "line" is garbage
 * (a file overwritten with binary data) and must not be buffered whole.
 */
const MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

function parseLine<T>(bytes: Buffer, parse: (value: unknown) => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: parse(JSON.parse(bytes.toString('utf8'))) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads a log entry by entry, streaming (a long history is never held whole). A missing file is an empty
 * log. Blank lines are ignored; bad lines are skipped and reported; an unfinished last line is kept if it
 * is complete JSON (only its newline was lost) and otherwise skipped as `torn-tail`.
 */
export async function* readLog<T>(logPath: string, options: LogReadOptions<T>): AsyncGenerator<T> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  let oversized = false;
  const stream = createReadStream(logPath);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      for (let end = data.indexOf(NEWLINE); end >= 0; end = data.indexOf(NEWLINE)) {
        line++;
        const bytes = data.subarray(0, end);
        data = data.subarray(end + 1);
        if (oversized) {
          oversized = false;
          options.onSkip?.({ line, reason: 'malformed' });
        } else if (bytes.toString('utf8').trim() !== '') {
          const parsed = parseLine(bytes, options.parse);
          if (parsed.ok) yield parsed.value;
          else options.onSkip?.({ line, reason: 'malformed' });
        }
      }
      if (data.length > MAX_LINE_BYTES) {
        oversized = true;
        data = Buffer.alloc(0);
      }
      rest = Buffer.from(data);
    }
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  } finally {
    stream.destroy();
  }
  if (oversized || rest.toString('utf8').trim() !== '') {
    line++;
    const parsed = oversized ? ({ ok: false } as const) : parseLine(rest, options.parse);
    if (parsed.ok) yield parsed.value;
    else options.onSkip?.({ line, reason: 'torn-tail' });
  }
}

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

  constructor(options: AppendOnlyLogOptions) {
    this.#path = options.path;
    this.#mode = options.mode ?? 0o600;
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

  /** Waits for pending appends, then closes the file. Later appends are refused. */
  async close(): Promise<void> {
    this.#closed = true;
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
        const batch = this.#queue.splice(0);
        try {
          const handle = await this.#open();
          await writeAll(handle, Buffer.from(batch.map((waiter) => waiter.text).join('')));
          await handle.datasync();
          for (const waiter of batch) waiter.resolve();
        } catch (error) {
          // Reopening repairs whatever part of the batch reached the disk.
          await this.#closeHandle();
          for (const waiter of batch) waiter.reject(error);
        }
      }
    } finally {
      this.#pumping = false;
    }
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

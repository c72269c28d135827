/**
 * Reading a JSON Lines log (append-only-log.ts) entry by entry, streaming, skipping damaged lines.
 */
import { createReadStream } from 'node:fs';
import { isErrno } from './atomic-write.js';

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
export const MAX_LINE_BYTES = 1024 * 1024;
/** The line separator byte. */
export const NEWLINE = 0x0a;

/** Parses one line with `parse`; `ok: false` when it is not JSON or `parse` refuses it. */
export function parseLine<T>(bytes: Buffer, parse: (value: unknown) => T): { ok: true; value: T } | { ok: false } {
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

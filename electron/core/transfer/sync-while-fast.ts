/**
 * File access for a thread with no window to keep responsive (the CLI): the calls the engine makes for
 * each small file (the scan's `lstat` and `access`, the `stat` before and after the upload, and reading a
 * body of at most one chunk) are made synchronously while the storage answers fast, and through libuv's
 * thread pool for good once it has not.
 *
 * Why: an asynchronous call is a round trip through the thread pool: the main thread wakes a pool
 * thread, and the answer waits for its turn on a busy event loop. On the 2-core benchmark machine each
 * such call cost about 60 µs of the main thread, against 3-8 µs for the call itself, and a small file
 * takes six of them; 2,000 small files uploaded 19% faster with the calls made in place (README
 * "Performance").
 *
 * Why not always: a synchronous call stops the event loop (progress, timeouts, Ctrl+C) for as long as it
 * takes, and calls made one after another lose the pool's parallelism. That costs nothing where a call
 * takes microseconds (a local SSD, the page cache) and a lot where it takes milliseconds (a network share,
 * a spinning disk), so each call is timed, and once slow calls are common the rest go to the thread pool.
 * The desktop app never uses this: its engine runs on the thread that serves its windows.
 */
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import type { FileRange } from './object-api.js';
import { readRangeWhole, readRangeWholeSync } from './http/file-range-source.js';
import { nodeScanFs, toScanStat, type ScanFs } from './scan-fs.js';

/**
 * A call slower than this counts as slow. Why 2 ms: a `stat`, or a read of up to 256 KiB, from a local SSD
 * or the page cache takes microseconds; a disk seek or a network round trip with a transfer takes
 * milliseconds.
 */
export const SLOW_CALL_MS = 2;

/**
 * Calls per window. A window with {@link SLOW_CALLS_TO_SWITCH} slow calls switches the rest to the thread
 * pool. Why a share of a window rather than a count: on a busy machine the scheduler takes the core from
 * a thread in the middle of a call now and then (a 4 ms tick on Linux), about once in a few hundred
 * calls; slow storage makes most calls slow.
 */
export const WINDOW_CALLS = 32;

/** Why 8: a quarter of a window, far above the scheduler's share, and few enough to switch within milliseconds on a slow disk. */
export const SLOW_CALLS_TO_SWITCH = 8;

/** The asynchronous calls used once the storage has been slow. */
export interface AsyncFileCalls {
  readonly scan: ScanFs;
  readonly readWhole: (range: FileRange) => Promise<Buffer>;
}

/** Options of {@link createSyncWhileFastAccess}; every field has a default. */
export interface SyncWhileFastOptions {
  /** Default {@link SLOW_CALL_MS}. */
  readonly slowCallMs?: number;
  /** Default {@link WINDOW_CALLS}. */
  readonly windowCalls?: number;
  /** Default {@link SLOW_CALLS_TO_SWITCH}. */
  readonly slowCallsToSwitch?: number;
  /** A monotonic clock in milliseconds (default `performance.now`); tests pass one that jumps. */
  readonly now?: () => number;
  /** The calls after the switch (default Node's, through the thread pool). */
  readonly fallback?: AsyncFileCalls;
}

/** The file calls, in the engine's shapes, and which way they go now. */
export interface SyncWhileFastAccess extends AsyncFileCalls {
  /** `sync` until {@link SLOW_CALLS_TO_SWITCH} calls of one window were slow, then `async` for good. */
  mode(): 'sync' | 'async';
}

/** Creates the file calls of one engine (one run of `dropsign upload`). */
export function createSyncWhileFastAccess(options: SyncWhileFastOptions = {}): SyncWhileFastAccess {
  const slowCallMs = options.slowCallMs ?? SLOW_CALL_MS;
  const windowCalls = options.windowCalls ?? WINDOW_CALLS;
  const slowCallsToSwitch = options.slowCallsToSwitch ?? SLOW_CALLS_TO_SWITCH;
  const now = options.now ?? ((): number => performance.now());
  const fallback = options.fallback ?? { scan: nodeScanFs, readWhole: readRangeWhole };
  let switched = false;
  let calls = 0;
  let slowCalls = 0;
  const isSync = (): boolean => !switched;

  /** Runs `call` in place and counts it when it was slow; failed calls count too (a timed-out share fails slowly). */
  function timed<T>(call: () => T): T {
    const started = now();
    try {
      return call();
    } finally {
      if (now() - started > slowCallMs) slowCalls++;
      if (slowCalls >= slowCallsToSwitch) switched = true;
      if (++calls === windowCalls) {
        calls = 0;
        slowCalls = 0;
      }
    }
  }

  // Each is an async function, so a synchronous throw becomes a rejection, as the thread pool's would.
  const scan: ScanFs = {
    lstat: async (path) => (isSync() ? toScanStat(timed(() => lstatSync(path, { bigint: true }))) : fallback.scan.lstat(path)),
    stat: async (path) => (isSync() ? toScanStat(timed(() => statSync(path, { bigint: true }))) : fallback.scan.stat(path)),
    // A folder is listed a batch of names per call, not a call per file: nothing to gain in place.
    list: (path) => fallback.scan.list(path),
    checkReadable: async (path) => (isSync() ? timed(() => accessSync(path, constants.R_OK)) : fallback.scan.checkReadable(path)),
  };
  return {
    scan,
    readWhole: async (range) => (isSync() ? timed(() => readRangeWholeSync(range)) : fallback.readWhole(range)),
    mode: () => (isSync() ? 'sync' : 'async'),
  };
}

/**
 * The production edges of the engine (the system clock and timers, the real file system: scanning, stat,
 * SHA-256 for `{sha256}` key templates), and the engine context built from the injected ones.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { nodeScanFs } from '../scan-fs.js';
import { CheckpointStore } from './checkpoint-store.js';
import type { EngineClock, EngineDeps, EngineFs } from './engine-types.js';
import { resolveSettings } from './settings.js';
import { ClockOffsets } from './signer.js';
import type { EngineContext } from './transfer-session.js';

/** `Date.now` and the global timers. */
export const systemClock: EngineClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Read size for hashing. Why 1 MiB: hashing is bound by SHA-256 itself (~1-2 GB/s), and 1 MiB reads keep
 * the per-read overhead negligible while one file never holds more than a couple of them.
 */
const HASH_CHUNK_BYTES = 1024 * 1024;

/** The SHA-256 of a file as 64 lower-case hex digits, streamed; rejects when `signal` aborts. */
export async function sha256File(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { highWaterMark: HASH_CHUNK_BYTES, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** The real file system. */
export const nodeEngineFs: EngineFs = { scan: nodeScanFs, sha256: sha256File };

/** The engine-wide context from `deps`, with a default for every edge not given. Throws for invalid settings. */
export function createEngineContext(deps: EngineDeps): EngineContext {
  return {
    api: deps.objectApi,
    clock: deps.clock ?? systemClock,
    random: deps.random ?? Math.random,
    uuid: deps.uuid ?? randomUUID,
    settings: resolveSettings(deps.settings),
    fs: deps.fs ?? nodeEngineFs,
    offsets: new ClockOffsets(),
    checkpoints: new CheckpointStore(path.join(deps.stateDir, 'checkpoints')),
    log: deps.log ?? (() => undefined),
  };
}

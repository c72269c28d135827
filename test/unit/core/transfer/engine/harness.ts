/**
 * Engine test harness: an engine over a temporary state directory with a fake object API, a fake clock
 * and an in-memory file system; it records every event and progress batch, and helpers wait for
 * conditions while moving the fake clock forward when nothing else happens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Credentials } from '../../../../../electron/shared/signing.js';
import type { ProgressBatch, TransferEvent, TransferState, TransferView } from '../../../../../electron/shared/transfer.js';
import { createTransferEngine } from '../../../../../electron/core/transfer/engine/engine.js';
import type {
  CredentialsProvider,
  Destination,
  DestinationDescriptor,
  EngineSettings,
  TransferEngine,
} from '../../../../../electron/core/transfer/engine/engine-types.js';
import { FakeClock } from './fake-clock.js';
import { FakeFs } from './fake-fs.js';
import { FakeObjectApi } from './fake-object-api.js';

/** Test credentials (never a real key). */
export const CREDENTIALS: Credentials = { accessKeyId: 'LTAI5tEngineTestKeyId', accessKeySecret: 'engine-test-secret' };

/** A destination: OSS V4, virtual-hosted, bucket `photos`, template `{path}`, overwrite, no link. */
export function destination(overrides: Partial<Destination> = {}): Destination {
  return {
    scheme: 'oss-v4',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    style: 'virtual-hosted',
    bucket: 'photos',
    region: 'cn-hangzhou',
    prefix: '',
    keyTemplate: '{path}',
    ifExists: 'overwrite',
    link: { kind: 'none' },
    credentials: async () => CREDENTIALS,
    ...overrides,
  };
}

/** A running engine and its fakes. */
export interface Harness {
  readonly engine: TransferEngine;
  readonly api: FakeObjectApi;
  readonly clock: FakeClock;
  readonly fs: FakeFs;
  readonly stateDir: string;
  readonly events: TransferEvent[];
  readonly batches: ProgressBatch[];
  readonly logs: string[];
}

/** Options of {@link startEngine}; anything not given is made fresh. */
export interface HarnessOptions {
  readonly api?: FakeObjectApi;
  readonly clock?: FakeClock;
  readonly fs?: FakeFs;
  readonly stateDir?: string;
  readonly settings?: EngineSettings;
  readonly random?: () => number;
  readonly credentialsFor?: (destination: DestinationDescriptor) => CredentialsProvider | undefined;
}

const dirs: string[] = [];
const engines: TransferEngine[] = [];

/** A fresh temporary state directory, removed by {@link cleanUp}. */
export async function tempStateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dropsign-engine-'));
  dirs.push(dir);
  return dir;
}

/** Closes the engines started so far and removes the temporary directories (call from afterEach). */
export async function cleanUp(): Promise<void> {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

let ids = 0;

/** Starts an engine with fakes. */
export async function startEngine(options: HarnessOptions = {}): Promise<Harness> {
  const api = options.api ?? new FakeObjectApi();
  const clock = options.clock ?? new FakeClock();
  const fs = options.fs ?? new FakeFs();
  const stateDir = options.stateDir ?? (await tempStateDir());
  const logs: string[] = [];
  const engine = await createTransferEngine({
    objectApi: api,
    stateDir,
    clock,
    fs,
    random: options.random ?? (() => 0.5),
    uuid: () => `t-${String(++ids).padStart(6, '0')}`,
    settings: options.settings ?? {},
    log: (message) => logs.push(message),
    ...(options.credentialsFor === undefined ? {} : { credentialsFor: options.credentialsFor }),
  });
  engines.push(engine);
  const events: TransferEvent[] = [];
  const batches: ProgressBatch[] = [];
  engine.onEvent((event) => events.push(event));
  engine.onProgress((batch) => batches.push(batch));
  return { engine, api, clock, fs, stateDir, events, batches, logs };
}

/**
 * Waits until `check()` holds, letting I/O and promises run; when a clock is given, fires its next timer
 * every few turns (retry waits, debounced writes), so back-offs pass in no real time.
 */
export async function until(check: () => boolean, clock?: FakeClock, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let turns = 0;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setImmediate(resolve));
    // Why 10 turns: long enough for a fake call and a state change to settle, so time moves only when nothing else does.
    if (clock !== undefined && ++turns % 10 === 0) clock.fireNext();
  }
}

/** Awaits `promise`, moving `clock` forward as {@link until} does. */
export async function drive<T>(promise: Promise<T>, clock?: FakeClock, timeoutMs = 5000): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  await until(() => settled, clock, timeoutMs);
  return watched;
}

/** The view of the transfer whose key or path ends with `suffix`. */
export function find(engine: TransferEngine, suffix: string): TransferView {
  const found = engine.snapshot().transfers.find((view) => view.path.endsWith(suffix) || view.key.endsWith(suffix));
  if (found === undefined) throw new Error(`No transfer for ${suffix}`);
  return found;
}

/** The state of the transfer with `id`. */
export function stateOf(engine: TransferEngine, id: string): TransferState {
  const found = engine.snapshot().transfers.find((view) => view.id === id);
  if (found === undefined) throw new Error(`No transfer ${id}`);
  return found.state;
}

/** The state kinds `id` went through, in order, from the recorded events. */
export function history(events: readonly TransferEvent[], id: string): string[] {
  return events.flatMap((event) => (event.kind === 'state' && event.id === id ? [event.state.kind] : []));
}

/**
 * App services for unit tests: a temp app data directory, an in-memory keychain, no local bucket, and a
 * fake engine (so nothing touches the network).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../../electron/core/app/index.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import type { ObjectApi } from '../../../../electron/core/transfer/object-api.js';
import type { InvokeChannel, InvokeResult, InvokeValue } from '../../../../electron/shared/ipc/channels.js';
import { FakeEngine } from './fake-engine.js';

/** The services and their edges. */
export interface ServicesFixture {
  readonly services: AppServices;
  readonly dir: string;
  readonly keychain: MemorySecretStore;
  readonly engines: FakeEngine[];
  /** The current fake engine. */
  engine(): FakeEngine;
  close(): Promise<void>;
}

const NO_API = new Proxy({} as ObjectApi, { get: (_target, name) => (name === 'close' ? () => undefined : () => Promise.reject(new Error('no network in unit tests'))) });

/** Builds the fixture; `options` override the defaults. */
export async function servicesFixture(options: Partial<AppServicesOptions> = {}, prepare?: (dir: string) => Promise<void>): Promise<ServicesFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dropsign-app-'));
  await prepare?.(dir);
  const keychain = new MemorySecretStore({ kind: 'available' }, 'the test keychain');
  const engines: FakeEngine[] = [];
  const services = await createAppServices({
    appDataDir: dir,
    face: 'browser',
    version: '9.9.9',
    platform: 'linux',
    env: {},
    home: dir,
    localBucket: false,
    secretStores: () => keychain,
    objectApiFor: () => NO_API,
    createEngine: (deps) => {
      const engine = new FakeEngine(deps.settings ?? {});
      engines.push(engine);
      return Promise.resolve(engine);
    },
    ...options,
  });
  return {
    services,
    dir,
    keychain,
    engines,
    engine: () => engines[engines.length - 1] as FakeEngine,
    async close() {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a channel's reply that must succeed; throws with the error otherwise. */
export async function okValue<C extends InvokeChannel>(reply: Promise<InvokeResult<C>>): Promise<InvokeValue<C>> {
  const result = await reply;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * createAppServices with a fake engine: every call answers a Result (bad arguments, unknown channels,
 * typed and unexpected errors, after close), events reach `on`, settings round-trip and reach the
 * running engine, and enqueue builds the destination from the profile.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../../../electron/core/transfer/engine/index.js';
import type { InvokeChannel } from '../../../../electron/shared/ipc/channels.js';
import type { TransferEvent } from '../../../../electron/shared/transfer.js';
import { servicesFixture, type ServicesFixture } from './services-fixture.js';
import { view } from './fake-engine.js';

let fx: ServicesFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function start(...args: Parameters<typeof servicesFixture>): Promise<ServicesFixture> {
  fx = await servicesFixture(...args);
  return fx;
}

describe('invoke', () => {
  it('answers app:info', async () => {
    const { services, dir } = await start();
    const info = await services.invoke('app:info', []);
    expect(info).toEqual({
      ok: true,
      value: {
        name: 'Dropsign',
        version: '9.9.9',
        platform: 'linux',
        face: 'browser',
        dataDir: dir,
        keychain: { kind: 'available' },
        localBucket: { kind: 'off' },
        defaultProfile: 'local',
        notices: [],
      },
    });
  });

  it('answers invalid arguments and unknown channels with invalid-argument', async () => {
    const { services } = await start();
    expect(await services.invoke('transfers:enqueue', [{ paths: 'nope' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'paths' } } });
    expect(await services.invoke('transfers:enqueue', 'not an array')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await services.invoke('files:delete' as InvokeChannel, [])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('turns a typed error into its ErrorInfo', async () => {
    const { services } = await start();
    expect(await services.invoke('profiles:get', ['nobody'])).toMatchObject({ ok: false, error: { code: 'profile-not-found', details: { profile: 'nobody' } } });
  });

  it('turns an unexpected error into `internal`, without a stack', async () => {
    const { services, engine } = await start();
    engine().onEnqueue = () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    const result = await services.invoke('transfers:enqueue', [{ paths: ['/tmp'] }]);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error: Cannot read properties of undefined', hint: expect.any(String) },
    });
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it('scrubs the secret of profiles:save from any error', async () => {
    const { services, keychain } = await start();
    const secret = 'Leaky+Secret/Value';
    keychain.set = (_account, value) => Promise.reject(new Error(`backend refused ${value}`));
    const result = await services.invoke('profiles:save', [
      { profile: { name: 'p', provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'public' }, bucket: 'photos', accessKeyId: 'AK' }, secret: { accessKeySecret: secret } },
    ]);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).toContain('[redacted]');
  });

  it('answers after close with an error', async () => {
    const { services } = await start();
    await services.close();
    expect(await services.invoke('app:info', [])).toMatchObject({ ok: false, error: { code: 'internal', message: 'Dropsign is shutting down.' } });
  });
});

describe('events and snapshot', () => {
  it('forwards the engine events in order and the snapshot', async () => {
    const { services, engine } = await start();
    const received: TransferEvent[][] = [];
    const seqs: number[] = [];
    const offEvents = services.on('transfers:events', (events) => received.push([...events]));
    services.on('transfers:progress', (batch) => seqs.push(batch.seq));
    engine().event({ kind: 'added', transfer: view('a') });
    engine().progress();
    offEvents();
    engine().event({ kind: 'added', transfer: view('b') });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received.map((batch) => batch.map((e) => e.seq))).toEqual([[1]]);
    expect(seqs).toEqual([2]);
    expect(services.snapshot()).toMatchObject({ seq: 3, transfers: [{ id: 'a' }, { id: 'b' }] });
    expect(await services.invoke('transfers:snapshot', [])).toEqual({ ok: true, value: services.snapshot() });
  });

  it('keeps a listener that throws from stopping the others', async () => {
    const logged: string[] = [];
    const { services, engine } = await start({ log: (line) => logged.push(line) });
    const seen: number[] = [];
    services.on('transfers:progress', () => {
      throw new Error('renderer gone');
    });
    services.on('transfers:progress', (batch) => seen.push(batch.seq));
    engine().progress();
    expect(seen).toEqual([1]);
    expect(logged).toEqual(['An event listener failed: renderer gone']);
  });
});

describe('settings', () => {
  it('round-trips, refuses invalid values naming the field, and hands the saved ones to the running engine', async () => {
    const { services, engines } = await start();
    expect(await services.invoke('settings:get', [])).toMatchObject({ ok: true, value: { concurrency: 4, theme: 'system' } });
    const set = await services.invoke('settings:set', [{ concurrency: 12, theme: 'dark', globalShortcut: 'CommandOrControl+Shift+U' }]);
    expect(set).toMatchObject({ ok: true, value: { concurrency: 12, theme: 'dark', globalShortcut: 'CommandOrControl+Shift+U', partSize: 8 * 1024 * 1024 } });
    expect(await services.invoke('settings:get', [])).toEqual(set);
    expect(await services.invoke('settings:set', [{ concurrency: 99 }])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'concurrency' } } });
    expect(engines).toHaveLength(1);
    expect(engines[0]?.settings.concurrency).toBe(12);
  });

  it('reports a damaged settings file as a notice and uses the defaults', async () => {
    const { services } = await start({}, (dir) => writeFile(path.join(dir, 'settings.json'), '{"version":1,"data":'));
    expect(await services.invoke('settings:get', [])).toMatchObject({ ok: true, value: { concurrency: 4 } });
    const info = await services.invoke('app:info', []);
    expect(info.ok && info.value.notices).toEqual([expect.objectContaining({ level: 'warning', code: 'state-file-unreadable' })]);
  });
});

describe('transfers', () => {
  it('enqueues to the default profile with its destination and credentials', async () => {
    const { services, engine } = await start();
    let destination: Destination | undefined;
    engine().onEnqueue = (_paths, given) => {
      destination = given;
      return Promise.resolve({ added: 1, ids: ['t1'], problems: [], alreadyQueued: 0 });
    };
    const result = await services.invoke('transfers:enqueue', [{ paths: ['/tmp/a'], prefix: 'in/', ifExists: 'rename' }]);
    expect(result).toEqual({ ok: true, value: { profile: 'local', ids: ['t1'], problems: [], alreadyQueued: 0 } });
    expect(destination).toMatchObject({
      scheme: 'oss-v4',
      endpoint: 'http://127.0.0.1:47110',
      style: 'path',
      bucket: 'dropsign',
      region: 'cn-hangzhou',
      prefix: 'in/',
      keyTemplate: '{path}',
      ifExists: 'rename',
      link: { kind: 'presigned', expiresInSeconds: 3600 },
      profile: 'local',
    });
    expect((await destination?.credentials())?.accessKeyId).toMatch(/^DSLB/);
  });

  it('refuses relative paths, naming which', async () => {
    const { services } = await start();
    expect(await services.invoke('transfers:enqueue', [{ paths: ['/ok', 'relative/x'] }])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'paths[1]' } } });
  });

  it('says once that the secret is missing, before scanning anything', async () => {
    const { services, engine, keychain } = await start();
    await services.invoke('profiles:save', [
      { profile: { name: 'prod', provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'public' }, bucket: 'photos', accessKeyId: 'AK' }, secret: { accessKeySecret: 'SK' } },
    ]);
    keychain.entries.clear();
    expect(await services.invoke('transfers:enqueue', [{ paths: ['/tmp/a'], profile: 'prod' }])).toMatchObject({ ok: false, error: { code: 'secret-missing' } });
    expect(engine().calls).toEqual([]);
  });

  it('runs the controls on one transfer or all', async () => {
    const { services, engine } = await start();
    engine().event({ kind: 'added', transfer: view('a') });
    engine().event({ kind: 'added', transfer: view('b') });
    for (const channel of ['transfers:pause', 'transfers:resume', 'transfers:cancel', 'transfers:retry'] as const) {
      expect(await services.invoke(channel, [])).toEqual({ ok: true, value: null });
    }
    await services.invoke('transfers:remove', ['a']);
    await services.invoke('transfers:remove', []);
    await services.invoke('transfers:clear-finished', []);
    expect(engine().calls).toEqual(['pause', 'resume', 'cancel', 'retry', 'remove a', 'remove b', 'clearFinished']);
  });
});

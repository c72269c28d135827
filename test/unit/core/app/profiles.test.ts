/**
 * The profiles channels: the secret is write-only (no answer holds it, no file in the data directory
 * holds it), saves validate and default as the CLI does, replace keeps or moves the secret, remove takes
 * the secret too, and `local` is built in.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../../electron/shared/ipc/profile-types.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import { servicesFixture, type ServicesFixture } from './services-fixture.js';

const SECRET = 'Pr0file+Secret/Value=NeverReturned';
const TOKEN = 'Sts+Token/Value=NeverReturnedEither';
const PROD: ProfileInput = { name: 'prod', provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'public' }, bucket: 'photos', accessKeyId: 'LTAI5tExample' };

let fx: ServicesFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function start(): Promise<ServicesFixture> {
  fx = await servicesFixture();
  return fx;
}

/** Every file under `dir`, read as text. */
async function allFiles(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) texts.push(await readFile(file, 'latin1'));
  }
  return texts;
}

describe('profiles', () => {
  it('saves with a write-only secret: never in an answer, never in a file', async () => {
    const { services, dir, keychain } = await start();
    const saved = await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET, securityToken: TOKEN, securityTokenExpiresAt: '2099-01-01T00:00:00Z' } }]);
    expect(saved).toMatchObject({
      ok: true,
      value: {
        created: true,
        becameDefault: true,
        profile: { name: 'prod', scheme: 'oss-v4', style: 'virtual-hosted', keyPrefix: '', linkExpirySeconds: 3600, endpointUrl: 'https://oss-cn-hangzhou.aliyuncs.com', secret: 'stored', isDefault: true, builtIn: false },
        warnings: [expect.objectContaining({ code: 'mainland-custom-domain' })],
      },
    });
    const answers = [saved, await services.invoke('profiles:get', ['prod']), await services.invoke('profiles:list', []), await services.invoke('app:info', [])];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(SECRET);
      expect(JSON.stringify(answer)).not.toContain(TOKEN);
    }
    for (const text of await allFiles(dir)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(keychain.entries.get('profile:prod')).toContain(SECRET);
  });

  it('lists local first and says where each secret stands', async () => {
    const { services, keychain } = await start();
    await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    await services.invoke('profiles:save', [{ profile: { ...PROD, name: 'gone' }, secret: { accessKeySecret: SECRET } }]);
    await services.invoke('profiles:save', [{ profile: { ...PROD, name: 'vault', secretStore: 'encrypted-file' }, secret: { accessKeySecret: SECRET } }]);
    keychain.entries.delete('profile:gone');
    const list = await services.invoke('profiles:list', []);
    expect(list.ok && list.value.profiles.map((p) => [p.name, p.secret, p.isDefault])).toEqual([
      ['local', 'built-in', false],
      ['prod', 'stored', true],
      ['gone', 'missing', false],
      ['vault', 'unknown', false],
    ]);
    keychain.setStatus({ kind: 'locked', explanation: 'locked', fix: 'unlock' });
    const locked = await services.invoke('profiles:list', []);
    expect(locked.ok && locked.value.profiles.map((p) => p.secret)).toEqual(['built-in', 'unknown', 'unknown', 'unknown']);
  });

  it('refuses what the CLI refuses, naming the field', async () => {
    const { services } = await start();
    expect(await services.invoke('profiles:save', [{ profile: PROD }])).toMatchObject({ ok: false, error: { code: 'missing-argument', details: { field: 'secret' } } });
    expect(await services.invoke('profiles:save', [{ profile: { ...PROD, name: 'local' }, secret: { accessKeySecret: 's' } }])).toMatchObject({ ok: false, error: { code: 'invalid-profile' } });
    expect(await services.invoke('profiles:save', [{ profile: { ...PROD, region: 'cn hangzhou' }, secret: { accessKeySecret: 's' } }])).toMatchObject({ ok: false, error: { details: { field: 'region' } } });
    expect(await services.invoke('profiles:save', [{ profile: { ...PROD, provider: 's3', endpoint: { kind: 'internal' } }, secret: { accessKeySecret: 's' } }])).toMatchObject({ ok: false, error: { code: 'invalid-profile', details: { field: 'endpoint' } } });
    await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    expect(await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }])).toMatchObject({ ok: false, error: { code: 'profile-exists' } });
  });

  it('replaces fields and keeps, moves or demands the secret as needed', async () => {
    const { services, keychain } = await start();
    await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    const changed = await services.invoke('profiles:save', [{ profile: { ...PROD, keyPrefix: 'uploads/', customDomain: 'https://files.example.com' }, replace: true }]);
    expect(changed).toMatchObject({ ok: true, value: { created: false, becameDefault: false, warnings: [], profile: { keyPrefix: 'uploads/', secret: 'stored' } } });
    expect(await services.invoke('profiles:save', [{ profile: { ...PROD, accessKeyId: 'OTHER' }, replace: true }])).toMatchObject({ ok: false, error: { code: 'missing-argument' } });
    const moved = await services.invoke('profiles:save', [{ profile: { ...PROD, secretStore: 'encrypted-file' }, replace: true }]);
    expect(moved.ok).toBe(true);
    // One memory store stands in for both kinds here, so moving rewrites and then deletes the same entry.
    expect(keychain.entries.has('profile:prod')).toBe(false);
  });

  it('removes a profile with its secret; local stays', async () => {
    const { services, keychain } = await start();
    await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    expect(await services.invoke('profiles:remove', ['prod'])).toEqual({ ok: true, value: { removed: true, wasDefault: true, secretDeleted: true } });
    expect(keychain.entries.size).toBe(0);
    expect(await services.invoke('profiles:remove', ['prod'])).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
    expect(await services.invoke('profiles:remove', ['local'])).toMatchObject({ ok: false, error: { code: 'invalid-profile' } });
    const info = await services.invoke('app:info', []);
    expect(info.ok && info.value.defaultProfile).toBe('local');
  });

  it('sets the default', async () => {
    const { services } = await start();
    await services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    expect(await services.invoke('profiles:set-default', ['local'])).toEqual({ ok: true, value: null });
    expect(await services.invoke('profiles:get', ['local'])).toMatchObject({ ok: true, value: { isDefault: true, builtIn: true, secret: 'built-in', endpointUrl: 'http://127.0.0.1:47110' } });
    expect(await services.invoke('profiles:set-default', ['nobody'])).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
  });

  it('tests a profile with a probe and reports the diagnosis as a value', async () => {
    fx = await servicesFixture({
      probe: { send: () => Promise.resolve({ kind: 'answer', status: 403, headers: { 'x-oss-request-id': 'R1' }, body: '<Error><Code>InvalidAccessKeyId</Code></Error>' }) },
    });
    await fx.services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    const report = await fx.services.invoke('profiles:test', ['prod']);
    expect(report).toMatchObject({ ok: true, value: { profile: 'prod', ok: false, problem: { code: 'invalid-access-key' } } });
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('keeps secrets of a second store kind apart when the host gives two stores', async () => {
    const keychain = new MemorySecretStore();
    const file = new MemorySecretStore();
    fx = await servicesFixture({ secretStores: (kind) => (kind === 'keychain' ? keychain : file) });
    await fx.services.invoke('profiles:save', [{ profile: PROD, secret: { accessKeySecret: SECRET } }]);
    await fx.services.invoke('profiles:save', [{ profile: { ...PROD, secretStore: 'encrypted-file' }, replace: true }]);
    expect([...keychain.entries.keys()]).toEqual([]);
    expect(file.entries.get('profile:prod')).toContain(SECRET);
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ENDPOINT } from '../../../../electron/core/profiles/local-profile.js';
import { readProfileCredentials, writeProfileSecret } from '../../../../electron/core/profiles/profile-credentials.js';
import { ProfileStore } from '../../../../electron/core/profiles/profile-store.js';
import { resolveProfile, type ProfileContext } from '../../../../electron/core/profiles/resolve-profile.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import { PROD, SECRET } from './profile-fixtures.js';

let dir = '';
let keychain: MemorySecretStore;
let context: ProfileContext;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-resolve-'));
  keychain = new MemorySecretStore();
  context = { appDataDir: dir, store: ProfileStore.inAppData(dir), secretStores: () => keychain };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveProfile', () => {
  it('falls back to the built-in local profile, with the local bucket key pair (not the keychain)', async () => {
    const resolved = await resolveProfile(undefined, context);
    expect(resolved).toMatchObject({ builtIn: true, selectedBy: 'fallback' });
    expect(resolved.profile).toMatchObject({ name: 'local', bucket: 'dropsign', region: 'cn-hangzhou', style: 'path', endpoint: { kind: 'custom', url: LOCAL_ENDPOINT } });
    const keysFile = path.join(dir, 'local-bucket', 'access-key.json');
    expect(resolved.secretLocation).toEqual({ kind: 'keys-file', path: keysFile });
    const keys = JSON.parse(await readFile(keysFile, 'utf8')) as { accessKeyId: string; accessKeySecret: string };
    expect(await resolved.credentials()).toEqual({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
    expect(keychain.entries.size).toBe(0);
  });

  it('resolves a named profile, and the stored default without a name', async () => {
    await context.store.save(PROD, { replace: false });
    await writeProfileSecret(PROD, { accessKeySecret: SECRET }, context.secretStores);
    const named = await resolveProfile('prod', context);
    expect(named).toMatchObject({ builtIn: false, selectedBy: 'name', secretLocation: { kind: 'store', store: 'keychain' } });
    expect(await named.credentials()).toEqual({ accessKeyId: PROD.accessKeyId, accessKeySecret: SECRET });
    expect((await resolveProfile(undefined, context)).selectedBy).toBe('default');
  });

  it('reads credentials when asked, so a rotated secret is picked up', async () => {
    await context.store.save(PROD, { replace: false });
    await writeProfileSecret(PROD, { accessKeySecret: 'old-secret' }, context.secretStores);
    const resolved = await resolveProfile('prod', context);
    await writeProfileSecret(PROD, { accessKeySecret: 'new-secret', securityToken: 'tok', securityTokenExpiresAt: '2030-01-01T00:00:00.000Z' }, context.secretStores);
    expect(await resolved.credentials()).toEqual({
      accessKeyId: PROD.accessKeyId,
      accessKeySecret: 'new-secret',
      securityToken: 'tok',
      securityTokenExpiresAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('throws profile-not-found for an unknown name', async () => {
    await expect(resolveProfile('nope', context)).rejects.toMatchObject({ code: 'profile-not-found' });
  });

  it('says "secret missing" only when the store works, and "locked" when it is locked', async () => {
    await context.store.save(PROD, { replace: false });
    await expect(readProfileCredentials(PROD, context.secretStores)).rejects.toMatchObject({ code: 'secret-missing' });
    keychain.setStatus({ kind: 'locked', explanation: 'The OS keychain is locked.', fix: 'Unlock it.' });
    await expect(readProfileCredentials(PROD, context.secretStores)).rejects.toMatchObject({ code: 'keychain-locked' });
  });
});

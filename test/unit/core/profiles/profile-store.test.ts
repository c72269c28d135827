import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../../electron/core/profiles/profile-store.js';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { MINIO, PROD } from './profile-fixtures.js';

let dir = '';
let notices: ErrorInfo[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-profiles-'));
  notices = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(): ProfileStore {
  return ProfileStore.inAppData(dir, { onNotice: (notice) => notices.push(notice), now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
}

describe('ProfileStore', () => {
  it('starts empty, with no default (the built-in local profile)', async () => {
    expect(await open().read()).toEqual({ profiles: [], defaultProfile: undefined });
  });

  it('saves profiles in a versioned, private file; the first one becomes the default', async () => {
    const store = open();
    expect(await store.save(PROD, { replace: false })).toEqual({ becameDefault: true });
    expect(await store.save(MINIO, { replace: false })).toEqual({ becameDefault: false });
    const file = path.join(dir, 'profiles.json');
    const document = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(document).toEqual({ version: 1, data: { profiles: [PROD, MINIO], defaultProfile: 'prod' } });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await open().get('minio')).toEqual(MINIO);
  });

  it('refuses a second profile of the same name unless replacing', async () => {
    const store = open();
    await store.save(PROD, { replace: false });
    await expect(store.save({ ...PROD, bucket: 'other' }, { replace: false })).rejects.toMatchObject({ code: 'profile-exists' });
    await store.save({ ...PROD, bucket: 'other' }, { replace: true });
    expect((await store.get('prod'))?.bucket).toBe('other');
  });

  it('removes profiles; removing the default falls back to local', async () => {
    const store = open();
    await store.save(PROD, { replace: false });
    await store.save(MINIO, { replace: false });
    expect(await store.remove('prod')).toEqual({ removed: true, wasDefault: true });
    expect(await store.remove('prod')).toEqual({ removed: false, wasDefault: false });
    expect(await store.read()).toEqual({ profiles: [MINIO], defaultProfile: undefined });
  });

  it('sets the default to a stored profile or local, never to an unknown name', async () => {
    const store = open();
    await store.save(PROD, { replace: false });
    await store.save(MINIO, { replace: false });
    await store.setDefault('minio');
    expect((await store.read()).defaultProfile).toBe('minio');
    await store.setDefault('local');
    expect((await store.read()).defaultProfile).toBe('local');
    await expect(store.setDefault('nope')).rejects.toMatchObject({ code: 'profile-not-found' });
  });

  it('serialises concurrent changes within a process', async () => {
    const store = open();
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => store.save({ ...PROD, name }, { replace: false })));
    expect((await store.read()).profiles.map((p) => p.name).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sets a damaged file aside, reports where it went, and starts empty', async () => {
    await writeFile(path.join(dir, 'profiles.json'), '{"version":1,"data":{"profiles":[{"name":');
    expect(await open().read()).toEqual({ profiles: [], defaultProfile: undefined });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.code).toBe('state-file-unreadable');
    expect(notices[0]?.message).toContain('profile list was damaged');
    expect(notices[0]?.hint).toContain('profiles.json.corrupt-20250102T030405.000Z');
    expect((await readdir(dir)).sort()).toEqual(['profiles.json.corrupt-20250102T030405.000Z']);
  });

  it('sets aside a file that fails validation (a profile with a bad field)', async () => {
    await writeFile(path.join(dir, 'profiles.json'), JSON.stringify({ version: 1, data: { profiles: [{ ...PROD, provider: 'gcs' }] } }));
    expect((await open().read()).profiles).toEqual([]);
    expect(notices[0]?.message).toContain('damaged');
  });

  it('sets aside a file from a newer Dropsign, saying so, instead of dropping it', async () => {
    await writeFile(path.join(dir, 'profiles.json'), JSON.stringify({ version: 99, data: { profiles: [] } }));
    const store = open();
    expect((await store.read()).profiles).toEqual([]);
    expect(notices[0]?.message).toContain('newer version of Dropsign');
    // Saving afterwards writes a fresh file; the newer one stays aside.
    await store.save(PROD, { replace: false });
    expect((await readdir(dir)).sort()).toEqual(['profiles.json', 'profiles.json.corrupt-20250102T030405.000Z']);
  });

  it('treats a default that names a missing profile as none', async () => {
    await writeFile(path.join(dir, 'profiles.json'), JSON.stringify({ version: 1, data: { profiles: [PROD], defaultProfile: 'gone' } }));
    expect((await open().read()).defaultProfile).toBeUndefined();
  });
});

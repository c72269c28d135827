/**
 * profiles.json changed by several processes at once (the app, the tray and `dropsign profile` commands):
 * every change lands, none overwrites another (the store holds the file's inter-process lock).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli-path.js';
import { runNodeScript } from '../../helpers/run-node-script.js';

const STORE_MODULE = pathToFileURL(path.join(REPO_ROOT, 'out/electron/core/profiles/profile-store.js')).href;

/** A process that adds `count` profiles named `<prefix>-<i>`, one change at a time. */
const WRITER = `
const { ProfileStore } = await import(process.env.STORE_MODULE);
const store = new ProfileStore({ path: process.env.PROFILES_FILE });
for (let i = 0; i < Number(process.env.COUNT); i++) {
  await store.save({
    name: process.env.PREFIX + '-' + i, provider: 'oss', scheme: 'oss-v4', region: 'cn-hangzhou',
    endpoint: { kind: 'public' }, style: 'virtual-hosted', bucket: 'photos', keyPrefix: '',
    linkExpirySeconds: 3600, accessKeyId: 'LTAI5tExampleKeyId', secretStore: 'keychain',
  }, { replace: false });
}
`;

function runWriter(file: string, prefix: string, count: number): Promise<void> {
  return runNodeScript(WRITER, { STORE_MODULE, PROFILES_FILE: file, PREFIX: prefix, COUNT: String(count) });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-profiles-mp-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('profiles.json shared by several processes', () => {
  it('keeps every profile four processes add at the same time', async () => {
    const file = path.join(dir, 'profiles.json');
    await Promise.all(['a', 'b', 'c', 'd'].map((prefix) => runWriter(file, prefix, 15)));
    const stored = JSON.parse(await readFile(file, 'utf8')) as { data: { profiles: { name: string }[] } };
    const names = stored.data.profiles.map((profile) => profile.name);
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    for (const prefix of ['a', 'b', 'c', 'd']) expect(names.filter((name) => name.startsWith(`${prefix}-`))).toHaveLength(15);
  }, 60_000);
});

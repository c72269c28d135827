/**
 * The built CLI end to end with the real keychain: add a profile with --secret-stdin, list, show, default,
 * sign with --profile (and upload with the signed URL to a local bucket that verifies signatures as OSS
 * does), rotate the secret, remove. On every run: the secret is in no output; at the end: in no file
 * under the app data directory.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { cliWorld, expectNoSecretInFiles, KEYRING_NOTE, PRIVATE_KEYRING, type CliWorld } from './cli-runner.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const KEY_ID = 'LTAI5tCliProfileKey';
const SECRET = `Cli+Profile/Secret=${randomBytes(8).toString('hex')}`;
const ROTATED = `Rotated+Secret/${randomBytes(8).toString('hex')}`;

/** Sends `body` with `method` to a presigned URL with exactly the signed headers. */
function send(method: string, url: string, headers: Readonly<Record<string, string>>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.skipIf(!PRIVATE_KEYRING)(`dropsign profile, end to end ${KEYRING_NOTE}`, () => {
  let world: CliWorld;
  let bucket: LocalBucketHandle;
  let bucketDir = '';
  const add = (name: string, extra: readonly string[], stdin: string) =>
    world.run(['profile', 'add', name, '--region', 'cn-hangzhou', '--bucket', 'photos', '--endpoint', bucket.endpoint, '--style', 'path', '--access-key-id', KEY_ID, '--secret-stdin', ...extra], { stdin });

  beforeAll(async () => {
    world = await cliWorld();
    world.secrets.push(SECRET, ROTATED);
    bucketDir = await mkdtemp(path.join(tmpdir(), 'dropsign-profiles-lb-'));
    bucket = await startLocalBucket({ dataDir: bucketDir, buckets: ['photos'], region: 'cn-hangzhou', accessKeys: new Map([[KEY_ID, SECRET]]), authenticate: verifySignature });
  });
  afterAll(async () => {
    await bucket?.close();
    await rm(bucketDir, { recursive: true, force: true });
    await world?.close();
  });

  it('adds a profile: secret to the keychain, profile to profiles.json, first one becomes the default', async () => {
    const run = await add('work', ['--prefix', 'inbox/'], `${SECRET}\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('The secret is in the OS keychain (service "Dropsign", account "profile:work"), not in any file.');
    expect(run.stdout).toContain('"work" is now the default profile.');
    expect((await world.files()).map((f) => f.name)).toEqual(['profiles.json']);
    await expectNoSecretInFiles(world);
  });

  it('lists and shows it, with the secret reported as stored, never printed', async () => {
    const list = await world.run(['profile', 'list']);
    expect(list.stdout).toContain(`*  work   oss       cn-hangzhou  photos    ${bucket.endpoint}`);
    const show = await world.run(['profile', 'show', 'work']);
    expect(show.stdout).toContain('secret:        stored in the OS keychain');
    expect(show.stdout).toContain('key prefix:    inbox/');
    const json = JSON.parse((await world.run(['profile', 'show', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'work', isDefault: true, accessKeyId: KEY_ID, secret: 'stored in the OS keychain' });
  });

  it('passes its own test', async () => {
    const run = await world.run(['profile', 'test', 'work']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OK: the AccessKey ID, secret, region and bucket are right');
  });

  it('signs with --profile (and as the default), and the URLs work against the verifying bucket', async () => {
    const put = await world.run(['sign', '--profile', 'work', '--method', 'PUT', '--key', 'inbox/hello.txt', '--header', 'Content-Type: text/plain', '--json']);
    expect(put.code).toBe(0);
    const signed = JSON.parse(put.stdout) as { url: string; signedHeaders: Record<string, string> };
    expect((await send('PUT', signed.url, signed.signedHeaders, 'hello from a profile')).status).toBe(200);
    const get = await world.run(['sign', '--key', 'inbox/hello.txt']);
    expect(get.code).toBe(0);
    expect(await send('GET', get.stdout.trim(), {})).toEqual({ status: 200, text: 'hello from a profile' });
  });

  it('uploads with --profile: its prefix, its keychain secret, and a link that works', async () => {
    const file = path.join(bucketDir, 'from-profile.txt');
    await writeFile(file, 'uploaded with a profile');
    const run = await world.run(['upload', file, '--profile', 'work', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout.split('\n')[0] ?? '{}') as { key: string; status: string; link: string };
    expect(record).toMatchObject({ key: 'inbox/from-profile.txt', status: 'done' });
    expect(await send('GET', record.link, {})).toEqual({ status: 200, text: 'uploaded with a profile' });
    await expectNoSecretInFiles(world);
  });

  it('rotates the secret with --replace: the old one is gone from the keychain, the new one used', async () => {
    const rotate = await add('work', ['--replace'], `${ROTATED}\n`);
    expect(rotate.code).toBe(0);
    const test = await world.run(['profile', 'test', 'work']);
    expect(test.code).toBe(1);
    expect(test.stdout).toContain('FAILED: Wrong secret');
    expect((await add('work', ['--replace'], `${SECRET}\n`)).code).toBe(0);
    expect((await world.run(['profile', 'test', 'work'])).code).toBe(0);
  });

  it('changes the default and removes the profile with its secret', async () => {
    expect((await add('second', [], `${SECRET}\n`)).code).toBe(0);
    expect((await world.run(['profile', 'default', 'second'])).stdout).toBe('"second" is now the default profile.\n');
    expect((await world.run(['profile', 'default'])).stdout).toBe('second\n');
    const removed = await world.run(['profile', 'remove', 'second']);
    expect(removed.stdout).toContain('Removed profile "second". Its secret was deleted.');
    expect(removed.stdout).toContain('The default profile is now the built-in "local" one');
    const removedWork = await world.run(['profile', 'remove', 'work']);
    expect(removedWork.code).toBe(0);
    // The keychain no longer has them: a profile re-added under the same name without a secret finds none.
    const show = await world.run(['profile', 'show', 'work']);
    expect(show.stderr).toContain('[profile-not-found]');
    await expectNoSecretInFiles(world);
  });
});

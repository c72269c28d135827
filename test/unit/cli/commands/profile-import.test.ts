import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/cli-path.js';
import { profileWorld, scriptedTerminal, type ProfileWorld } from './profile-harness.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/profiles');
const HOME = path.join(FIXTURES, 'home');
/** Every secret in the fixtures: none may ever be printed. */
const FIXTURE_SECRETS = [
  'FakeOssutilSecretValue000000001',
  'FakeAliyunCliSecretValue000001',
  'FakeAliyunTempSecret0000000001',
  'FakeAliyunStsToken+/=',
  'FakeAliyunRoleSecret0000000001',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'minio-fake-secret-value-0001',
  'env-secret-value-1234',
];

let world: ProfileWorld;
beforeEach(async () => {
  world = await profileWorld();
  world.env['HOME'] = HOME;
  world.secrets.push(...FIXTURE_SECRETS);
});
afterEach(async () => {
  await world.close();
});

describe('profile import', () => {
  it('lists what it found (key ids, never secrets) and stores nothing without a yes', async () => {
    const run = await world.profile(['import', '--from', 'ossutil']);
    expect(run.out).toContain('Found 2 sets of credentials (secrets are never shown):');
    expect(run.out).toContain('[import] ossutil-photos: oss cn-shanghai, bucket photos, https://oss-cn-shanghai.aliyuncs.com; AccessKey ID LTAI5tFakeOssutilId01; secret found');
    expect(run.out).toContain(`from ${path.join(HOME, '.ossutilconfig')} [Credentials]`);
    expect(run.code).toBe(1);
    expect(run.err).toContain('importing needs a yes, and there is no terminal to ask on');
    expect(world.keychain.entries.size).toBe(0);
    expect(await world.files()).toEqual([]);
  });

  it('asks y/N on a terminal; "n" stores nothing', async () => {
    const terminal = scriptedTerminal({ interactive: true, answers: ['n'] });
    const run = await world.profile(['import', '--from', 'ossutil'], terminal);
    expect(terminal.prompts).toEqual(['Store 2 profiles, with the secrets in the OS keychain? [y/N] ']);
    expect(run.out).toContain('Nothing was stored.');
    expect(world.keychain.entries.size).toBe(0);
  });

  it('"y" stores the profiles, their secrets going to the keychain only', async () => {
    const run = await world.profile(['import', '--from', 'ossutil'], scriptedTerminal({ interactive: true, answers: ['y'] }));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Imported "ossutil-photos" (secret in the OS keychain). It is now the default profile.');
    expect(JSON.parse(world.keychain.entries.get('profile:ossutil-photos') ?? '')).toEqual({ accessKeySecret: 'FakeOssutilSecretValue000000001' });
    const show = JSON.parse((await world.profile(['show', 'ossutil-photos', '--json'])).out) as Record<string, unknown>;
    expect(show).toMatchObject({ region: 'cn-shanghai', bucket: 'photos', customDomain: 'https://files.example.com', endpoint: { kind: 'public' } });
    for (const file of await world.files()) for (const secret of FIXTURE_SECRETS) expect(file.text).not.toContain(secret);
  });

  it('needs a bucket for sources without one, and skips what cannot be imported, saying why', async () => {
    const without = await world.profile(['import', '--from', 'aws', '--yes']);
    expect(without.code).toBe(1);
    expect(without.out).toContain('aws-default: AccessKey ID AKIAIOSFODNN7EXAMPLE; secret found; skipped: no bucket in this source: give one with --bucket');
    expect(without.out).toContain('aws-assumed: no AccessKey ID; skipped: cannot be imported: it gets credentials at run time (role_arn)');
    const withBucket = await world.profile(['import', '--from', 'aws', '--bucket', 'media', '--yes']);
    expect(withBucket.code).toBe(0);
    expect(withBucket.out).toContain('Imported "aws-default"');
    expect(withBucket.out).toContain('Imported "aws-minio"');
    const minio = JSON.parse((await world.profile(['show', 'aws-minio', '--json'])).out) as Record<string, unknown>;
    expect(minio).toMatchObject({ provider: 's3', scheme: 's3-v4', style: 'path', endpointUrl: 'http://127.0.0.1:9000', region: 'us-east-1' });
  });

  it('--pick imports only the named candidates; existing names are skipped', async () => {
    const listed = await world.profile(['import', '--from', 'aliyun', '--bucket', 'bucket1']);
    expect(listed.out).toContain('aliyun-ci: AccessKey ID LTAI5tFakeAliyunRoleId; skipped: cannot be imported: its mode RamRoleArn');
    const run = await world.profile(['import', '--from', 'aliyun', '--bucket', 'bucket1', '--pick', 'aliyun-temp-creds', '--yes']);
    expect(run.out).toContain('aliyun-default: AccessKey ID LTAI5tFakeAliyunCliId; secret found; skipped: not picked');
    expect(JSON.parse(world.keychain.entries.get('profile:aliyun-temp-creds') ?? '')).toEqual({ accessKeySecret: 'FakeAliyunTempSecret0000000001', securityToken: 'FakeAliyunStsToken+/=' });
    const again = await world.profile(['import', '--from', 'aliyun', '--bucket', 'bucket1', '--pick', 'aliyun-temp-creds', '--yes']);
    expect(again.out).toContain('skipped: a profile with this name exists already');
  });

  it('imports from the environment', async () => {
    world.env['OSS_ACCESS_KEY_ID'] = 'LTAI5tEnvKey';
    world.env['OSS_ACCESS_KEY_SECRET'] = 'env-secret-value-1234';
    world.env['OSS_REGION'] = 'cn-shenzhen';
    const run = await world.profile(['import', '--from', 'env', '--bucket', 'shots', '--yes']);
    expect(run.out).toContain('[import] env-oss: oss cn-shenzhen, bucket shots');
    expect(JSON.parse(world.keychain.entries.get('profile:env-oss') ?? '')).toEqual({ accessKeySecret: 'env-secret-value-1234' });
  });

  it('reports a damaged file and a file given for the environment', async () => {
    const damaged = await world.profile(['import', '--from', 'aliyun', '--file', path.join(FIXTURES, 'aliyun-damaged.json')]);
    expect(damaged.err).toContain('aliyun-damaged.json is not in the expected format (not JSON); it was skipped.');
    expect((await world.profile(['import', '--file', 'x'])).err).toContain('--file needs --from');
  });

  it('checks the keychain before asking', async () => {
    world.keychain.setStatus({ kind: 'no-service', explanation: 'No keychain here.', fix: 'Start one.' });
    const terminal = scriptedTerminal({ interactive: true, answers: ['y'] });
    const run = await world.profile(['import', '--from', 'ossutil'], terminal);
    expect(run.err).toContain('[keychain-unavailable]');
    expect(terminal.prompts).toEqual([]);
  });
});

/**
 * `dropsign profile import` (built CLI, real keychain) from the sample configuration files in
 * test/fixtures/profiles/home (fake keys): lists what it found with key ids and without secrets, stores
 * only with --yes, and the imported profiles sign with their secret from the keychain.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli-path.js';
import { cliWorld, expectNoSecretInFiles, KEYRING_NOTE, PRIVATE_KEYRING, type CliWorld } from './cli-runner.js';

const HOME = path.join(REPO_ROOT, 'test/fixtures/profiles/home');
const SECRETS = ['FakeOssutilSecretValue000000001', 'FakeAliyunCliSecretValue000001', 'FakeAliyunTempSecret0000000001', 'FakeAliyunStsToken+/=', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'minio-fake-secret-value-0001'];

describe.skipIf(!PRIVATE_KEYRING)(`dropsign profile import from sample files ${KEYRING_NOTE}`, () => {
  let world: CliWorld;
  beforeAll(async () => {
    world = await cliWorld();
    world.secrets.push(...SECRETS);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('without --yes and without a terminal: lists, stores nothing', async () => {
    const run = await world.run(['profile', 'import', '--bucket', 'media'], { env: { HOME } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AccessKey ID LTAI5tFakeOssutilId01; secret found');
    expect(run.stdout).toContain('AccessKey ID AKIAIOSFODNN7EXAMPLE; secret found');
    expect(run.stderr).toContain('Run the command again with --yes');
    expect(await world.files()).toEqual([]);
  });

  it('with --yes: stores every usable set, secrets in the keychain only, and they sign', async () => {
    const run = await world.run(['profile', 'import', '--bucket', 'media', '--yes'], { env: { HOME } });
    expect(run.code).toBe(0);
    for (const name of ['ossutil-photos', 'ossutil-archive', 'aliyun-default', 'aliyun-temp-creds', 'aws-default', 'aws-minio']) {
      expect(run.stdout).toContain(`Imported "${name}" (secret in the OS keychain).`);
    }
    expect(run.stdout).not.toContain('Imported "aliyun-ci"');
    expect(run.stderr).toContain('STS tokens were imported without their expiry');
    await expectNoSecretInFiles(world);
    const signed = await world.run(['sign', '--profile', 'aws-minio', '--key', 'k.txt', '--at', '2025-01-02T03:00:00Z']);
    expect(signed.stdout.trim()).toMatch(/^http:\/\/127\.0\.0\.1:9000\/media\/k\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=minio-fake-id%2F20250102%2Fus-east-1%2Fs3%2Faws4_request/);
    // A presigned URL carries the STS token by design (x-oss-security-token); the secret never.
    world.secrets.splice(world.secrets.indexOf('FakeAliyunStsToken+/='), 1);
    const sts = await world.run(['sign', '--profile', 'aliyun-temp-creds', '--key', 'k.txt']);
    expect(new URL(sts.stdout.trim()).searchParams.get('x-oss-security-token')).toBe('FakeAliyunStsToken+/=');
    expect(sts.stderr).toBe('');
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAliyunCliConfig } from '../../../../electron/core/profiles/import/aliyun-cli-import.js';
import { parseAwsFiles } from '../../../../electron/core/profiles/import/aws-import.js';
import { readEnvCredentials } from '../../../../electron/core/profiles/import/env-import.js';
import { profileNameFrom, type ImportCandidate } from '../../../../electron/core/profiles/import/import-candidate.js';
import { parseOssutilConfig } from '../../../../electron/core/profiles/import/ossutil-import.js';
import { scanForImports } from '../../../../electron/core/profiles/import/scan-imports.js';
import { REPO_ROOT } from '../../../helpers/cli-path.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/profiles');
const HOME = path.join(FIXTURES, 'home');

/** Everything but the secret function, for comparisons. */
function visible(candidate: ImportCandidate): Omit<ImportCandidate, 'secret'> {
  const { secret: _secret, ...rest } = candidate;
  return rest;
}

async function fixture(relative: string): Promise<string> {
  return readFile(path.join(FIXTURES, relative), 'utf8');
}

describe('ossutil configuration', () => {
  it('1.x: one candidate per bucket in [Bucket-Endpoint], with its endpoint, region and cname', async () => {
    const file = path.join(HOME, '.ossutilconfig');
    const candidates = parseOssutilConfig(await fixture('home/.ossutilconfig'), file);
    expect(candidates.map(visible)).toEqual([
      {
        source: 'ossutil',
        origin: `${file} [Credentials]`,
        suggestedName: 'ossutil-photos',
        provider: 'oss',
        accessKeyId: 'LTAI5tFakeOssutilId01',
        region: 'cn-shanghai',
        endpoint: { kind: 'public' },
        bucket: 'photos',
        customDomain: 'https://files.example.com',
        hasSessionToken: false,
      },
      {
        source: 'ossutil',
        origin: `${file} [Credentials]`,
        suggestedName: 'ossutil-archive',
        provider: 'oss',
        accessKeyId: 'LTAI5tFakeOssutilId01',
        region: 'cn-beijing',
        endpoint: { kind: 'internal' },
        bucket: 'archive',
        hasSessionToken: false,
      },
    ]);
    expect(candidates[0]?.secret()).toEqual({ accessKeySecret: 'FakeOssutilSecretValue000000001' });
  });

  it('2.x: [default] and [profile NAME] with any key spelling, STS tokens, and modes without keys', async () => {
    const candidates = parseOssutilConfig(await fixture('ossutil-v2.ini'), 'ossutil-v2.ini');
    expect(candidates.map((c) => [c.suggestedName, c.accessKeyId, c.region, c.endpoint, c.style, c.hasSessionToken, c.unusable])).toEqual([
      ['ossutil-default', 'LTAI5tFakeOssutil2Def', 'cn-hangzhou', undefined, undefined, false, undefined],
      ['ossutil-dev-team', 'STS.FakeOssutil2DevId', 'cn-shenzhen', { kind: 'internal' }, 'path', true, undefined],
      ['ossutil-role-only', undefined, 'cn-hangzhou', undefined, undefined, false, expect.stringContaining('no AccessKey ID and secret')],
    ]);
    expect(candidates[1]?.secret()).toEqual({ accessKeySecret: 'FakeOssutil2DevSecret000000001', securityToken: 'FakeStsTokenForDevTeam+/=' });
    expect(candidates[2]?.secret()).toBeUndefined();
  });
});

describe('Alibaba Cloud CLI configuration', () => {
  it('imports AK and StsToken profiles and explains the others', async () => {
    const candidates = parseAliyunCliConfig(await fixture('home/.aliyun/config.json'), 'config.json');
    expect(candidates.map((c) => [c.suggestedName, c.accessKeyId, c.region, c.hasSessionToken, c.unusable])).toEqual([
      ['aliyun-default', 'LTAI5tFakeAliyunCliId', 'cn-beijing', false, undefined],
      ['aliyun-temp-creds', 'STS.FakeAliyunTempId', 'ap-southeast-1', true, undefined],
      ['aliyun-ci', 'LTAI5tFakeAliyunRoleId', 'cn-hangzhou', false, expect.stringContaining('mode RamRoleArn')],
    ]);
    expect(candidates[1]?.secret()).toEqual({ accessKeySecret: 'FakeAliyunTempSecret0000000001', securityToken: 'FakeAliyunStsToken+/=' });
    // A role profile's key is not offered: it is the key that assumes the role, not one to sign with.
    expect(candidates[2]?.secret()).toBeUndefined();
  });

  it('throws on a damaged file (the scanner reports it)', async () => {
    expect(() => parseAliyunCliConfig('{"profiles": [', 'x')).toThrow();
  });
});

describe('AWS shared files', () => {
  it('merges credentials and config, reads the nested s3 addressing style, and skips role profiles', async () => {
    const candidates = parseAwsFiles({
      credentials: { path: 'credentials', text: await fixture('home/.aws/credentials') },
      config: { path: 'config', text: await fixture('home/.aws/config') },
    });
    expect(candidates.map((c) => [c.suggestedName, c.accessKeyId, c.region, c.endpoint, c.style, c.unusable])).toEqual([
      ['aws-default', 'AKIAIOSFODNN7EXAMPLE', 'eu-west-1', { kind: 'public' }, undefined, undefined],
      ['aws-minio', 'minio-fake-id', 'us-east-1', { kind: 'custom', url: 'http://127.0.0.1:9000' }, 'path', undefined],
      ['aws-assumed', undefined, 'us-west-2', { kind: 'public' }, undefined, expect.stringContaining('role_arn')],
    ]);
    expect(candidates[0]?.secret()).toEqual({ accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(candidates.every((c) => c.provider === 's3')).toBe(true);
  });
});

describe('environment variables', () => {
  it('reads OSS_*, ALIBABA_CLOUD_* and AWS_*, with regions and endpoints', () => {
    const candidates = readEnvCredentials({
      OSS_ACCESS_KEY_ID: 'LTAI5tEnvOss',
      OSS_ACCESS_KEY_SECRET: 'env-oss-secret',
      OSS_SESSION_TOKEN: 'env-oss-token',
      OSS_ENDPOINT: 'oss-cn-qingdao.aliyuncs.com',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tEnvAli',
      AWS_SECRET_ACCESS_KEY: 'env-aws-secret',
      AWS_ACCESS_KEY_ID: 'AKIAENV',
      AWS_DEFAULT_REGION: 'ap-northeast-1',
      AWS_ENDPOINT_URL: 'http://localhost:9000',
    });
    expect(candidates.map((c) => [c.suggestedName, c.provider, c.accessKeyId, c.region, c.endpoint, c.hasSessionToken, c.unusable])).toEqual([
      ['env-oss', 'oss', 'LTAI5tEnvOss', 'cn-qingdao', { kind: 'public' }, true, undefined],
      ['env-alibaba-cloud', 'oss', 'LTAI5tEnvAli', undefined, { kind: 'public' }, false, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set'],
      ['env-aws', 's3', 'AKIAENV', 'ap-northeast-1', { kind: 'custom', url: 'http://localhost:9000' }, false, undefined],
    ]);
    expect(candidates[0]?.secret()).toEqual({ accessKeySecret: 'env-oss-secret', securityToken: 'env-oss-token' });
  });

  it('finds nothing in an empty environment', () => {
    expect(readEnvCredentials({})).toEqual([]);
  });
});

describe('secrets never leak from a candidate', () => {
  it('JSON, util.inspect and template strings show no secret', async () => {
    const candidates = parseOssutilConfig(await fixture('home/.ossutilconfig'), 'x');
    for (const shown of [JSON.stringify(candidates), inspect(candidates, { depth: 10 }), `${String(candidates[0])}`]) {
      expect(shown).not.toContain('FakeOssutilSecretValue');
    }
  });
});

describe('scanForImports', () => {
  it('reads the usual files under HOME, and the AWS files from their variables', async () => {
    const scan = await scanForImports({ sources: ['ossutil', 'aliyun', 'aws', 'env'], home: HOME, env: { OSS_ACCESS_KEY_ID: 'LTAI5tEnvOss', OSS_ACCESS_KEY_SECRET: 's' } });
    expect(scan.problems).toEqual([]);
    expect(scan.candidates.map((c) => c.suggestedName)).toEqual([
      'ossutil-photos',
      'ossutil-archive',
      'aliyun-default',
      'aliyun-temp-creds',
      'aliyun-ci',
      'aws-default',
      'aws-minio',
      'aws-assumed',
      'env-oss',
    ]);
  });

  it('treats missing files as nothing found, and reports damaged ones without their content', async () => {
    const empty = await scanForImports({ sources: ['ossutil', 'aws'], home: path.join(FIXTURES, 'nowhere'), env: {} });
    expect(empty).toEqual({ candidates: [], problems: [] });
    const damaged = await scanForImports({ sources: ['aliyun'], home: HOME, env: {}, file: path.join(FIXTURES, 'aliyun-damaged.json') });
    expect(damaged.candidates).toEqual([]);
    expect(damaged.problems).toEqual([{ source: 'aliyun', path: path.join(FIXTURES, 'aliyun-damaged.json'), message: 'is not in the expected format (not JSON)' }]);
  });

  it('reads a given file instead of the usual place', async () => {
    const scan = await scanForImports({ sources: ['ossutil'], home: '/nonexistent', env: {}, file: path.join(FIXTURES, 'ossutil-v2.ini') });
    expect(scan.candidates).toHaveLength(3);
  });
});

describe('profileNameFrom', () => {
  it.each([
    ['aws', 'default', 'aws-default'],
    ['aliyun', 'Temp Creds', 'aliyun-temp-creds'],
    ['ossutil', 'my/bucket!', 'ossutil-my-bucket'],
    ['aws', 'x'.repeat(80), `aws-${'x'.repeat(60)}`],
  ])('%s + %j → %s', (prefix, name, expected) => {
    expect(profileNameFrom(prefix, name)).toBe(expected);
  });
});

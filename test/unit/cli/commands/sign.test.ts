import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../../electron/cli/io.js';
import { main } from '../../../../electron/cli/main.js';
import { presign } from '../../../../electron/core/signing/presign.js';
import { DropsignError } from '../../../../electron/shared/errors.js';
import type { PresignResult } from '../../../../electron/shared/signing.js';

// The signer is another module's job; here it is a fake so the test sees exactly what the command asks for.
vi.mock('../../../../electron/core/signing/presign.js', () => ({ presign: vi.fn() }));
const presignMock = vi.mocked(presign);

const SECRET = 'S3cr3t+Value/Never=Shown';
const TOKEN = 'T0ken+Value/Never=Shown';
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const RESULT: PresignResult = {
  url: 'https://b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-signature=abc',
  method: 'GET',
  signedHeaders: {},
  expiresAt: '2025-01-02T04:04:05.000Z',
  signedAt: '2025-01-02T03:04:05.000Z',
};
const BASE = ['--endpoint', 'https://oss-cn-hangzhou.aliyuncs.com', '--bucket', 'b', '--region', 'cn-hangzhou'];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dropsign-sign-unit-'));
  await writeFile(join(dir, 'up.txt'), 'hello');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  presignMock.mockReset();
  presignMock.mockImplementation((_c, request) => ({ ...RESULT, method: request.method }));
});

async function run(args: readonly string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    // DROPSIGN_DATA_DIR: an empty app data directory, so no default profile of the machine's user applies.
    env: { OSS_ACCESS_KEY_ID: 'LTAIid', OSS_ACCESS_KEY_SECRET: SECRET, AWS_ACCESS_KEY_ID: 'AKIAid', DROPSIGN_DATA_DIR: join(dir, 'app-data'), ...env },
    cwd: dir,
    now: () => NOW,
  };
  const code = await main(['sign', ...args], io);
  return { code, out, err };
}

describe('dropsign sign (signer faked)', () => {
  it('applies the defaults: oss-v4, GET, virtual-hosted, 3600 s, the current time', async () => {
    const { code, out, err } = await run([...BASE, '--key', 'k']);
    expect({ code, out, err }).toEqual({ code: 0, out: `${RESULT.url}\n`, err: '' });
    expect(presignMock).toHaveBeenCalledTimes(1);
    const [credentials, request, clock] = presignMock.mock.calls[0]!;
    expect(credentials).toEqual({ accessKeyId: 'LTAIid', accessKeySecret: SECRET });
    expect(request).toEqual({
      scheme: 'oss-v4',
      method: 'GET',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      style: 'virtual-hosted',
      bucket: 'b',
      key: 'k',
      region: 'cn-hangzhou',
      expiresInSeconds: 3600,
      headers: {},
      query: [],
    });
    expect(clock.now()).toBe(NOW);
  });

  it('passes every flag through', async () => {
    await run([
      ...BASE,
      '--method=put',
      '--style',
      'path',
      '--key',
      'dir/猫 1+1.txt',
      '--expires',
      '15m',
      '--at',
      '2024-11-12T16:32:38+08:00',
      '--header',
      'Content-Type: text/plain',
      '--header',
      'x-oss-meta-a: 1',
      '--additional-header',
      'host',
      '--query',
      'versionId=abc',
      '--query',
      'uploads',
      '--query',
      'a=b=c',
    ], { OSS_SESSION_TOKEN: TOKEN });
    const [credentials, request, clock] = presignMock.mock.calls[0]!;
    expect(credentials).toEqual({ accessKeyId: 'LTAIid', accessKeySecret: SECRET, securityToken: TOKEN });
    expect(request).toEqual({
      scheme: 'oss-v4',
      method: 'PUT',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      style: 'path',
      bucket: 'b',
      key: 'dir/猫 1+1.txt',
      region: 'cn-hangzhou',
      expiresInSeconds: 900,
      headers: { 'Content-Type': 'text/plain', 'x-oss-meta-a': '1' },
      additionalHeaders: ['host'],
      query: [{ name: 'versionId', value: 'abc' }, { name: 'uploads' }, { name: 'a', value: 'b=c' }],
    });
    expect(clock.now()).toBe(Date.UTC(2024, 10, 12, 8, 32, 38));
  });

  it('uses the AWS variables for s3-v4 and needs no region for oss-v1', async () => {
    await run(['--scheme', 's3-v4', ...BASE], { AWS_SECRET_ACCESS_KEY: 'aws-secret', AWS_SESSION_TOKEN: 'aws-token' });
    expect(presignMock.mock.calls[0]![0]).toEqual({
      accessKeyId: 'AKIAid',
      accessKeySecret: 'aws-secret',
      securityToken: 'aws-token',
    });
    const v1 = await run(['--scheme', 'oss-v1', '--endpoint', 'https://e.example', '--bucket', 'b']);
    expect(v1.code).toBe(0);
    expect(presignMock.mock.calls[1]![1]).not.toHaveProperty('region');
  });

  it('prints one JSON object with --json, with a curl field when --curl is given too', async () => {
    const plain = await run([...BASE, '--json']);
    expect(plain.out.endsWith('\n')).toBe(true);
    expect(plain.out.trim().split('\n')).toHaveLength(1);
    const keys = Object.keys(JSON.parse(plain.out) as object);
    expect(keys).toEqual(['url', 'method', 'signedHeaders', 'expiresAt', 'signedAt']);
    const both = await run([...BASE, '--method', 'PUT', '--json', '--curl', 'up.txt']);
    const parsed = JSON.parse(both.out) as { curl: string };
    expect(parsed.curl).toMatch(/^curl --fail-with-body .* -X PUT -T 'up\.txt' 'https:\/\/b\./);
  });

  it('prints the curl command alone with --curl', async () => {
    const { out } = await run([...BASE, '--method', 'PUT', '--curl', 'up.txt']);
    expect(out).toBe(`curl --fail-with-body --globoff --path-as-is -X PUT -T 'up.txt' '${RESULT.url}'\n`);
  });

  it.each([
    [['--secret', SECRET], 'credentials-in-arguments'],
    [['--access-key-secret=' + SECRET], 'credentials-in-arguments'],
    [['--bogus'], 'invalid-argument'],
    [['stray'], 'invalid-argument'],
    [['--bucket', 'again'], 'invalid-argument'],
    [['--scheme', 'v2'], 'invalid-scheme'],
    [['--method', 'PATCH'], 'invalid-method'],
    [['--style', 'vhost'], 'invalid-style'],
    [['--expires', '1y'], 'invalid-expiry'],
    [['--at', '2024-11-12 08:32:38'], 'invalid-time'],
    [['--header', 'NoColon'], 'invalid-header'],
    [['--query', '=x'], 'invalid-query'],
    [['--additional-header', 'a b'], 'invalid-header'],
    [['--method', 'PUT', '--curl', 'missing.txt'], 'file-not-found'],
    [['--method', 'PUT', '--curl', '.'], 'invalid-argument'],
  ])('refuses %j with exit 2 and one line naming %s', async (extra, code) => {
    const result = await run([...BASE, ...extra]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(new RegExp(`^dropsign: [^\\n]+ \\[${code}\\][^\\n]*\\n$`));
    expect(result.err).not.toContain(SECRET);
    expect(presignMock).not.toHaveBeenCalled();
  });

  it('refuses missing --endpoint and --bucket (the rest is the signer’s to check)', async () => {
    const noEndpoint = await run(['--bucket', 'b', '--region', 'r']);
    expect(noEndpoint.err).toContain('--endpoint. [missing-argument]');
    const noBucket = await run(['--endpoint', 'https://e.example', '--region', 'r']);
    expect(noBucket.err).toContain('--bucket. [missing-argument]');
    expect(presignMock).not.toHaveBeenCalled();
  });

  it('names the missing environment variables', async () => {
    const result = await run(['--scheme', 's3-v4', ...BASE]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('set AWS_SECRET_ACCESS_KEY in the environment');
  });

  it('scrubs secrets from whatever the signer throws', async () => {
    presignMock.mockImplementation(() => {
      throw new DropsignError('invalid-credentials', `bad secret ${SECRET}`, `token ${encodeURIComponent(TOKEN)}`);
    });
    const result = await run(BASE, { OSS_SESSION_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    expect(result.err).toBe('dropsign: bad secret *** [invalid-credentials] token ***\n');
  });

  it('reports an unexpected signer crash as internal, one line, exit 1', async () => {
    presignMock.mockImplementation(() => {
      throw new Error(`kaboom\nwith ${SECRET}`);
    });
    const result = await run(BASE);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'dropsign: Unexpected error: kaboom with *** [internal] ' +
        'This is a bug in Dropsign; please report it with the command you ran.\n',
    );
  });
});

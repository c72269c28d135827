/**
 * `dropsign sign` as users run it: the built executable in a child process with a controlled environment.
 * URLs are checked against independent signers (ali-oss, @smithy/signature-v4), and the printed curl
 * command is run against a local HTTP server that records what arrives.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT } from '../../helpers/cli-path.js';
import { aliOssV1, aliOssV4, comparableUrl, smithyS3V4 } from './sign-oracles.js';

const ROOT = REPO_ROOT;
const CLI = CLI_PATH;

const AT = '2024-11-12T08:32:38Z';
const AT_MS = Date.parse(AT);
const OSS_ID = 'LTAI5tExampleAccessId';
const OSS_SECRET = 'OssSecret+With/Base64=Chars';
const OSS_TOKEN = 'CAIS+Oss/Session=Token&Part';
const AWS_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AWS_TOKEN = 'FwoGZXIvYXdz+Aws/Session=Token';

/** Credentials without session tokens. */
const KEYS = {
  OSS_ACCESS_KEY_ID: OSS_ID,
  OSS_ACCESS_KEY_SECRET: OSS_SECRET,
  AWS_ACCESS_KEY_ID: AWS_ID,
  AWS_SECRET_ACCESS_KEY: AWS_SECRET,
};
/** Credentials with session tokens (STS). */
const STS = { ...KEYS, OSS_SESSION_TOKEN: OSS_TOKEN, AWS_SESSION_TOKEN: AWS_TOKEN };

const OSS_ENDPOINT = 'https://oss-cn-hangzhou.aliyuncs.com';
const OSS = ['--endpoint', OSS_ENDPOINT, '--region', 'cn-hangzhou', '--bucket', 'photos'];
const S3 = [
  ...['--scheme', 's3-v4', '--endpoint', 'https://s3.us-east-1.amazonaws.com'],
  ...['--region', 'us-east-1', '--bucket', 'photos'],
];
const KEY = 'dir/猫 1+1.txt';
const KEY_PATH = '/dir/%E7%8C%AB%201%2B1.txt';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Token query parameters, where a session token legitimately appears in a presigned URL. */
const TOKEN_PARAMS = /(?:x-oss-security-token|security-token|X-Amz-Security-Token)=[^&'"\s]*/g;

/**
 * Runs `node out/electron/bin/dropsign.js sign ARGS` with only PATH and `env` in the environment, and checks
 * on every run that no secret leaks: access key secrets never appear in either stream (raw or encoded);
 * session tokens never appear in errors, and in stdout only as the URL's token parameter.
 */
async function sign(args: readonly string[], env: Record<string, string> = STS, cwd = ROOT): Promise<Run> {
  const run = await new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'sign', ...args],
      { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DROPSIGN_DATA_DIR: join(work, 'app-data'), ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
  for (const secret of [OSS_SECRET, AWS_SECRET]) {
    for (const form of [secret, encodeURIComponent(secret)]) {
      expect(run.stdout).not.toContain(form);
      expect(run.stderr).not.toContain(form);
    }
  }
  for (const token of [OSS_TOKEN, AWS_TOKEN]) {
    for (const form of [token, encodeURIComponent(token)]) {
      expect(run.stderr).not.toContain(form);
      expect(run.stdout.replace(TOKEN_PARAMS, '')).not.toContain(form);
    }
  }
  return run;
}

/** Asserts a successful run printed exactly one line and returns it. */
function oneLine(run: Run): string {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^[^\n]+\n$/);
  return run.stdout.trimEnd();
}

let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dropsign-sign-it-'));
});

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe('dropsign sign: URLs match independent signers', () => {
  it('oss-v4: a GET URL equals ali-oss signatureUrlV4, with the defaults (GET, virtual-hosted, 3600 s)', async () => {
    const url = oneLine(await sign([...OSS, '--key', KEY, '--at', AT], KEYS));
    const oracle = await aliOssV4({
      credentials: { accessKeyId: OSS_ID, accessKeySecret: OSS_SECRET },
      atMs: AT_MS,
      method: 'GET',
      bucket: 'photos',
      key: KEY,
      region: 'cn-hangzhou',
      expires: 3600,
    });
    expect(comparableUrl(url)).toEqual(comparableUrl(oracle));
    expect(url.startsWith(`https://photos.oss-cn-hangzhou.aliyuncs.com${KEY_PATH}?`)).toBe(true);
  });

  it('oss-v4: PUT with headers, query, STS token and additional header host equals ali-oss', async () => {
    const url = oneLine(
      await sign([
        ...OSS,
        '--key',
        KEY,
        '--at',
        AT,
        '--method',
        'PUT',
        '--expires',
        '15m',
        '--header',
        'Content-Type: text/plain',
        '--header',
        'x-oss-meta-author:  Ann  Lee ',
        '--additional-header',
        'host',
        '--query',
        'versionId=CAEQ+/=',
        '--query',
        'uploads',
      ]),
    );
    const oracle = await aliOssV4({
      credentials: { accessKeyId: OSS_ID, accessKeySecret: OSS_SECRET, securityToken: OSS_TOKEN },
      atMs: AT_MS,
      method: 'PUT',
      bucket: 'photos',
      key: KEY,
      region: 'cn-hangzhou',
      expires: 900,
      headers: {
        'Content-Type': 'text/plain',
        'x-oss-meta-author': 'Ann  Lee',
        host: 'photos.oss-cn-hangzhou.aliyuncs.com',
      },
      queries: { versionId: 'CAEQ+/=', uploads: null },
      additionalHeaders: ['host'],
    });
    expect(comparableUrl(url)).toEqual(comparableUrl(oracle));
  });

  it('oss-v4: cname style equals ali-oss with a custom domain', async () => {
    const args = ['--style', 'cname', '--endpoint', 'https://cdn.example.com', '--region', 'cn-hangzhou'];
    const url = oneLine(await sign([...args, '--bucket', 'photos', '--key', 'a/b.png', '--at', AT], KEYS));
    const oracle = await aliOssV4({
      credentials: { accessKeyId: OSS_ID, accessKeySecret: OSS_SECRET },
      atMs: AT_MS,
      method: 'GET',
      bucket: 'photos',
      key: 'a/b.png',
      region: 'cn-hangzhou',
      expires: 3600,
      cname: 'cdn.example.com',
    });
    expect(comparableUrl(url)).toEqual(comparableUrl(oracle));
  });

  it('oss-v1: GET and an STS PUT with headers and a sub-resource equal ali-oss signatureUrl', async () => {
    const get = oneLine(await sign(['--scheme', 'oss-v1', ...OSS, '--key', KEY, '--at', AT], KEYS));
    const getOracle = await aliOssV1({
      credentials: { accessKeyId: OSS_ID, accessKeySecret: OSS_SECRET },
      atMs: AT_MS,
      method: 'GET',
      bucket: 'photos',
      key: KEY,
      region: 'cn-hangzhou',
      expires: 3600,
    });
    expect(comparableUrl(get)).toEqual(comparableUrl(getOracle));

    const put = oneLine(
      await sign([
        '--scheme',
        'oss-v1',
        ...OSS,
        '--key',
        KEY,
        '--at',
        AT,
        '--method',
        'PUT',
        '--expires',
        '2h',
        '--header',
        'Content-Type: text/plain',
        '--header',
        'x-oss-meta-author: Ann',
        '--query',
        'versionId=CAEQ',
      ]),
    );
    const putOracle = await aliOssV1({
      credentials: { accessKeyId: OSS_ID, accessKeySecret: OSS_SECRET, securityToken: OSS_TOKEN },
      atMs: AT_MS,
      method: 'PUT',
      bucket: 'photos',
      key: KEY,
      region: 'cn-hangzhou',
      expires: 7200,
      headers: { 'Content-Type': 'text/plain', 'x-oss-meta-author': 'Ann' },
      queries: { versionId: 'CAEQ' },
    });
    expect(comparableUrl(put)).toEqual(comparableUrl(putOracle));
    expect(new URL(put).searchParams.get('Expires')).toBe(String(AT_MS / 1000 + 7200));
  });

  it('s3-v4: a virtual-hosted GET equals @smithy/signature-v4', async () => {
    const url = oneLine(await sign([...S3, '--key', KEY, '--at', AT], KEYS));
    const oracle = await smithyS3V4({
      credentials: { accessKeyId: AWS_ID, accessKeySecret: AWS_SECRET },
      atMs: AT_MS,
      method: 'GET',
      protocol: 'https:',
      host: 'photos.s3.us-east-1.amazonaws.com',
      path: KEY_PATH,
      region: 'us-east-1',
      expires: 3600,
    });
    expect(comparableUrl(url)).toEqual(comparableUrl(oracle));
  });

  it('s3-v4: a path-style STS PUT with a port, headers and query equals @smithy/signature-v4', async () => {
    const url = oneLine(
      await sign([
        '--scheme',
        's3-v4',
        '--style',
        'path',
        '--endpoint',
        'http://127.0.0.1:9000',
        '--region',
        'us-east-1',
        '--bucket',
        'dev-bucket',
        '--key',
        KEY,
        '--at',
        AT,
        '--method',
        'PUT',
        '--expires',
        '7d',
        '--header',
        'Content-Type: text/plain',
        '--header',
        'x-amz-meta-author: Ann   Lee',
        '--query',
        'partNumber=1',
        '--query',
        'uploadId=a b',
      ]),
    );
    const oracle = await smithyS3V4({
      credentials: { accessKeyId: AWS_ID, accessKeySecret: AWS_SECRET, securityToken: AWS_TOKEN },
      atMs: AT_MS,
      method: 'PUT',
      protocol: 'http:',
      host: '127.0.0.1:9000',
      path: `/dev-bucket${KEY_PATH}`,
      region: 'us-east-1',
      expires: 604_800,
      headers: { 'Content-Type': 'text/plain', 'x-amz-meta-author': 'Ann   Lee' },
      query: { partNumber: '1', uploadId: 'a b' },
    });
    expect(comparableUrl(url)).toEqual(comparableUrl(oracle));
  });

  it('is reproducible with --at and follows the clock without it', async () => {
    const args = [...OSS, '--key', 'k.txt', '--at', '2024-11-12T16:32:38+08:00'];
    const first = oneLine(await sign(args));
    const second = oneLine(await sign(args));
    expect(second).toBe(first);
    const query = new URL(first).searchParams;
    expect(query.get('x-oss-date')).toBe('20241112T083238Z');
    expect(query.get('x-oss-expires')).toBe('3600');
    expect(query.get('x-oss-credential')).toBe(`${OSS_ID}/20241112/cn-hangzhou/oss/aliyun_v4_request`);
    expect(query.get('x-oss-security-token')).toBe(OSS_TOKEN);
    expect(query.get('x-oss-signature')).toMatch(/^[0-9a-f]{64}$/);

    const now = new URL(oneLine(await sign([...OSS, '--key', 'k.txt']))).searchParams.get('x-oss-date') ?? '';
    const nowMs = Date.parse(now.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(Math.abs(nowMs - Date.now())).toBeLessThan(60_000);
  });
});

describe('dropsign sign --json', () => {
  it('prints one JSON object with url, method, signedHeaders, expiresAt and signedAt', async () => {
    const args = [...OSS, '--key', 'k.txt', '--at', AT, '--method', 'put', '--expires', '1h'];
    const line = oneLine(await sign([...args, '--header', 'Content-Type: text/plain', '--json']));
    const json = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['url', 'method', 'signedHeaders', 'expiresAt', 'signedAt']);
    expect(json).toMatchObject({ method: 'PUT', signedHeaders: { 'content-type': 'text/plain' } });
    expect(Date.parse(String(json.signedAt))).toBe(AT_MS);
    expect(Date.parse(String(json.expiresAt))).toBe(AT_MS + 3_600_000);
    const plain = oneLine(await sign([...args, '--header', 'Content-Type: text/plain']));
    expect(json.url).toBe(plain);
  });

  it('adds a curl field with --curl', async () => {
    await writeFile(join(work, 'j.txt'), 'j');
    const args = [...OSS, '--key', 'k.txt', '--at', AT, '--method', 'PUT', '--json', '--curl', 'j.txt'];
    const line = oneLine(await sign(args, STS, work));
    const json = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['url', 'method', 'signedHeaders', 'expiresAt', 'signedAt', 'curl']);
    expect(json.curl).toBe(
      `curl --fail-with-body --globoff --path-as-is -X PUT -T 'j.txt' '${String(json.url)}'`,
    );
  });
});

/** One request as the local server saw it. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

describe('dropsign sign --curl: the printed command works', () => {
  let server: Server;
  let origin = '';
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(req.method === 'GET' ? 'downloaded body' : '');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  /** oss-v4 flags for a bucket on the local server. */
  const local = (): string[] => [
    ...['--style', 'path', '--endpoint', origin, '--region', 'cn-hangzhou', '--bucket', 'dev-bucket'],
  ];

  /** Runs a command line with bash in `cwd`. */
  function bash(command: string, cwd: string): Promise<Run> {
    return new Promise((resolve) => {
      execFile('bash', ['-c', command], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      });
    });
  }

  // A file name and header value that need every kind of shell quoting.
  const FILE = "it's a $HOME `id` 猫.txt";
  const BODY = Buffer.from('hello from dropsign\n猫\0binary\xff', 'latin1');

  it.each([
    ['oss-v4', ['--header', "x-oss-meta-note: it's $HOME `id` \\n"]],
    ['oss-v1', ['--header', "x-oss-meta-note: it's $HOME"]],
    ['s3-v4', ['--header', "x-amz-meta-note: it's $HOME"]],
  ])('%s: PUT uploads FILE with exactly the signed headers', async (scheme, extra) => {
    const dir = join(work, `put-${scheme}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, FILE), BODY);
    const before = seen.length;
    const args = [
      ...['--scheme', scheme, '--style', 'path', '--endpoint', origin, '--region', 'us-east-1'],
      ...['--bucket', 'dev-bucket', '--key', "up/it's 猫+1.txt", '--method', 'PUT'],
      ...['--header', 'Content-Type: text/plain; charset=utf-8', ...extra, '--json', '--curl', FILE],
    ];
    const run = await sign(args, STS, dir);
    const printed = JSON.parse(oneLine(run)) as { url: string; signedHeaders: Record<string, string>; curl: string };
    const result = await bash(printed.curl, dir);
    // stderr carries curl's progress meter (stdout is not a terminal); failures show in the exit status.
    expect(result.code, result.stderr).toBe(0);

    expect(seen).toHaveLength(before + 1);
    const request = seen[before]!;
    const signed = new URL(printed.url);
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`${signed.pathname}${signed.search}`);
    expect(request.headers.host).toBe(signed.host);
    expect(Object.keys(printed.signedHeaders).sort()).toEqual(
      ['content-type', extra[1]!.split(':')[0]!].sort(),
    );
    for (const [name, value] of Object.entries(printed.signedHeaders)) {
      expect(request.headers[name]).toBe(value);
    }
    expect(request.body.equals(BODY)).toBe(true);
  });

  it('PUT without a signed Content-Type sends none (the server would sign what it receives)', async () => {
    const dir = join(work, 'put-plain');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'plain.bin'), 'x');
    const before = seen.length;
    const line = oneLine(
      await sign([...local(), '--key', 'p.bin', '--method', 'PUT', '--curl', 'plain.bin'], STS, dir),
    );
    const result = await bash(line, dir);
    expect(result.code, result.stderr).toBe(0);
    expect(seen[before]?.headers['content-type']).toBeUndefined();
    expect(seen[before]?.body.toString()).toBe('x');
  });

  it('GET saves the response to FILE', async () => {
    const dir = join(work, 'get');
    await mkdir(dir, { recursive: true });
    const before = seen.length;
    const line = oneLine(
      await sign([...local(), '--key', 'g.txt', '--curl', 'saved file.txt'], STS, dir),
    );
    const result = await bash(line, dir);
    expect(result.code, result.stderr).toBe(0);
    expect(seen[before]?.method).toBe('GET');
    expect(await readFile(join(dir, 'saved file.txt'), 'utf8')).toBe('downloaded body');
  });
});

describe('dropsign sign: bad input', () => {
  const BASE = [...OSS, '--key', 'k.txt'];
  const PUT = [...BASE, '--method', 'PUT'];
  const NO_REGION = ['--endpoint', OSS_ENDPOINT, '--bucket', 'photos'];
  const NO_ENDPOINT = ['--region', 'cn-hangzhou', '--bucket', 'photos'];
  const NO_BUCKET = ['--endpoint', OSS_ENDPOINT, '--region', 'cn-hangzhou'];

  it.each([
    ['an unknown flag', [...BASE, '--bogus'], 'invalid-argument', '--bogus'],
    ['a positional argument', [...BASE, 'junk'], 'invalid-argument', 'junk'],
    ['a missing --endpoint', ['--bucket', 'photos', '--region', 'cn-hangzhou'], 'missing-argument', '--endpoint'],
    ['a missing --bucket', ['--endpoint', OSS_ENDPOINT, '--region', 'cn-hangzhou'], 'missing-argument', '--bucket'],
    ['a repeated single-value flag', [...BASE, '--bucket', 'other'], 'invalid-argument', '--bucket'],
    ['a flag without its value', [...BASE, '--expires'], 'invalid-argument', '--expires'],
    ['a value for a boolean flag', [...BASE, '--json=yes'], 'invalid-argument', '--json'],
    ['an unknown scheme', [...BASE, '--scheme', 'oss-v2'], 'invalid-scheme', 'oss-v2'],
    ['an unknown method', [...BASE, '--method', 'PATCH'], 'invalid-method', 'PATCH'],
    ['an unknown style', [...BASE, '--style', 'vhost'], 'invalid-style', 'vhost'],
    ['a malformed duration', [...BASE, '--expires', '1 hour'], 'invalid-expiry', '--expires'],
    ['a zero duration', [...BASE, '--expires', '0'], 'invalid-expiry', '--expires'],
    ['an expiry beyond 7 days for V4', [...BASE, '--expires', '8d'], 'invalid-expiry', ''],
    ['a time without a zone', [...BASE, '--at', '2024-11-12T08:32:38'], 'invalid-time', '--at'],
    ['a time with a space', [...BASE, '--at', '2024-11-12 08:32:38Z'], 'invalid-time', '--at'],
    ['a header without a colon', [...BASE, '--header', 'Content-Type text/plain'], 'invalid-header', 'no colon'],
    ['a header with an empty name', [...BASE, '--header', ': text/plain'], 'invalid-header', 'empty name'],
    ['a header with a line break', [...BASE, '--header', 'x-oss-meta-a: one\ntwo'], 'invalid-header', 'control'],
    ['a Host header', [...BASE, '--header', 'Host: evil.example'], 'invalid-header', 'Host'],
    ['a query without a name', [...BASE, '--query', '=x'], 'invalid-query', '--query'],
    ['a V4 request without --region', ['--endpoint', OSS_ENDPOINT, '--bucket', 'photos'], 'missing-region', 'region'],
    ['an oss- prefixed region', [...NO_REGION, '--region', 'oss-cn-hangzhou'], 'invalid-region', 'cn-hangzhou'],
    ['an endpoint without a scheme', [...NO_ENDPOINT, '--endpoint', 'oss-cn.example.com'], 'invalid-endpoint', 'https://'],
    ['a bad bucket name', [...NO_BUCKET, '--bucket', 'My_Bucket'], 'invalid-bucket', 'My_Bucket'],
    ['a key with a leading slash', [...OSS, '--key', '/k.txt'], 'invalid-key', '/k.txt'],
    ['an additional header with s3-v4', [...S3, '--additional-header', 'host'], 'invalid-header', 'Additional headers'],
    ['a --curl FILE that does not exist', [...PUT, '--curl', 'no-such-file.txt'], 'file-not-found', 'no-such-file.txt'],
    ['a --curl FILE that is a directory', [...PUT, '--curl', 'electron'], 'invalid-argument', 'directory'],
  ])('refuses %s: exit 2, one line naming the problem, no stack', async (_what, args, code, mention) => {
    const run = await sign(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dropsign: [^\n]+\n$/);
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr).toContain(mention);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('names the exact environment variables when credentials are missing', async () => {
    const oss = await sign(BASE, {});
    expect(oss.code).toBe(2);
    expect(oss.stderr).toMatch(
      /^dropsign: [^\n]*OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET[^\n]*\[missing-credentials\][^\n]*\n$/,
    );
    const s3 = await sign([...S3, '--key', 'k'], { ...KEYS, AWS_SECRET_ACCESS_KEY: '' });
    expect(s3.code).toBe(2);
    expect(s3.stderr).toMatch(/^dropsign: [^\n]*set AWS_SECRET_ACCESS_KEY in the environment[^\n]*\n$/);
  });

  it.each([
    ['--secret', OSS_SECRET],
    [`--access-key-secret=${OSS_SECRET}`],
    ['--access-key-id', OSS_ID],
    ['--secret-access-key', AWS_SECRET],
    ['--session-token', OSS_TOKEN],
  ])('refuses a credential given as a flag: %s', async (...flag) => {
    const run = await sign([...BASE, ...flag]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^dropsign: Credentials are not accepted as command-line options \(--[a-z-]+\)[^\n]*\[credentials-in-arguments\]/,
    );
    expect(run.stderr).toMatch(/OSS_ACCESS_KEY_SECRET[^\n]*\n$/);
    expect(run.stderr).not.toContain(OSS_ID);
  });

  it('keeps the secret out of the output even when it is pasted where a value belongs', async () => {
    const run = await sign([...OSS, '--key', 'k.txt', OSS_SECRET]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('***');
  });
});

describe('dropsign sign --help', () => {
  it('prints the usage with examples', async () => {
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [CLI, 'sign', '--help'], { encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : 1, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dropsign sign /);
    const flags = ['--scheme', '--method', '--endpoint', '--style', '--bucket', '--key', '--region', '--expires'];
    flags.push('--at', '--header', '--additional-header', '--query', '--json', '--curl');
    for (const flag of [...flags, 'OSS_ACCESS_KEY_SECRET', 'AWS_SECRET_ACCESS_KEY', 'Examples:']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('works as `npx dropsign sign --help` from the repository root', async () => {
    const npmCache = await mkdtemp(join(tmpdir(), 'dropsign-npm-cache-'));
    const run = await new Promise<Run>((resolve) => {
      execFile(
        'npx',
        ['dropsign', 'sign', '--help'],
        // As a new user's first run: a private npm cache, since npx keeps a folder's bin link from its first
        // run and would test that instead of package.json. npm_config_yes=false and offline: if the root
        // package's bin were not found, fail instead of fetching a package.
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_cache: npmCache, npm_config_offline: 'true', npm_config_yes: 'false' } },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : 1, stdout, stderr }),
      );
    }).finally(() => rm(npmCache, { recursive: true, force: true }));
    // npx's own complaint (a busy npm cache, say) is in stderr: show it when this fails.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dropsign sign /);
  });
});

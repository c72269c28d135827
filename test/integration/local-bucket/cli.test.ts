/**
 * `dropsign local-bucket` as users run it: the built executable in a child process, talked to over HTTP,
 * stopped with a signal.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { presign } from '../../../electron/core/signing/presign.js';
import { CLI_PATH } from '../../helpers/cli-path.js';

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly line: Record<string, unknown>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dropsign-cli-lb-'));
  dirs.push(dir);
  return dir;
}

/** Spawns the command and waits for its first stdout line (the JSON endpoint line). */
function startCli(args: readonly string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI_PATH, 'local-bucket', ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; stderr: ${err}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve({ child, line: JSON.parse(out.slice(0, newline)) as Record<string, unknown>, stdout: () => out, stderr: () => err, exited });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before ready; stderr: ${err}`));
    });
  });
}

/** Runs the command to completion (for invocations that fail at once). */
function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI_PATH, 'local-bucket', ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** A presigned OSS V4 URL for `photos/hello.txt` at the CLI's endpoint, signed with its generated keys. */
function signedUrl(endpoint: string, keys: { accessKeyId: string; accessKeySecret: string }, method: 'GET' | 'PUT'): string {
  return presign(
    keys,
    {
      ...{ scheme: 'oss-v4', method, endpoint, style: 'path', bucket: 'photos', key: 'hello.txt' },
      ...{ region: 'cn-hangzhou', expiresInSeconds: 300 },
      // fetch sends a string body as text/plain;charset=UTF-8, and OSS signs whatever Content-Type arrives.
      ...(method === 'PUT' ? { headers: { 'Content-Type': 'text/plain;charset=UTF-8' } } : {}),
    },
    { now: () => Date.now() },
  ).url;
}

describe('dropsign local-bucket', () => {
  it('prints one JSON line, serves PUT and GET, and exits 0 on SIGTERM', async () => {
    const dir = await tempDir();
    const cli = await startCli(['--json', '--data-dir', dir, '--bucket', 'photos', '--bucket', 'docs']);
    const { endpoint, region, buckets, keysFile, accessKeyId } = cli.line as {
      endpoint: string;
      region: string;
      buckets: string[];
      keysFile: string;
      accessKeyId: string;
    };
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(region).toBe('cn-hangzhou');
    expect(buckets).toEqual(['docs', 'photos']);

    // The generated key pair: in the data directory, owner-only, and its secret printed nowhere.
    expect(path.dirname(keysFile)).toBe(dir);
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(await readFile(keysFile, 'utf8')) as { accessKeyId: string; accessKeySecret: string };
    expect(keys.accessKeyId).toBe(accessKeyId);
    expect(cli.stdout()).not.toContain(keys.accessKeySecret);
    expect(cli.stderr()).not.toContain(keys.accessKeySecret);

    // Requests are verified: unsigned ones are refused, ones signed with the generated keys served.
    expect((await fetch(`${endpoint}/photos/hello.txt`, { method: 'PUT', body: 'anonymous' })).status).toBe(403);
    const put = await fetch(signedUrl(endpoint, keys, 'PUT'), { method: 'PUT', body: 'hello from the CLI' });
    expect(put.status).toBe(200);
    const get = await fetch(signedUrl(endpoint, keys, 'GET'));
    expect(await get.text()).toBe('hello from the CLI');

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);

    // A second run over the same directory keeps the same key pair and the stored object.
    const again = await startCli(['--json', '--data-dir', dir]);
    expect(again.line['accessKeyId']).toBe(accessKeyId);
    expect(await (await fetch(signedUrl(String(again.line['endpoint']), keys, 'GET'))).text()).toBe('hello from the CLI');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('takes the secret from the named environment variable and never prints it', async () => {
    const dir = await tempDir();
    const secret = 'env-secret-value-1234567890';
    const cli = await startCli(
      ['--json', '--data-dir', dir, '--access-key-id', 'LTAI5tFromFlags', '--access-key-secret-env', 'MY_SECRET', '--region', 'cn-beijing'],
      { MY_SECRET: secret },
    );
    expect(cli.line).toMatchObject({ accessKeyId: 'LTAI5tFromFlags', region: 'cn-beijing' });
    expect(cli.line['keysFile']).toBeUndefined();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout() + cli.stderr()).not.toContain(secret);
  });

  it.each([
    [['--data-dir', 'x', '--bogus'], 'invalid-argument'],
    [['--bucket', 'photos'], 'missing-argument'],
    [['--data-dir', 'x', '--fail-rate', '2'], 'invalid-argument'],
    [['--data-dir', 'x', '--port', 'http'], 'invalid-argument'],
    [['--data-dir', 'x', '--host', '0.0.0.0'], 'invalid-argument'],
    [['--data-dir', 'x', '--region', 'oss-cn-hangzhou'], 'invalid-region'],
    [['--data-dir', 'x', '--access-key-id', 'ID'], 'missing-argument'],
    [['--data-dir', 'x', '--access-key-id', 'ID', '--access-key-secret-env', 'UNSET_VAR'], 'missing-credentials'],
    [['--data-dir', 'x', '--bucket', 'Bad_Name'], 'invalid-argument'],
  ])('refuses %j with exit 2 (%s)', async (args, code) => {
    const dir = await tempDir();
    const { code: exit, stderr } = await runCli(args.map((a) => (a === 'x' ? dir : a)));
    expect(exit).toBe(2);
    expect(stderr).toContain(`[${code}]`);
  });
});

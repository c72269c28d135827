/**
 * `dropsign upload` as users run it: the built executable against a real local bucket that verifies every
 * signature, reporting each file, exiting 1 only after uploading everything it could, and resuming after
 * Ctrl+C.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../../electron/core/local-bucket/index.js';
import { presign } from '../../../electron/core/signing/presign.js';
import { CLI_PATH } from '../../helpers/cli-path.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness, type Harness } from '../local-bucket/harness.js';

let h: Harness;
let work = '';
beforeAll(async () => {
  h = await startHarness({ authenticate: verifySignature, region: 'cn-hangzhou', faults: {} });
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-upload-cli-'));
});
afterAll(async () => {
  await h.close();
  await rm(work, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const env = (): Record<string, string> => ({
  PATH: process.env['PATH'] ?? '',
  OSS_ACCESS_KEY_ID: ACCESS_KEY_ID,
  OSS_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET,
  DROPSIGN_DATA_DIR: path.join(work, 'state'),
});

const target = (prefix: string): string[] => [
  ...['--endpoint', h.endpoint, '--style', 'path', '--bucket', 'photos', '--region', 'cn-hangzhou', '--prefix', prefix],
];

function upload(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_PATH, 'upload', ...args], { env: { ...env(), ...extraEnv }, cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** Reads an object back through a presigned GET. */
async function readBack(key: string): Promise<Buffer> {
  const { url } = presign(
    { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET },
    { scheme: 'oss-v4', method: 'GET', endpoint: h.endpoint, style: 'path', bucket: 'photos', key, region: 'cn-hangzhou', expiresInSeconds: 60 },
    { now: Date.now },
  );
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('dropsign upload', () => {
  it('uploads a folder and a multipart file, one JSON record per file and a summary, with working links', async () => {
    const folder = path.join(work, 'album');
    await mkdir(path.join(folder, 'sub'), { recursive: true });
    const files: Record<string, Buffer> = {
      'album/a.txt': Buffer.from('hello'),
      'album/sub/odd name + % # ? &.txt': Buffer.from('odd'),
      'album/empty.bin': Buffer.alloc(0),
    };
    for (const [rel, data] of Object.entries(files)) await writeFile(path.join(work, rel), data);
    const big = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(path.join(work, 'big.bin'), big);

    const run = await upload(['album', 'big.bin', ...target('json'), '--multipart-threshold', '1MB', '--part-size', '1MB', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ summary: true, files: 4, done: 4, failed: 0, bytes: big.length + 8 });
    const records = lines.slice(0, -1);
    expect(records.map((r) => r['key']).sort()).toEqual(['json/album/a.txt', 'json/album/empty.bin', 'json/album/sub/odd name + % # ? &.txt', 'json/big.bin']);
    for (const record of records) {
      expect(record).toMatchObject({ status: 'done', error: null });
      expect(record['crc64']).toMatch(/^\d+$/);
      const linked = await fetch(String(record['link']));
      const expected = record['key'] === 'json/big.bin' ? big : (files[String(record['key']).slice('json/'.length)] ?? Buffer.alloc(1));
      expect(Buffer.from(await linked.arrayBuffer()).equals(expected)).toBe(true);
    }
    expect((await readBack('json/big.bin')).equals(big)).toBe(true);
  });

  it('uploads everything it can, then exits 1 naming the file that could not be read', async () => {
    await writeFile(path.join(work, 'good.txt'), 'good');
    const run = await upload(['good.txt', 'missing.txt', ...target('partial')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✓ done .* partial\/good\.txt/);
    expect(run.stdout).toMatch(/✗ failed .*missing\.txt/);
    expect(run.stdout).toContain('1 uploaded');
    expect((await readBack('partial/good.txt')).toString()).toBe('good');
  });

  it('follows a link to a file and reports a dangling link and a named pipe, without hanging on the pipe', async () => {
    // The CLI looks at and reads small files in place (core/transfer/sync-while-fast.ts): a pipe opened that
    // way would block the whole process, so it must be refused before anything opens it.
    const folder = path.join(work, 'odd-entries');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(work, 'linked-target.txt'), 'behind the link');
    await symlink(path.join(work, 'linked-target.txt'), path.join(folder, 'link.txt'));
    await symlink(path.join(work, 'nowhere.txt'), path.join(folder, 'dangling.txt'));
    await promisify(execFile)('mkfifo', [path.join(folder, 'pipe')]);

    const run = await upload([folder, ...target('odd'), '--json']);
    expect(run.code, run.stderr).toBe(1);
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path?: string; key?: string | null; status?: string; error?: { code?: string } | null });
    const byName = (name: string): (typeof records)[number] | undefined => records.find((record) => record.path === path.join(folder, name));
    expect(byName('link.txt')).toMatchObject({ status: 'done', key: 'odd/odd-entries/link.txt' });
    expect(byName('dangling.txt')).toMatchObject({ status: 'failed', error: { code: 'file-not-found' } });
    expect(byName('pipe')).toMatchObject({ status: 'failed', error: { code: 'special-file' } });
    expect((await readBack('odd/odd-entries/link.txt')).toString()).toBe('behind the link');
  });

  it('never lets a file name send the terminal an escape sequence, and still names the file', async () => {
    const folder = path.join(work, 'hostile');
    await mkdir(folder, { recursive: true });
    // Retitles the terminal (OSC), rings it, turns text red, returns over the line, and reverses what follows.
    const hostile = 'evil\u001b]0;pwned\u0007\u001b[31mred\rover\nline\u202etxt.exe';
    const reversed = 'report\u202efdp.exe';
    await writeFile(path.join(folder, hostile), 'x');
    await writeFile(path.join(folder, reversed), 'y');
    // Control characters, line breaks and bidirectional controls, as shared/visible-text.ts escapes them.
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

    const text = await upload([folder, ...target('hostile')]);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).not.toMatch(unsafe);
    expect(text.stdout).toContain('evil\\u001b]0;pwned\\u0007\\u001b[31mred\\u000dover\\u000aline\\u202etxt.exe');
    // The folder keeps its name under the prefix.
    expect(text.stdout).toContain('hostile/hostile/report\\u202efdp.exe');
    expect(await readBack('hostile/hostile/report\u202efdp.exe')).toEqual(Buffer.from('y'));

    // JSON keeps meaning the same: the escapes decode to the real names.
    const json = await upload([folder, ...target('hostile-json'), '--json']);
    expect(json.stdout + json.stderr).not.toMatch(unsafe);
    const records = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path?: string; key?: string | null; status?: string });
    expect(records.find((record) => record.path === path.join(folder, hostile))?.status).toBe('failed');
    expect(records.find((record) => record.path === path.join(folder, reversed))?.key).toBe('hostile-json/hostile/report\u202efdp.exe');
  });

  it('reports a server refusal with the typed reason and fix', async () => {
    await writeFile(path.join(work, 'x.txt'), 'x');
    const run = await upload(['x.txt', ...target('refused'), '--json'], { OSS_ACCESS_KEY_SECRET: 'not-the-secret' });
    expect(run.code).toBe(1);
    const record = JSON.parse(run.stdout.split('\n')[0] ?? '{}') as { status: string; error: { code: string; hint: string } };
    expect(record.status).toBe('failed');
    expect(record.error.code).toBe('signature-mismatch');
    expect(run.stdout + run.stderr).not.toContain('not-the-secret');
  });

  it.each([
    [['--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos'], /No files or folders to upload/],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos', '--region', 'cn-hangzhou', '--concurrency', '64'], /--concurrency "64" is not a whole number from 1 to 32/],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos', '--region', 'cn-hangzhou', '--part-size', 'huge'], /--part-size "huge" is not a size/],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos', '--region', 'cn-hangzhou', '--no-link', '--public-url', 'https://c/{key}'], /exclude each other/],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'Bad_Bucket', '--region', 'cn-hangzhou', '--style', 'path'], /bucket/i],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos', '--region', 'oss-cn-hangzhou', '--style', 'path'], /cn-hangzhou/],
    [['x.txt', '--endpoint', 'http://127.0.0.1:1', '--bucket', 'photos', '--access-key-secret', 's3cr3t'], /environment/i],
  ])('refuses bad input %j with one line and exit 2', async (args, message) => {
    const run = await upload(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('s3cr3t');
  });

  it('stops on Ctrl+C keeping its place, and the same command resumes and finishes', async () => {
    const slow = await startHarness({ authenticate: verifySignature, faults: { latencyMs: 150 } });
    try {
      const data = randomBytes(6 * 1024 * 1024);
      await writeFile(path.join(work, 'resume.bin'), data);
      const args = ['resume.bin', '--endpoint', slow.endpoint, '--style', 'path', '--bucket', 'photos', '--region', 'cn-hangzhou', '--multipart-threshold', '1MB', '--part-size', '1MB', '--concurrency', '1'];
      const child = spawn(process.execPath, [CLI_PATH, 'upload', ...args], { env: env(), cwd: work });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise((resolve) => setTimeout(resolve, 700));
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('Run the same command again to resume');

      const again = await upload(args);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('Resuming 1 unfinished upload');
      expect(again.stdout).toContain('1 uploaded');
    } finally {
      await slow.close();
    }
  });
});

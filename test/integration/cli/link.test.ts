/**
 * `dropsign link` as users run it: the built executable, the built-in `local` profile pointed at a running
 * embedded local bucket, the register in the app data directory. An upload link works with the printed
 * headers (and its curl line); another Content-Type is refused and `link inspect --answer-file` explains
 * it; an upload callback round-trips; an expired link is explained; every run sees the links of the
 * previous ones (list, CSV, forget); bad input exits 2 with one line; no secret is ever printed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedLocalBucket, type EmbeddedLocalBucket } from '../../../electron/core/local-bucket/index.js';
import { linkCli } from './link-cli.js';

let root = '';
let dataDir = '';
let work = '';
let bucket: EmbeddedLocalBucket;
let callbackServer: Server;
let callbackUrl = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dropsign-link-cli-'));
  dataDir = path.join(root, 'data');
  work = path.join(root, 'work');
  await mkdir(work, { recursive: true });
  bucket = await startEmbeddedLocalBucket(dataDir, { port: 0 });
  callbackServer = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: body })));
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/cb`;
});

afterAll(async () => {
  await bucket?.handle.close();
  callbackServer?.closeAllConnections();
  await new Promise((resolve) => callbackServer?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const { link, local } = linkCli(() => ({ bucket, root, work, dataDir }));

interface PrintedLink {
  readonly id: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly expiresAt: string;
  readonly curl: string;
  readonly warnings: readonly { readonly code: string }[];
}

async function made(...args: string[]): Promise<PrintedLink> {
  const run = await link(...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PrintedLink;
}

describe('dropsign link', () => {
  it('prints an upload link whose headers work; another Content-Type is refused and inspect explains it', async () => {
    const text = await link('put', 'shared/cat.png', ...local(), '--content-type', 'image/png', '--meta', 'From=cli');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dropsign\/shared\/cat\.png\?x-oss-/);
    expect(text.stdout).toContain('The uploader must send these headers, exactly:\n  content-type: image/png\n  x-oss-meta-from: cli\n');
    expect(text.stdout).toMatch(/\ncurl:\n {2}curl --fail-with-body .* -T 'cat\.png' 'http:/);

    const printed = await made('put', 'shared/cat.png', ...local(), '--content-type', 'image/png');
    expect(printed.headers).toEqual({ 'content-type': 'image/png' });
    const refused = await fetch(printed.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'nope' });
    expect(refused.status).toBe(403);
    await writeFile(path.join(work, 'answer.xml'), await refused.text());
    const explained = await link('inspect', printed.url, '--answer-file', 'answer.xml');
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain(`Issued here:    yes (id ${printed.id})`);
    expect(explained.stdout).toContain('Signature:      valid for PUT with profile "local"');
    expect(explained.stdout).toContain('Server answer: The server rejected the signature: the server saw Content-Type: "text/plain" but the URL signed "image/png". [signature-mismatch]');
    expect(explained.stdout).not.toMatch(/x-oss-signature=|[0-9a-f]{64}/);

    const accepted = await fetch(printed.url, { method: 'PUT', headers: printed.headers, body: 'a png' });
    expect(accepted.status).toBe(200);
  });

  it('gives a curl line that uploads as printed', async () => {
    if (spawnSync('curl', ['--version']).status !== 0) return;
    await writeFile(path.join(work, 'notes.txt'), 'sent by curl');
    const printed = await made('put', 'docs/notes.txt', ...local(), '--content-type', 'text/plain');
    await promisify(execFile)('sh', ['-c', printed.curl], { cwd: work });
    const back = await made('get', 'docs/notes.txt', ...local(), '--file', 'back.txt');
    await promisify(execFile)('sh', ['-c', back.curl], { cwd: work });
    expect(await readFile(path.join(work, 'back.txt'), 'utf8')).toBe('sent by curl');
  });

  it('round-trips an upload callback', async () => {
    const printed = await made('put', 'inbox/x.txt', ...local(), '--content-type', 'text/plain', '--callback-url', callbackUrl, '--callback-body', 'object=${object}&size=${size}');
    const response = await fetch(printed.url, { method: 'PUT', headers: printed.headers, body: 'abc' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 'object=inbox%2Fx.txt&size=3' });
  });

  it('explains an expired link', async () => {
    const printed = await made('get', 'shared/cat.png', ...local(), '--expires', '1');
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const refused = await fetch(printed.url);
    expect(refused.status).toBe(403);
    await writeFile(path.join(work, 'expired.xml'), await refused.text());
    const run = await link('inspect', printed.url, '--answer-file', 'expired.xml', '--json');
    const inspection = JSON.parse(run.stdout) as { answer: { code: string; message: string } };
    expect(inspection.answer).toMatchObject({ code: 'url-expired', message: expect.stringContaining(`The signed link expired at ${printed.expiresAt}`) });
  });

  it('lists what earlier runs issued, exports CSV, and forgets', async () => {
    const listed = await link('list', '--json');
    const { links, total } = JSON.parse(listed.stdout) as { links: { id: string; key: string; status: string }[]; total: number };
    expect(total).toBe(links.length);
    // Newest first: the expired download of the last test, then the callback upload before it.
    expect(links[0]).toMatchObject({ key: 'shared/cat.png', status: 'expired' });
    expect(links[1]).toMatchObject({ key: 'inbox/x.txt', status: 'active' });
    const table = await link('list');
    expect(table.stdout).toMatch(/^ISSUED \(UTC\) +METHOD +STATUS +EXPIRES \(UTC\) +PROFILE +BUCKET\/KEY +ID\n/);
    expect(table.stdout).toContain('dropsign/inbox/x.txt');
    const csv = await link('list', '--csv');
    expect(csv.stdout.startsWith('\ufeffIssued at,Method,Profile,Bucket,Key,Expires at,Status,URL,Required headers\r\n')).toBe(true);
    expect(csv.stdout.split('\r\n')).toHaveLength(total + 2);
    const forgotten = await link('forget', links[0]?.id ?? '');
    expect(forgotten.code).toBe(0);
    expect(forgotten.stdout).toContain('cannot be revoked');
    expect(JSON.parse((await link('list', '--json')).stdout)).toMatchObject({ total: total - 1 });
    expect((await link('forget', links[0]?.id ?? '')).stderr).toMatch(/^dropsign: There is no issued link with this id .*\[invalid-argument\]/);
  });

  it('falls back to the built-in local profile at its usual port', async () => {
    const printed = await made('get', 'a.txt');
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:47110\/dropsign\/a\.txt\?/);
  });

  it.each([
    [['put'], /^dropsign: Missing the object key: dropsign link put KEY\. \[missing-argument\]/],
    [['get', 'a', '--content-type', 'x/y'], /^dropsign: --content-type does not apply to download \(GET\) links\. \[invalid-argument\]/],
    [['put', 'a', '--callback-url', 'http://127.0.0.1:1/'], /--callback-body too\. \[missing-argument\]/],
    [['put', 'a', '--expires', '8d'], /\[invalid-expiry\]/],
    [['inspect', 'not a link'], /^dropsign: This is not a link \(URL\)\. \[invalid-argument\] Paste the whole link/],
    [['inspect', 'https://example.com/a?b=c'], /carries no signature.*\[invalid-argument\]/],
    [['nope'], /Unknown sub-command "nope"/],
  ])('exits 2 with one line for bad input: %j', async (args, message) => {
    const run = await link(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('inspects a link whose key holds a line break, an escape sequence and a bidirectional control, one line each, escaped', async () => {
    const url =
      'https://photos.oss-cn-hangzhou.aliyuncs.com/a%0Ab%1B%5B31m%E2%80%AE.png?x-oss-signature-version=OSS4-HMAC-SHA256' +
      '&x-oss-credential=LTAI5tEXAMPLE%2F20261121%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20261121T000000Z&x-oss-expires=3600' +
      `&x-oss-signature=${'0'.repeat(64)}`;
    const run = await link('inspect', url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Key:            a\\u000ab\\u001b[31m\\u202e.png\n');
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    const json = await link('inspect', url, '--json');
    expect((JSON.parse(json.stdout) as { key: string }).key).toBe('a\nb\u001b[31m\u202e.png');
  });

  it('prints its usage with --help', async () => {
    const run = await link('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dropsign link inspect URL [--answer-file FILE] [--json]');
  });
});

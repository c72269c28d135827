/**
 * The spool route over real HTTP on loopback (without the host's guards, which run before it and are
 * tested with the host): a multipart request of files in, each file's reference or refusal out.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpoolLimits } from '../../../../electron/web-host/spool/spool-limits.js';
import { handleSpoolRequest } from '../../../../electron/web-host/spool/spool-route.js';
import { SpoolStore } from '../../../../electron/web-host/spool/spool-store.js';
import { spoolFormBody, type FormFile, type FormOptions } from './spool-form-body.js';

let work = '';
let spool: SpoolStore;
let server: Server;
let port = 0;

async function start(limits: Partial<SpoolLimits> = {}): Promise<void> {
  spool = await SpoolStore.create(path.join(work, 'web-spool'), limits, { freeBytes: () => Promise.resolve(Number.MAX_SAFE_INTEGER) });
  server = createServer((request, response) => void handleSpoolRequest(request, response, spool));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-spool-route-'));
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly json: { ok: boolean; value?: { files: { ok: boolean; value?: { ref: string; size: number }; error?: { code: string; message: string; hint: string } }[] }; error?: { code: string; message: string; hint: string } };
}

function post(body: Buffer, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/spool', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['json'] }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function send(files: readonly FormFile[], options: FormOptions = {}): Promise<Answer> {
  const form = await spoolFormBody(files, options);
  return post(form.body, { 'content-type': form.contentType, 'content-length': String(form.body.length) });
}

/** Every file left in the spool folder. */
async function spooledFiles(): Promise<string[]> {
  const entries = await readdir(spool.root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('POST /spool', () => {
  it('stores every file of a request and answers their references in order', async () => {
    await start();
    const answer = await send([
      { path: 'photos/a.txt', body: 'alpha' },
      { path: 'photos/sub/b.txt', body: 'bravo!' },
      { path: 'empty.bin', body: '' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      ok: true,
      value: {
        files: [
          { ok: true, value: { ref: expect.stringMatching(/^spool:[0-9a-f]{32}$/), size: 5 } },
          { ok: true, value: { ref: expect.stringMatching(/^spool:[0-9a-f]{32}$/), size: 6 } },
          { ok: true, value: { ref: expect.stringMatching(/^spool:[0-9a-f]{32}$/), size: 0 } },
        ],
      },
    });
    const ids = (answer.json.value?.files ?? []).map((file) => file.value?.ref.slice('spool:'.length) ?? '');
    const taken = await spool.take(ids);
    if (!taken.ok) throw new Error(taken.error.message);
    expect(await readFile(path.join(taken.value[0] ?? '', 'sub', 'b.txt'), 'utf8')).toBe('bravo!');
  });

  it('refuses path attacks file by file, and keeps the other files', async () => {
    await start();
    const attacks = ['../x', 'a/../../x', '/etc/passwd', 'a\\..\\..\\x', 'a//x', './x', 'a\u0000b', 'x/'];
    const answer = await send([...attacks.map((attack) => ({ path: attack, body: 'x' })), { path: 'fine.txt', body: 'ok' }]);
    expect(answer.status).toBe(200);
    const files = answer.json.value?.files ?? [];
    for (const [index, attack] of attacks.entries()) expect(files[index], attack).toMatchObject({ ok: false, error: { code: 'invalid-argument', hint: expect.any(String) } });
    expect(files.at(-1)).toMatchObject({ ok: true });
    expect(await spooledFiles()).toEqual(['fine.txt']);
    expect((await readdir(work)).sort()).toEqual(['web-spool']);
  });

  it('answers a file that did not arrive whole as such, and keeps the others', async () => {
    await start();
    const answer = await send([
      { path: 'short.txt', body: 'abc', announced: 10 },
      { path: 'long.txt', body: 'abcdef', announced: 3 },
      { path: 'whole.txt', body: 'abc' },
    ]);
    expect(answer.json.value?.files).toMatchObject([
      { ok: false, error: { code: 'file-unreadable', message: 'The file did not arrive whole (3 of 10 bytes).' } },
      { ok: false, error: { code: 'file-unreadable' } },
      { ok: true },
    ]);
    expect(await spooledFiles()).toEqual(['whole.txt']);
  });

  it('answers at once, without reading the body, when every file is refused (a file too large for browser mode)', async () => {
    await start({ maxFileBytes: 1024 });
    const answer = await send([{ path: 'big.bin', body: Buffer.alloc(4096) }]);
    expect(answer.status).toBe(200);
    expect(answer.json.value?.files).toMatchObject([{ ok: false, error: { code: 'file-too-large', hint: expect.stringContaining('dropsign upload') } }]);
    expect(await spooledFiles()).toEqual([]);
  });

  it.each([
    ['no manifest', [{ path: 'a', body: 'a' }], { noManifest: true }],
    ['a manifest that is not JSON', [{ path: 'a', body: 'a' }], { manifest: '{' }],
    ['more files than the manifest lists', [{ path: 'a', body: 'a' }, { path: 'b', body: 'b' }], { manifest: JSON.stringify({ files: [{ path: 'a', size: 1 }] }) }],
    ['fewer files than the manifest lists', [{ path: 'a', body: 'a' }], { manifest: JSON.stringify({ files: [{ path: 'a', size: 1 }, { path: 'b', size: 1 }] }) }],
    ['file parts out of order', [{ path: 'a', body: 'a' }, { path: 'b', body: 'b' }], { partName: (index: number) => String(1 - index) }],
  ] as const)('refuses a request with %s as a whole (400), and keeps none of its files', async (_case, files, options) => {
    await start();
    const answer = await send(files, options);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.any(String), hint: expect.any(String) } });
    expect(await spooledFiles()).toEqual([]);
    expect(spool.pendingCount).toBe(0);
  });

  it('refuses more files in one request than allowed, a manifest past its bound, and a body that is not a form', async () => {
    await start({ maxBatchFiles: 2, maxManifestBytes: 200 });
    const many = await send([{ path: 'a', body: 'a' }, { path: 'b', body: 'b' }, { path: 'c', body: 'c' }]);
    expect(many.status).toBe(400);
    const long = await send([{ path: 'a', body: 'a' }], { manifest: JSON.stringify({ files: [{ path: 'x'.repeat(300), size: 1 }] }) });
    expect(long.status).toBe(400);
    expect(long.json.error?.message).toContain('200 bytes');
    const raw = await post(Buffer.from('just bytes'), { 'content-type': 'application/octet-stream', 'content-length': '10' });
    expect(raw.status).toBe(400);
    const unfinished = Buffer.from('--B\r\nContent-Disposition: form-data; name="manifest"\r\n\r\n{"files":[{"path":"a","size":1}]}\r\n--B\r\nContent-Disposition: form-data; name="file"; filename="0"\r\n\r\nx');
    const cut = await post(unfinished, { 'content-type': 'multipart/form-data; boundary=B', 'content-length': String(unfinished.length) });
    expect(cut.status).toBe(400);
    expect(cut.json.error?.message).toContain('well-formed');
    expect(await spooledFiles()).toEqual([]);
  });

  it('refuses a body sent without its length (411)', async () => {
    await start();
    const form = await spoolFormBody([{ path: 'a', body: 'a' }]);
    const answer = await post(form.body, { 'content-type': form.contentType, 'transfer-encoding': 'chunked' });
    expect(answer.status).toBe(411);
    expect(await spooledFiles()).toEqual([]);
  });

  it('answers server-busy (503) when too many files wait to be queued, reading nothing', async () => {
    await start({ maxPendingFiles: 1 });
    expect((await send([{ path: 'a', body: 'a' }])).status).toBe(200);
    const busy = await send([{ path: 'b', body: 'b' }]);
    expect(busy.status).toBe(503);
    expect(busy.json.error).toMatchObject({ code: 'server-busy', hint: expect.any(String) });
    expect(await spooledFiles()).toEqual(['a']);
  });

  it('leaves nothing behind when the request is cut off in the middle of its files', async () => {
    await start();
    const form = await spoolFormBody([
      { path: 'first.txt', body: 'complete' },
      { path: 'second.bin', body: Buffer.alloc(1024 * 1024, 1) },
    ]);
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/spool',
      agent: false,
      headers: { 'content-type': form.contentType, 'content-length': String(form.body.length) },
    });
    outgoing.on('error', () => undefined);
    outgoing.write(form.body.subarray(0, form.body.length - 300 * 1024));
    // The first file is whole, the second half there: then the page goes away.
    await expect.poll(async () => (await spooledFiles()).length).toBeGreaterThan(0);
    outgoing.destroy();
    await expect.poll(spooledFiles).toEqual([]);
    await expect.poll(() => readdir(spool.root)).toEqual([]);
    expect(spool.pendingCount).toBe(0);
    // The spool takes the next request as if nothing happened.
    expect((await send([{ path: 'again.txt', body: 'x' }])).status).toBe(200);
  });
});

/**
 * The web host over plain HTTP: who gets the page (the token, then the asset cookie), which names and
 * origins it answers, what it serves and how, and who may spool files.
 */
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web-host/http/security-headers.js';
import { spoolFormBody } from '../../unit/web-host/spool/spool-form-body.js';
import { PAGE, rawRequest, spoolFiles, startHostHarness, type HostHarness } from './harness.js';

let harness: HostHarness;
let cookie = '';
beforeAll(async () => {
  harness = await startHostHarness({ spoolLimits: { maxFileBytes: 1024 } });
  const page = await rawRequest(harness.host, { path: `/?token=${harness.token}` });
  cookie = String(page.headers['set-cookie']?.[0]?.split(';')[0]);
});
afterAll(async () => harness.close());

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(harness.host, { path, headers });

describe('the page', () => {
  it('is served for the printed address, with a cookie for its files that is not the token', async () => {
    const page = await get(`/?token=${harness.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(PAGE);
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^dropsign-assets-${harness.host.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(setCookie).not.toContain(harness.token);
  });

  it('is refused without a token, with a wrong one, and with the cookie alone plus a wrong token', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=')).status).toBe(401);
    expect((await get(`/?token=${harness.token.slice(0, -1)}x`)).status).toBe(401);
    expect((await get('/?token=nope', { cookie })).status).toBe(401);
    expect((await get('/assets/app.js', { cookie: 'dropsign-assets-1=whatever' })).status).toBe(401);
  });

  it('serves its files to the cookie, with their types, a strict CSP and nosniff', async () => {
    const script = await get('/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'");
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['referrer-policy']).toBe('no-referrer');
    expect(script.headers['cache-control']).toBe('no-store');
    expect((await get('/assets/app.css', { cookie })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/', { cookie })).headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await rawRequest(harness.host, { method: 'HEAD', path: '/assets/app.js', headers: { cookie } })).body).toBe('');
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets/%2e%2e%5c..%5coutside.txt',
    '/.env',
    '/%2eenv',
    '/assets',
    '/assets/app.js%00.html',
    '/%E0%A4%A',
    '/missing.js',
  ])('answers 404 for %s (no traversal, no dot-files, no folders)', async (path) => {
    const response = await get(path, { cookie });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not for the web');
  });

  it('takes only GET and HEAD', async () => {
    expect((await rawRequest(harness.host, { method: 'POST', path: '/', headers: { cookie, origin: harness.host.origin } })).status).toBe(405);
    expect((await rawRequest(harness.host, { method: 'DELETE', path: '/assets/app.js', headers: { cookie } })).status).toBe(405);
  });
});

describe('names and origins', () => {
  it('answers to 127.0.0.1:PORT and localhost:PORT only (no DNS rebinding)', async () => {
    expect((await get('/', { cookie, host: `localhost:${harness.host.port}` })).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${harness.host.port}`, `127.0.0.1:${harness.host.port + 1}`, '127.0.0.1', `[::1]:${harness.host.port}`]) {
      const response = await get(`/?token=${harness.token}`, { host });
      expect(response.status, host).toBe(403);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    // Without a Host at all, Node's HTTP/1.1 parser refuses the request before the host sees it.
    expect((await get(`/?token=${harness.token}`, { host: '' })).status).toBe(400);
  });

  it('refuses any request that says it comes from another origin', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${harness.host.port + 1}`, 'null', `https://127.0.0.1:${harness.host.port}`]) {
      expect((await get(`/?token=${harness.token}`, { origin })).status, origin).toBe(403);
    }
    expect((await get('/', { cookie, origin: harness.host.origin })).status).toBe(200);
  });
});

describe('POST /spool', () => {
  let pendingBefore = 0;
  it('takes a batch of files from the page (token and Origin) and answers each one\'s reference', async () => {
    const response = await spoolFiles(harness, [
      { path: 'hello.txt', body: 'hello' },
      { path: 'docs/notes.md', body: '# notes' },
    ]);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: {
        files: [
          { ok: true, value: { ref: expect.stringMatching(/^spool:[0-9a-f]{32}$/), size: 5 } },
          { ok: true, value: { ref: expect.stringMatching(/^spool:[0-9a-f]{32}$/), size: 7 } },
        ],
      },
    });
    pendingBefore = harness.spool.pendingCount;
    expect(pendingBefore).toBe(2);
  });

  /** A change to the page's headers. */
  type Change = (headers: Record<string, string>) => void;

  const cases: readonly (readonly [string, Change, number])[] = [
    ['no token', (h) => void delete h['authorization'], 401],
    ['a wrong token', (h) => void (h['authorization'] = 'Bearer wrong'), 401],
    ['the asset cookie instead of the token', (h) => void ((h['cookie'] = cookie), (h['authorization'] = '')), 401],
    ['no Origin', (h) => void delete h['origin'], 403],
    ['a foreign Origin', (h) => void (h['origin'] = 'http://evil.example'), 403],
    ['the Origin of another port', (h) => void (h['origin'] = 'http://127.0.0.1:1'), 403],
    ['a foreign Host', (h) => void (h['host'] = 'evil.example'), 403],
  ];
  it.each(cases)('refuses a request with %s, and keeps none of its files', async (_case, change, status) => {
    const response = await spoolFiles(harness, [{ path: 'x.txt', body: 'x' }], change);
    expect(response.status).toBe(status);
    expect(harness.spool.pendingCount).toBe(pendingBefore);
  });

  it('refuses, file by file, names that would leave the spool or cannot be files, and keeps the others', async () => {
    const attacks = ['..', '../x', 'a/../../x', '/etc/passwd', 'a//x', 'a\\..\\x', 'a\u0000b', 'x/', ''];
    const response = await spoolFiles(harness, [...attacks.map((path) => ({ path, body: 'x' })), { path: 'kept.txt', body: 'x' }]);
    expect(response.status).toBe(200);
    const files = (JSON.parse(response.body) as { value: { files: { ok: boolean; error?: { code: string } }[] } }).value.files;
    expect(files.slice(0, -1).map((file) => file.error?.code)).toEqual(attacks.map(() => 'invalid-argument'));
    expect(files.at(-1)).toMatchObject({ ok: true });
    expect(harness.spool.pendingCount).toBe(pendingBefore + 1);
    pendingBefore = harness.spool.pendingCount;
  });

  it('refuses a file over the size limit before reading it, and a request sent without its length', async () => {
    const big = await spoolFiles(harness, [{ path: 'big.bin', body: Buffer.alloc(2048) }]);
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body)).toMatchObject({ ok: true, value: { files: [{ ok: false, error: { code: 'file-too-large' } }] } });
    const chunked = await spoolFiles(harness, [{ path: 'chunked.bin', body: 'abc' }], (headers) => {
      delete headers['content-length'];
      headers['transfer-encoding'] = 'chunked';
    });
    expect(chunked.status).toBe(411);
    expect(harness.spool.pendingCount).toBe(pendingBefore);
  });

  it('keeps nothing of a request cut off in the middle of its files', async () => {
    const batches = async (): Promise<string[]> => (await readdir(harness.spool.root)).filter((name) => name.startsWith('batch-')).sort();
    const before = await batches();
    const form = await spoolFormBody([
      { path: 'first.txt', body: 'whole' },
      { path: 'second.bin', body: Buffer.alloc(1000, 1) },
    ]);
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port: harness.host.port,
      method: 'POST',
      path: '/spool',
      agent: false,
      headers: {
        host: `127.0.0.1:${harness.host.port}`,
        origin: harness.host.origin,
        authorization: `Bearer ${harness.token}`,
        'content-type': form.contentType,
        'content-length': String(form.body.length),
      },
    });
    outgoing.on('error', () => undefined);
    outgoing.write(form.body.subarray(0, form.body.length - 500));
    // The first file is written into the request's batch folder; the second is half there.
    await expect.poll(async () => (await batches()).length).toBe(before.length + 1);
    outgoing.destroy();
    await expect.poll(batches).toEqual(before);
    expect(harness.spool.pendingCount).toBe(pendingBefore);
  });

  it('takes POST only, and is not a page', async () => {
    expect((await rawRequest(harness.host, { path: '/spool', headers: { cookie } })).status).toBe(405);
    expect((await get('/ws', { cookie })).status).toBe(426);
  });
});

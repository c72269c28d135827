/**
 * The authentication seam (what a verifier sees, and that a denial runs before any operation or body
 * read), faults on demand (fail-rate, latency, clock offset), and CORS preflights.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowAllRequests, startLocalBucket, type AuthResult, type IncomingRequestInfo } from '../../../electron/core/local-bucket/index.js';
import { errorCode, send, sendRaw, startHarness } from './harness.js';

describe('the authentication seam', () => {
  it('hands the verifier the request as received, before the operation', async () => {
    const seen: IncomingRequestInfo[] = [];
    const h = await startHarness({
      clock: { now: () => Date.UTC(2024, 0, 2, 3, 4, 5) },
      authenticate: (request, context) => {
        seen.push(request);
        expect(context.region).toBe('cn-hangzhou');
        expect([...context.accessKeys.keys()]).toEqual(['LTAI5tLocalTestKeyId']);
        return { kind: 'allowed', accessKeyId: 'LTAI5tLocalTestKeyId' };
      },
    });
    try {
      await send(h.port, 'PUT', '/photos/a%20b/..%2Fc?partNumber=1&uploads&x=%2B+&uploadId=', {
        headers: { 'X-Oss-Meta-Case': 'Kept', 'Content-Type': 'text/plain' },
        body: 'x',
      });
      await send(h.port, 'GET', '/k.txt?list-type=2', { headers: { host: `photos.localhost:${h.port}` } });
      const [put, virtual] = seen;
      expect(put).toMatchObject({
        method: 'PUT',
        rawPath: '/photos/a%20b/..%2Fc',
        rawQuery: 'partNumber=1&uploads&x=%2B+&uploadId=',
        query: [{ name: 'partNumber', value: '1' }, { name: 'uploads' }, { name: 'x', value: '++' }, { name: 'uploadId', value: '' }],
        style: 'path',
        bucket: 'photos',
        key: 'a b/../c',
        host: `127.0.0.1:${h.port}`,
        receivedAt: Date.UTC(2024, 0, 2, 3, 4, 5),
      });
      expect(put?.headers['x-oss-meta-case']).toBe('Kept');
      expect(put?.rawHeaders).toContainEqual(['X-Oss-Meta-Case', 'Kept']);
      expect(virtual).toMatchObject({ style: 'virtual-hosted', bucket: 'photos', key: 'k.txt', rawPath: '/k.txt' });
    } finally {
      await h.close();
    }
  });

  it('answers a denial with its OSS error, runs nothing and reads no body', async () => {
    const denied: AuthResult = {
      kind: 'denied',
      error: { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match.', details: { OSSAccessKeyId: 'LTAI5tLocalTestKeyId' }, ec: '0002-00000040' },
    };
    const h = await startHarness({ authenticate: () => denied });
    try {
      const res = await send(h.port, 'PUT', '/photos/k', { body: 'x' });
      expect(res.status).toBe(403);
      expect(errorCode(res.text)).toBe('SignatureDoesNotMatch');
      expect(res.text).toContain('<OSSAccessKeyId>LTAI5tLocalTestKeyId</OSSAccessKeyId>');
      expect(res.text).toContain('<EC>0002-00000040</EC>');
      expect(res.headers['x-oss-ec']).toBe('0002-00000040');
      // A client waiting for 100-continue gets the denial instead, never an invitation to send 1 GB.
      const reply = await sendRaw(h.port, 'PUT /photos/big HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n');
      expect(reply).toMatch(/^HTTP\/1.1 403/);
      expect(reply).not.toContain('100 Continue');
    } finally {
      await h.close();
    }
  });
});

describe('faults on demand', () => {
  it('fail-rate answers the chosen requests with 500 or 503 OSS errors', async () => {
    // Per request: a draw against failRate, then (if failing) one for 500 versus 503.
    const draws = [0.1, 0.2, 0.1, 0.8, 0.9, 0.1, 0.2];
    const h = await startHarness({ faults: { failRate: 0.5 }, random: () => draws.shift() ?? 0.99 });
    try {
      const first = await send(h.port, 'GET', '/photos/x');
      expect(first.status).toBe(500);
      expect(errorCode(first.text)).toBe('InternalError');
      const second = await send(h.port, 'GET', '/photos/x');
      expect(second.status).toBe(503);
      expect(errorCode(second.text)).toBe('ServiceUnavailable');
      expect((await send(h.port, 'GET', '/photos/x')).status).toBe(404);
      // A failed upload answers without reading the body and stores nothing.
      expect((await send(h.port, 'PUT', '/photos/x', { body: Buffer.alloc(64 * 1024) })).status).toBe(500);
      expect((await send(h.port, 'HEAD', '/photos/x')).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('latency delays every request', async () => {
    const h = await startHarness({ faults: { latencyMs: 150 } });
    try {
      const started = performance.now();
      await send(h.port, 'GET', '/photos/x');
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await h.close();
    }
  });

  it('clock-offset shifts Date, Last-Modified and what the verifier is told', async () => {
    let receivedAt = 0;
    const h = await startHarness({
      faults: { clockOffsetSeconds: -3600 },
      authenticate: (request) => {
        receivedAt = request.receivedAt;
        return { kind: 'allowed', accessKeyId: 'x' };
      },
    });
    try {
      const put = await send(h.port, 'PUT', '/photos/t', { body: 'x' });
      const date = Date.parse(String(put.headers['date']));
      expect(Math.abs(date - (Date.now() - 3_600_000))).toBeLessThan(5000);
      expect(Math.abs(receivedAt - (Date.now() - 3_600_000))).toBeLessThan(5000);
      const head = await send(h.port, 'HEAD', '/photos/t');
      expect(Math.abs(Date.parse(String(head.headers['last-modified'])) - date)).toBeLessThan(5000);
    } finally {
      await h.close();
    }
  });
});

describe('CORS', () => {
  it('answers allowed preflights without authentication and decorates actual responses', async () => {
    let calls = 0;
    const h = await startHarness({
      cors: [{ allowedOrigins: ['http://127.0.0.1:*'], allowedMethods: ['PUT', 'GET'], maxAgeSeconds: 600 }],
      authenticate: () => {
        calls++;
        return { kind: 'allowed', accessKeyId: 'x' };
      },
    });
    try {
      const origin = 'http://127.0.0.1:5173';
      const preflight = await send(h.port, 'OPTIONS', '/photos/upload.bin', {
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-oss-meta-a' },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers).toMatchObject({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'PUT, GET',
        'access-control-allow-headers': 'content-type, x-oss-meta-a',
        'access-control-max-age': '600',
      });
      expect(calls).toBe(0);
      const put = await send(h.port, 'PUT', '/photos/upload.bin', { headers: { origin }, body: 'x' });
      expect(put.headers['access-control-allow-origin']).toBe(origin);
      expect(put.headers['access-control-expose-headers']).toContain('ETag');
      const refused = await send(h.port, 'OPTIONS', '/photos/upload.bin', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
      });
      expect(refused.status).toBe(403);
      expect(errorCode(refused.text)).toBe('AccessForbidden');
    } finally {
      await h.close();
    }
  });

  it('refuses every preflight when no rule is configured', async () => {
    const h = await startHarness();
    try {
      const res = await send(h.port, 'OPTIONS', '/photos/k', { headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'GET' } });
      expect(res.status).toBe(403);
      expect((await send(h.port, 'GET', '/photos/k', { headers: { origin: 'http://127.0.0.1:1' } })).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

describe('listening', () => {
  it('refuses a non-loopback host unless explicitly allowed', async () => {
    await expect(startHarness({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('serves a data directory from one server at a time, taking over stale locks', async () => {
    const h = await startHarness();
    try {
      const options = { dataDir: h.dataDir, accessKeys: new Map<string, string>(), authenticate: allowAllRequests };
      await expect(startLocalBucket(options)).rejects.toMatchObject({ code: 'local-bucket-failed' });
      await h.handle.close();
      // A lock left by a process that no longer exists (pid beyond any real one) is taken over.
      await writeFile(path.join(h.dataDir, 'server.lock'), '2147483646\n');
      const next = await startLocalBucket(options);
      expect(next.buckets).toEqual(['photos']);
      await next.close();
    } finally {
      await h.close();
    }
  });
});

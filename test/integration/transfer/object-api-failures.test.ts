/**
 * How the HTTP ObjectApi fails: integrity mismatches (a fake store that answers with wrong checksums), the
 * local bucket's fault options, expired URLs, stalls, aborts, and files that vanish or shrink.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { truncate, unlink } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpObjectApi, type UnverifiedUpload } from '../../../electron/core/transfer/http/index.js';
import { isExpiredAnswer } from '../../../electron/core/transfer/oss-error-info.js';
import type { AttemptResult, ObjectApi, SignFn } from '../../../electron/core/transfer/object-api.js';
import { DropsignError } from '../../../electron/shared/errors.js';
import { attempt, pattern, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let oss: ObjectApi;
beforeAll(async () => {
  fx = await startFixture();
  oss = createHttpObjectApi({ provider: 'oss' });
});
afterAll(async () => {
  oss.close();
  await fx.close();
});

function failureOf<T>(result: AttemptResult<T>): unknown {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.failure;
}

/** A fake store on loopback: reads each request fully, then lets `answer` reply (or not). */
async function fakeStore(answer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A SignFn for a fake store: an unsigned URL for the key (the fake checks nothing). */
function fakeSigner(base: string): SignFn {
  return (request) => ({
    url: `${base}/photos/${encodeURIComponent(request.key)}?x-oss-signature=secret-signature`,
    method: request.method,
    signedHeaders: request.headers ?? {},
    expiresAt: '',
    signedAt: '',
  });
}

describe('integrity', () => {
  let fake: { url: string; server: Server };
  let reply: (res: ServerResponse, body: Buffer) => void = (res) => res.end();
  beforeAll(async () => {
    fake = await fakeStore((_req, res, body) => reply(res, body));
  });
  afterAll(() => fake.server.close());

  it('OSS: a wrong x-oss-hash-crc64ecma is an integrity failure (retryable), with both values', async () => {
    reply = (res) => {
      res.writeHead(200, { etag: '"00"', 'x-oss-hash-crc64ecma': '1' });
      res.end();
    };
    const file = await fx.file('integrity.bin', pattern(5000));
    const failure = failureOf(await oss.putObject(fakeSigner(fake.url), 'i.bin', { path: file, start: 0, end: 5000 }, {}, attempt()));
    expect(failure).toMatchObject({ kind: 'integrity', actual: '1', algorithm: 'crc64' });
  });

  it('S3: an ETag that is not the MD5 of the bytes sent is an integrity failure; a KMS ETag is not compared', async () => {
    const s3Api = createHttpObjectApi({ provider: 's3' });
    const notes: UnverifiedUpload[] = [];
    const kmsApi = createHttpObjectApi({ provider: 's3', onUnverified: (n) => notes.push(n) });
    try {
      const file = await fx.file('integrity-s3.bin', pattern(5000));
      reply = (res) => {
        res.writeHead(200, { etag: '"0123456789abcdef0123456789abcdef"' });
        res.end();
      };
      expect(failureOf(await s3Api.putObject(fakeSigner(fake.url), 'i.bin', { path: file, start: 0, end: 5000 }, {}, attempt()))).toMatchObject({
        kind: 'integrity',
        actual: '0123456789abcdef0123456789abcdef',
        algorithm: 'md5',
      });
      reply = (res) => {
        res.writeHead(200, { etag: '"0123456789abcdef0123456789abcdef"', 'x-amz-server-side-encryption': 'aws:kms' });
        res.end();
      };
      const kms = await kmsApi.putObject(fakeSigner(fake.url), 'k.bin', { path: file, start: 0, end: 5000 }, {}, attempt());
      expect(kms.ok).toBe(true);
      expect(notes).toEqual([{ operation: 'putObject', key: 'k.bin', reason: 'etag-not-md5' }]);
    } finally {
      s3Api.close();
      kmsApi.close();
    }
  });

  it('OSS without a CRC header: accepted, and noted as unverified', async () => {
    const notes: UnverifiedUpload[] = [];
    const api = createHttpObjectApi({ provider: 'oss', onUnverified: (n) => notes.push(n) });
    try {
      reply = (res) => {
        res.writeHead(200, { etag: '"ABC"' });
        res.end();
      };
      const file = await fx.file('nocrc.bin', 'abc');
      const result = await api.uploadPart(fakeSigner(fake.url), 'n.bin', 'up1', 3, { path: file, start: 0, end: 3 }, attempt());
      expect(result).toMatchObject({ ok: true, value: { etag: 'ABC', size: 3 } });
      expect(notes).toEqual([{ operation: 'uploadPart', key: 'n.bin', partNumber: 3, reason: 'no-crc-header' }]);
    } finally {
      api.close();
    }
  });

  it('a stalled answer is a timeout, and no error message holds the URL', async () => {
    const api = createHttpObjectApi({ provider: 'oss', timeouts: { stallMs: 300 } });
    try {
      reply = () => undefined; // never answers
      const file = await fx.file('stall.bin', 'stall');
      const started = Date.now();
      const failure = failureOf(await api.putObject(fakeSigner(fake.url), 's.bin', { path: file, start: 0, end: 5 }, {}, attempt()));
      expect(failure).toEqual({ kind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(JSON.stringify(failure)).not.toContain('secret-signature');
    } finally {
      api.close();
    }
  });
});

describe('faults of the local bucket', () => {
  let faulty: Fixture | undefined;
  afterEach(async () => {
    await faulty?.close();
    faulty = undefined;
  });

  it('fail-rate 1.0 → an http failure with a 5xx status and the request id', async () => {
    faulty = await startFixture({ faults: { failRate: 1 } });
    const file = await faulty.file('f.bin', pattern(10_000));
    const failure = failureOf(await oss.putObject(faulty.signer(), 'f.bin', { path: file, start: 0, end: 10_000 }, {}, attempt()));
    expect(failure).toMatchObject({ kind: 'http', ossCode: expect.stringMatching(/^(InternalError|ServiceUnavailable)$/) });
    expect((failure as { status: number }).status).toBeGreaterThanOrEqual(500);
    expect((failure as { requestId?: string }).requestId).toBeTruthy();
  });

  it('reset-rate 1.0 → a network failure with a connection code', async () => {
    faulty = await startFixture({ faults: { resetRate: 1 } });
    const file = await faulty.file('r.bin', pattern(2 * 1024 * 1024));
    const failure = failureOf(await oss.putObject(faulty.signer(), 'r.bin', { path: file, start: 0, end: 2 * 1024 * 1024 }, {}, attempt()));
    expect(failure).toMatchObject({ kind: 'network', code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/) });
  });
});

describe('expired URLs, aborts and files', () => {
  it('a URL signed by a clock 2 h behind → an http failure isExpiredAnswer recognises', async () => {
    const file = await fx.file('late.txt', 'late');
    const sign = fx.signer('oss-v4', { now: () => Date.now() - 2 * 60 * 60 * 1000 });
    const failure = failureOf(await oss.putObject(sign, 'late.txt', { path: file, start: 0, end: 4 }, {}, attempt()));
    expect(failure).toMatchObject({ kind: 'http', status: 403 });
    expect(isExpiredAnswer(failure as Parameters<typeof isExpiredAnswer>[0])).toBe(true);
    expect((failure as { serverDate?: string }).serverDate).toBeTruthy();
  });

  it('abort mid-upload rejects at once with the abort reason and leaves no object', async () => {
    const size = 64 * 1024 * 1024;
    const file = await fx.file('abort.bin', '');
    await truncate(file, size);
    const controller = new AbortController();
    const started = Date.now();
    const upload = oss.putObject(fx.signer(), 'abort.bin', { path: file, start: 0, end: size }, {}, {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent >= 1024 * 1024) controller.abort();
      },
    });
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    // The server drops the cut upload; give it a moment to notice the closed connection.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await oss.headObject(fx.signer(), 'abort.bin', attempt())).toEqual({ ok: true, value: { exists: false } });
  });

  it('an already aborted signal rejects before anything is signed', async () => {
    let signed = 0;
    const controller = new AbortController();
    controller.abort();
    const sign: SignFn = (request) => {
      signed++;
      return fx.signer()(request);
    };
    await expect(oss.headObject(sign, 'x', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(signed).toBe(0);
  });

  it('an error thrown by sign propagates as it is', async () => {
    const file = await fx.file('sign-throws.txt', 'abc');
    const refusal = new DropsignError('missing-credentials', 'No credentials.', 'Add them.');
    const sign: SignFn = () => {
      throw refusal;
    };
    await expect(oss.putObject(sign, 'k', { path: file, start: 0, end: 3 }, {}, attempt())).rejects.toBe(refusal);
    await expect(oss.listParts(sign, 'k', 'u', attempt())).rejects.toBe(refusal);
  });

  it('a vanished file throws file-vanished; a file shorter than the range throws file-changed', async () => {
    const file = await fx.file('gone.txt', 'gone');
    await unlink(file);
    await expect(oss.putObject(fx.signer(), 'gone.txt', { path: file, start: 0, end: 4 }, {}, attempt())).rejects.toMatchObject({ code: 'file-vanished' });
    const short = await fx.file('short.txt', 'short');
    const error: unknown = await oss.putObject(fx.signer(), 'short.txt', { path: short, start: 0, end: 50 }, {}, attempt()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DropsignError);
    expect(error).toMatchObject({ code: 'file-changed', details: { expectedBytes: 50, readableBytes: 5 } });
  });

  it('a file that shrinks during the upload throws file-changed and stores nothing', async () => {
    const size = 32 * 1024 * 1024;
    const file = await fx.file('shrinks.bin', '');
    await truncate(file, size);
    let cut = false;
    const upload = oss.putObject(fx.signer(), 'shrinks.bin', { path: file, start: 0, end: size }, {}, {
      signal: new AbortController().signal,
      onProgress: () => {
        if (!cut) {
          cut = true;
          void truncate(file, 1024 * 1024);
        }
      },
    });
    await expect(upload).rejects.toMatchObject({ code: 'file-changed', details: { expectedBytes: size } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await oss.headObject(fx.signer(), 'shrinks.bin', attempt())).toEqual({ ok: true, value: { exists: false } });
  });
});

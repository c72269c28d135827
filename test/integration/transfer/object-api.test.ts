/**
 * The HTTP ObjectApi against a real local bucket that verifies every signature as OSS does: single PUTs in
 * every signing scheme, headers signed and sent, HEAD, and the whole multipart cycle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, crc64Combine, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { createHttpObjectApi } from '../../../electron/core/transfer/http/index.js';
import type { AttemptResult, ObjectApi } from '../../../electron/core/transfer/object-api.js';
import { attempt, pattern, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let oss: ObjectApi;
let s3: ObjectApi;
beforeAll(async () => {
  fx = await startFixture();
  oss = createHttpObjectApi({ provider: 'oss' });
  s3 = createHttpObjectApi({ provider: 's3' });
});
afterAll(async () => {
  oss.close();
  s3.close();
  await fx.close();
});

function value<T>(result: AttemptResult<T>): T {
  if (!result.ok) throw new Error(`attempt failed: ${JSON.stringify(result.failure)}`);
  return result.value;
}

describe('putObject', () => {
  for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
    it(`${scheme}: streams a file range and the object reads back byte for byte`, async () => {
      const data = pattern(700 * 1024 + 13, scheme.length);
      const file = await fx.file(`put-${scheme}.bin`, data);
      const api = scheme === 's3-v4' ? s3 : oss;
      const progress: number[] = [];
      const piece = value(
        await api.putObject(fx.signer(scheme), `put/${scheme}.bin`, { path: file, start: 0, end: data.length }, {}, attempt((n) => progress.push(n))),
      );
      expect(piece.size).toBe(data.length);
      expect(piece.crc64).toBe(formatCrc64(crc64(data)));
      expect(piece.etag).toMatch(/^[0-9A-F]{32}$/);
      expect(progress.at(-1)).toBe(data.length);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      const back = await fx.get(`put/${scheme}.bin`, scheme);
      expect(back.status).toBe(200);
      expect(back.body.equals(data)).toBe(true);
    });
  }

  it('uploads only the given range of a file', async () => {
    const data = pattern(300_000, 7);
    const file = await fx.file('range.bin', data);
    const piece = value(await oss.putObject(fx.signer(), 'range.bin', { path: file, start: 1000, end: 201_000 }, {}, attempt()));
    expect(piece.size).toBe(200_000);
    expect((await fx.get('range.bin')).body.equals(data.subarray(1000, 201_000))).toBe(true);
  });

  it('uploads a 0-byte file (CRC 0)', async () => {
    const file = await fx.file('empty.bin', '');
    for (const api of [oss, s3]) {
      const piece = value(await api.putObject(fx.signer(api === s3 ? 's3-v4' : 'oss-v4'), 'empty.bin', { path: file, start: 0, end: 0 }, {}, attempt()));
      expect(piece).toMatchObject({ size: 0, crc64: '0' });
    }
    const back = await fx.get('empty.bin');
    expect(back.status).toBe(200);
    expect(back.body.length).toBe(0);
  });

  it('keeps a key with unicode, + % # ? & and spaces exact', async () => {
    const key = 'dir/ünï cødé + 100% #1 ?q=a&b 文件.txt';
    const file = await fx.file('unicode.txt', 'unicode body');
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      value(await (scheme === 's3-v4' ? s3 : oss).putObject(fx.signer(scheme), key, { path: file, start: 0, end: 12 }, {}, attempt()));
      expect((await fx.get(key, scheme)).body.toString()).toBe('unicode body');
    }
    expect(value(await oss.headObject(fx.signer(), key, attempt()))).toMatchObject({ exists: true, size: 12 });
  });

  it('signs and sends Content-Type and x-oss-* headers (the verifier refuses anything unsigned)', async () => {
    const file = await fx.file('typed.png', pattern(1000));
    const headers = { 'Content-Type': 'image/png', 'x-oss-meta-owner': 'ana' };
    value(await oss.putObject(fx.signer('oss-v4'), 'typed.png', { path: file, start: 0, end: 1000 }, headers, attempt()));
    value(await oss.putObject(fx.signer('oss-v1'), 'typed-v1.png', { path: file, start: 0, end: 1000 }, headers, attempt()));
    value(await s3.putObject(fx.signer('s3-v4'), 'typed-s3.png', { path: file, start: 0, end: 1000 }, { 'content-type': 'image/png' }, attempt()));
    for (const key of ['typed.png', 'typed-v1.png', 'typed-s3.png']) expect((await fx.get(key)).contentType).toBe('image/png');
  });

  it('x-oss-forbid-overwrite: the second upload is a typed 409 FileAlreadyExists', async () => {
    const file = await fx.file('once.txt', 'once');
    const headers = { 'x-oss-forbid-overwrite': 'true' };
    value(await oss.putObject(fx.signer(), 'once.txt', { path: file, start: 0, end: 4 }, headers, attempt()));
    const second = await oss.putObject(fx.signer(), 'once.txt', { path: file, start: 0, end: 4 }, headers, attempt());
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.failure).toMatchObject({ kind: 'http', status: 409, ossCode: 'FileAlreadyExists' });
    expect(second.ok || second.failure.kind !== 'http' || second.failure.requestId).toBeTruthy();
  });
});

describe('headObject', () => {
  it('reports size and ETag of an object, and exists: false for a missing key', async () => {
    const file = await fx.file('head.txt', 'head me');
    const piece = value(await oss.putObject(fx.signer(), 'head.txt', { path: file, start: 0, end: 7 }, {}, attempt()));
    expect(value(await oss.headObject(fx.signer(), 'head.txt', attempt()))).toEqual({ exists: true, size: 7, etag: piece.etag });
    expect(value(await s3.headObject(fx.signer('s3-v4'), 'no/such/key.txt', attempt()))).toEqual({ exists: false });
  });
});

describe('multipart', () => {
  const PART = 128 * 1024;
  const SIZES = [PART, PART, 50_000];

  async function uploadThreeParts(api: ObjectApi, scheme: 'oss-v4' | 's3-v4', key: string): Promise<{ uploadId: string; data: Buffer; pieces: { partNumber: number; etag: string; crc64: string; size: number }[] }> {
    const data = pattern(SIZES.reduce((a, b) => a + b, 0), 42);
    const file = await fx.file(`${key.replace(/\W/g, '_')}.bin`, data);
    const sign = fx.signer(scheme);
    const { uploadId } = value(await api.initiateMultipart(sign, key, { 'content-type': 'application/octet-stream' }, attempt()));
    const starts = [0, PART, 2 * PART];
    // In parallel, last part first, as a scheduler may finish them.
    const pieces = await Promise.all(
      [3, 2, 1].map(async (partNumber) => {
        const start = starts[partNumber - 1] ?? 0;
        const range = { path: file, start, end: start + (SIZES[partNumber - 1] ?? 0) };
        return { partNumber, ...value(await api.uploadPart(sign, key, uploadId, partNumber, range, attempt())) };
      }),
    );
    return { uploadId, data, pieces };
  }

  for (const [scheme, name] of [['oss-v4', 'oss'], ['s3-v4', 's3']] as const) {
    it(`${name}: three parts in parallel, CRCs combined and checked by complete, object reads back`, async () => {
      const api = name === 'oss' ? oss : s3;
      const key = `multi/${name}/three parts.bin`;
      const { uploadId, data, pieces } = await uploadThreeParts(api, scheme, key);
      const ordered = [...pieces].sort((a, b) => a.partNumber - b.partNumber);
      for (const p of ordered) {
        const start = (p.partNumber - 1) * PART;
        expect(p.crc64).toBe(formatCrc64(crc64(data.subarray(start, start + p.size))));
      }
      const combined = ordered.slice(1).reduce((acc, p) => crc64Combine(acc, BigInt(p.crc64), p.size), BigInt(ordered[0]?.crc64 ?? '0'));
      expect(formatCrc64(combined)).toBe(formatCrc64(crc64(data)));

      const listed = value(await api.listParts(fx.signer(scheme), key, uploadId, attempt()));
      expect(listed.map((p) => [p.partNumber, p.etag, p.size])).toEqual(ordered.map((p) => [p.partNumber, p.etag, p.size]));

      const done = value(await api.completeMultipart(fx.signer(scheme), key, uploadId, pieces, formatCrc64(combined), {}, attempt()));
      expect(done.etag).toMatch(/-3$/);
      expect(done.crc64).toBe(formatCrc64(combined));
      expect((await fx.get(key, scheme)).body.equals(data)).toBe(true);
    });
  }

  it('complete with a wrong expected CRC → integrity failure', async () => {
    const key = 'multi/wrong-crc.bin';
    const { uploadId, pieces } = await uploadThreeParts(oss, 'oss-v4', key);
    const result = await oss.completeMultipart(fx.signer(), key, uploadId, pieces, '12345', {}, attempt());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ kind: 'integrity', expected: '12345', algorithm: 'crc64' });
  });

  it('listParts pages through part-number-marker, re-signing each page', async () => {
    const key = 'multi/paged.bin';
    const { uploadId } = await uploadThreeParts(oss, 'oss-v4', key);
    const pages: string[] = [];
    const base = fx.signer();
    const paged = createHttpObjectApi({ provider: 'oss', listPartsPageSize: 2 });
    try {
      const listed = value(
        await paged.listParts(
          (request) => {
            pages.push(request.query?.map((q) => `${q.name}=${q.value ?? ''}`).join('&') ?? '');
            return base(request);
          },
          key,
          uploadId,
          attempt(),
        ),
      );
      expect(listed.map((p) => p.partNumber)).toEqual([1, 2, 3]);
      expect(pages).toEqual([`uploadId=${uploadId}&max-parts=2`, `uploadId=${uploadId}&max-parts=2&part-number-marker=2`]);
    } finally {
      paged.close();
    }
  });

  it('abort removes the upload: listParts then says NoSuchUpload, and a second abort counts as done', async () => {
    const key = 'multi/aborted.bin';
    const { uploadId } = await uploadThreeParts(oss, 'oss-v4', key);
    value(await oss.abortMultipart(fx.signer(), key, uploadId, attempt()));
    const listed = await oss.listParts(fx.signer(), key, uploadId, attempt());
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.failure).toMatchObject({ kind: 'http', status: 404, ossCode: 'NoSuchUpload' });
    expect((await oss.abortMultipart(fx.signer(), key, uploadId, attempt())).ok).toBe(true);
    expect(value(await oss.headObject(fx.signer(), key, attempt()))).toEqual({ exists: false });
  });
});

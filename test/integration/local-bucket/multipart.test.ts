/**
 * Multipart uploads end to end: raw HTTP, ali-oss `multipartUpload`, and the AWS SDK; CRC-64 of the
 * completed object checked against our own CRC-64 of the whole file; every OSS error of Complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { aliOssClient, s3Client } from './clients.js';
import { errorCode, listFiles, send, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const KIB = 1024;

async function initiate(key: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await send(h.port, 'POST', `/photos/${key}?uploads`, { headers });
  expect(res.status).toBe(200);
  const id = /<UploadId>([0-9A-F]{32})<\/UploadId>/.exec(res.text)?.[1];
  expect(id).toBeDefined();
  return id ?? '';
}

async function uploadPart(key: string, id: string, n: number, body: Buffer): Promise<string> {
  const res = await send(h.port, 'PUT', `/photos/${key}?partNumber=${n}&uploadId=${id}`, { body });
  expect(res.status).toBe(200);
  expect(res.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(body)));
  return String(res.headers['etag']);
}

function completeXml(parts: readonly (readonly [number, string])[]): string {
  const items = parts.map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload>${items}</CompleteMultipartUpload>`;
}

async function complete(key: string, id: string, body: string, headers: Record<string, string> = {}) {
  return send(h.port, 'POST', `/photos/${key}?uploadId=${id}`, { body, headers: { 'content-type': 'application/xml', ...headers } });
}

describe('multipart over raw HTTP', () => {
  it('completes into the exact concatenation, with OSS ETag and whole-object CRC-64', async () => {
    const parts = [randomBytes(100 * KIB), randomBytes(150 * KIB), randomBytes(7)];
    const id = await initiate('mp/obj.bin', { 'content-type': 'application/x-parts', 'x-oss-meta-kind': 'multi' });
    // Upload out of order, and replace part 2 once: the last upload of a number wins.
    const e3 = await uploadPart('mp/obj.bin', id, 3, parts[2] as Buffer);
    await uploadPart('mp/obj.bin', id, 2, randomBytes(100 * KIB));
    const e2 = await uploadPart('mp/obj.bin', id, 2, parts[1] as Buffer);
    const e1 = await uploadPart('mp/obj.bin', id, 1, parts[0] as Buffer);

    const listed = await send(h.port, 'GET', `/photos/mp/obj.bin?uploadId=${id}`);
    expect(listed.status).toBe(200);
    expect([...listed.text.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(listed.text).toContain(`<ETag>${e2}</ETag>`);

    const done = await complete('mp/obj.bin', id, completeXml([[1, e1], [2, e2], [3, e3]]));
    expect(done.status).toBe(200);
    const whole = Buffer.concat(parts);
    const md5s = createHash('md5');
    for (const part of parts) md5s.update(createHash('md5').update(part).digest());
    const expectedEtag = `"${md5s.digest('hex').toUpperCase()}-3"`;
    expect(done.headers['etag']).toBe(expectedEtag);
    expect(done.text).toContain(`<ETag>${expectedEtag}</ETag>`);
    expect(done.text).toContain('<Key>mp/obj.bin</Key>');
    expect(done.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(whole)));

    const get = await send(h.port, 'GET', '/photos/mp/obj.bin');
    expect(get.body.equals(whole)).toBe(true);
    expect(get.headers).toMatchObject({
      'x-oss-hash-crc64ecma': formatCrc64(crc64(whole)),
      'x-oss-object-type': 'Multipart',
      'content-type': 'application/x-parts',
      'x-oss-meta-kind': 'multi',
    });
    // The upload is gone: completing again, or listing it, is NoSuchUpload.
    expect(errorCode((await complete('mp/obj.bin', id, completeXml([[1, e1]]))).text)).toBe('NoSuchUpload');
    expect((await listFiles(h.dataDir)).filter((f) => f.includes('uploads'))).toEqual([]);
  });

  it('completes every uploaded part with x-oss-complete-all: yes', async () => {
    const id = await initiate('mp/all');
    await uploadPart('mp/all', id, 1, Buffer.alloc(100 * KIB, 1));
    await uploadPart('mp/all', id, 2, Buffer.from('tail'));
    const done = await complete('mp/all', id, '', { 'x-oss-complete-all': 'yes' });
    expect(done.status).toBe(200);
    expect((await send(h.port, 'HEAD', '/photos/mp/all')).headers['content-length']).toBe(String(100 * KIB + 4));
  });

  it('answers every broken Complete with its OSS error and keeps the upload usable', async () => {
    const id = await initiate('mp/errors');
    const e1 = await uploadPart('mp/errors', id, 1, Buffer.alloc(50 * KIB, 1));
    const e2 = await uploadPart('mp/errors', id, 2, Buffer.alloc(10, 2));
    const cases: [string, string][] = [
      [completeXml([[2, e2], [1, e1]]), 'InvalidPartOrder'],
      [completeXml([[1, '"00000000000000000000000000000000"'], [2, e2]]), 'InvalidPart'],
      [completeXml([[1, e1], [3, e2]]), 'InvalidPart'],
      [completeXml([[1, e1], [2, e2]]), 'EntityTooSmall'],
      ['<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>', 'MalformedXML'],
      ['not xml at all', 'MalformedXML'],
      ['', 'MalformedXML'],
    ];
    for (const [body, code] of cases) {
      const res = await complete('mp/errors', id, body);
      expect({ code: errorCode(res.text), status: res.status }).toEqual({ code, status: 400 });
    }
    // A lone small part is fine: only parts before the last must reach 100 KB.
    expect((await complete('mp/errors', id, completeXml([[2, e2]]))).status).toBe(200);
  });

  it('refuses unknown, foreign and malformed upload ids with NoSuchUpload', async () => {
    const unknown = 'ABCDEF0123456789ABCDEF0123456789';
    expect(errorCode((await send(h.port, 'PUT', `/photos/k?partNumber=1&uploadId=${unknown}`, { body: 'x' })).text)).toBe('NoSuchUpload');
    expect(errorCode((await send(h.port, 'PUT', '/photos/k?partNumber=1&uploadId=..%2F..%2Fetc', { body: 'x' })).text)).toBe('NoSuchUpload');
    expect(errorCode((await complete('k', unknown, completeXml([[1, '"A"']]))).text)).toBe('NoSuchUpload');
    expect(errorCode((await send(h.port, 'DELETE', `/photos/k?uploadId=${unknown}`)).text)).toBe('NoSuchUpload');
    const id = await initiate('mine');
    expect(errorCode((await send(h.port, 'PUT', `/photos/other?partNumber=1&uploadId=${id}`, { body: 'x' })).text)).toBe('NoSuchUpload');
  });

  it('refuses part numbers outside 1..10000', async () => {
    const id = await initiate('mp/numbers');
    for (const n of ['0', '10001', 'x', '-1']) {
      const res = await send(h.port, 'PUT', `/photos/mp/numbers?partNumber=${n}&uploadId=${id}`, { body: 'x' });
      expect(errorCode(res.text)).toBe('InvalidArgument');
    }
    expect((await send(h.port, 'PUT', `/photos/mp/numbers?partNumber=10000&uploadId=${id}`, { body: 'x' })).status).toBe(200);
  });

  it('aborts: the parts go, the upload id stops working', async () => {
    const id = await initiate('mp/abort');
    await uploadPart('mp/abort', id, 1, Buffer.from('x'));
    expect((await send(h.port, 'DELETE', `/photos/mp/abort?uploadId=${id}`)).status).toBe(204);
    expect(errorCode((await send(h.port, 'GET', `/photos/mp/abort?uploadId=${id}`)).text)).toBe('NoSuchUpload');
    expect((await listFiles(h.dataDir)).some((f) => f.includes(id))).toBe(false);
  });

  it('honours x-oss-forbid-overwrite at Complete', async () => {
    await send(h.port, 'PUT', '/photos/mp/exists', { body: 'already here' });
    const id = await initiate('mp/exists');
    const e1 = await uploadPart('mp/exists', id, 1, Buffer.from('new'));
    const res = await complete('mp/exists', id, completeXml([[1, e1]]), { 'x-oss-forbid-overwrite': 'true' });
    expect(res.status).toBe(409);
    expect(errorCode(res.text)).toBe('FileAlreadyExists');
    expect((await send(h.port, 'GET', '/photos/mp/exists')).text).toBe('already here');
  });
});

describe('multipart through the SDKs', () => {
  it('ali-oss multipartUpload of a 350 KB file', async () => {
    const file = path.join(h.root, 'upload.bin');
    const data = randomBytes(350 * KIB + 123);
    await writeFile(file, data);
    const client = aliOssClient(h.endpoint);
    const result = await client.multipartUpload('sdk/ali.bin', file, { partSize: 100 * KIB, parallel: 2 });
    expect(result.res.status).toBe(200);
    expect(result.res.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(data)));
    const got = await client.get('sdk/ali.bin');
    expect(Buffer.compare(got.content, data)).toBe(0);
    expect(got.res.headers['etag']).toMatch(/^"[0-9A-F]{32}-4"$/);
  });

  it('AWS SDK CreateMultipartUpload / UploadPart / CompleteMultipartUpload', async () => {
    const s3 = s3Client(h.endpoint);
    try {
      const parts = [randomBytes(120 * KIB), randomBytes(33)];
      const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'photos', Key: 'sdk/aws.bin', Metadata: { origin: 'aws' } }));
      const uploaded = [];
      for (const [index, body] of parts.entries()) {
        const part = await s3.send(new UploadPartCommand({ Bucket: 'photos', Key: 'sdk/aws.bin', UploadId: created.UploadId, PartNumber: index + 1, Body: body }));
        uploaded.push({ ETag: part.ETag, PartNumber: index + 1 });
      }
      const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'photos', Key: 'sdk/aws.bin', UploadId: created.UploadId, MultipartUpload: { Parts: uploaded } }));
      expect(done.ETag).toMatch(/-2"$/);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'sdk/aws.bin' }));
      const bytes = Buffer.from(await got.Body?.transformToByteArray() ?? []);
      expect(bytes.equals(Buffer.concat(parts))).toBe(true);
      expect(got.Metadata).toEqual({ origin: 'aws' });
    } finally {
      s3.destroy();
    }
  });
});

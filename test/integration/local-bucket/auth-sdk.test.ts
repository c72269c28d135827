/**
 * The official SDKs work against the local bucket with signatures checked for real: ali-oss with OSS V1
 * and V4 Authorization headers and presigned URLs, and the AWS SDK v3 with SigV4 headers and presigned URLs.
 * Their wrong secrets and skewed clocks are refused with OSS's codes.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { verifySignature } from '../../../electron/core/local-bucket/index.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness, type Harness } from './harness.js';

/** The parts of ali-oss used here (the package ships no types). */
interface AliOss {
  put(name: string, body: Buffer, options?: { mime?: string; headers?: Record<string, string> }): Promise<{ res: { status: number; headers: Record<string, string> } }>;
  get(name: string): Promise<{ content: Buffer }>;
  list(query: Record<string, string | number>, options: object): Promise<{ objects: { name: string }[] | undefined }>;
  delete(name: string): Promise<{ res: { status: number } }>;
  multipartUpload(name: string, file: string, options: { partSize: number; parallel?: number }): Promise<{ res: { status: number; headers: Record<string, string> } }>;
  signatureUrl(name: string, options: { method: string; expires: number; 'Content-Type'?: string }): string;
  signatureUrlV4(method: string, expires: number, request: { headers?: Record<string, string> } | undefined, name: string): Promise<string>;
}
const AliOssClass = createRequire(import.meta.url)('ali-oss') as new (options: Record<string, unknown>) => AliOss;

function aliOss(endpoint: string, options: { v4?: boolean; secret?: string } = {}): AliOss {
  return new AliOssClass({
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: options.secret ?? ACCESS_KEY_SECRET,
    bucket: 'photos',
    endpoint,
    sldEnable: true,
    region: 'oss-cn-hangzhou',
    authorizationV4: options.v4 ?? false,
    timeout: 30_000,
  });
}

function s3(endpoint: string, secret = ACCESS_KEY_SECRET): S3Client {
  return new S3Client({
    region: 'cn-hangzhou',
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: secret },
  });
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ authenticate: verifySignature, region: 'cn-hangzhou' });
});
afterAll(async () => h.close());

describe('ali-oss against the verifying local bucket', () => {
  for (const v4 of [false, true]) {
    const scheme = v4 ? 'V4 Authorization header' : 'V1 Authorization header';
    it(`${scheme}: put, get, list, delete round-trip with metadata`, async () => {
      const client = aliOss(h.endpoint, { v4 });
      const key = `ali-${v4 ? 'v4' : 'v1'}/猫 1+1 %.bin`;
      const data = randomBytes(64 * 1024);
      const put = await client.put(key, data, { mime: 'application/x-cat', headers: { 'x-oss-meta-owner': 'ada' } });
      expect(put.res.status).toBe(200);
      expect(put.res.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(data)));
      expect((await client.get(key)).content.equals(data)).toBe(true);
      const listed = await client.list({ prefix: `ali-${v4 ? 'v4' : 'v1'}/` }, {});
      expect(listed.objects?.map((o) => o.name)).toEqual([key]);
      expect((await client.delete(key)).res.status).toBe(204);
    });

    it(`${scheme}: multipart upload with the CRC-64 of the whole object`, async () => {
      const file = path.join(h.root, `multi-${v4}.bin`);
      const data = randomBytes(350 * 1024);
      await writeFile(file, data);
      const result = await aliOss(h.endpoint, { v4 }).multipartUpload(`multi-${v4}.bin`, file, { partSize: 100 * 1024, parallel: 2 });
      expect(result.res.status).toBe(200);
      expect((await aliOss(h.endpoint, { v4 }).get(`multi-${v4}.bin`)).content.equals(data)).toBe(true);
    });

    it(`${scheme}: a wrong secret is refused with SignatureDoesNotMatch`, async () => {
      await expect(aliOss(h.endpoint, { v4, secret: 'wrong' }).put('nope.txt', Buffer.from('x'))).rejects.toMatchObject({
        status: 403,
        code: 'SignatureDoesNotMatch',
      });
    });
  }

  it('presigned V1 and V4 URLs from ali-oss upload with fetch and read back', async () => {
    // ali-oss makes URLs only for host names, not IP endpoints.
    const client = aliOss(`http://localhost:${h.port}`);
    const v1 = client.signatureUrl('presigned/v1.txt', { method: 'PUT', expires: 600, 'Content-Type': 'text/plain' });
    expect((await fetch(v1, { method: 'PUT', body: 'one', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    const v4 = await client.signatureUrlV4('PUT', 600, { headers: { 'content-type': 'text/plain' } }, 'presigned/v4.txt');
    expect((await fetch(v4, { method: 'PUT', body: 'four', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    expect((await client.get('presigned/v4.txt')).content.toString()).toBe('four');
    const get = client.signatureUrl('presigned/v1.txt', { method: 'GET', expires: 600 });
    expect(await (await fetch(get)).text()).toBe('one');
  });
});

describe('AWS SDK v3 against the verifying local bucket', () => {
  it('SigV4 headers: put, get, list, and a multipart upload', async () => {
    const client = s3(h.endpoint);
    try {
      const data = randomBytes(200 * 1024);
      await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin', Body: data, Metadata: { owner: 'grace' } }));
      const got = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin' }));
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(data)).toBe(true);
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'aws/' }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(['aws/a b+c.bin']);

      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'photos', Key: 'aws/multi.bin' }));
      const parts = [data.subarray(0, 100 * 1024), data.subarray(100 * 1024)];
      const etags = [];
      for (const [index, body] of parts.entries()) {
        const part = await client.send(new UploadPartCommand({ Bucket: 'photos', Key: 'aws/multi.bin', UploadId, PartNumber: index + 1, Body: body }));
        etags.push({ ETag: part.ETag, PartNumber: index + 1 });
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: 'photos', Key: 'aws/multi.bin', UploadId, MultipartUpload: { Parts: etags } }));
      const whole = await client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'aws/multi.bin' }));
      expect(Buffer.from((await whole.Body?.transformToByteArray()) ?? []).equals(data)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('a presigned PUT URL from getSignedUrl with a signed Content-Type', async () => {
    const client = s3(h.endpoint);
    try {
      const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: 'photos', Key: 'aws/presigned.txt', ContentType: 'text/plain' }), {
        expiresIn: 300,
        signableHeaders: new Set(['content-type']),
      });
      expect((await fetch(url, { method: 'PUT', body: 'signed', headers: { 'content-type': 'text/plain' } })).status).toBe(200);
      const wrongType = await fetch(url, { method: 'PUT', body: 'signed', headers: { 'content-type': 'image/png' } });
      expect(wrongType.status).toBe(403);
      expect(await wrongType.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    } finally {
      client.destroy();
    }
  });

  it('a wrong secret is refused with SignatureDoesNotMatch', async () => {
    const client = s3(h.endpoint, 'wrong');
    try {
      await expect(client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'aws/no.txt', Body: 'x' }))).rejects.toMatchObject({
        name: 'SignatureDoesNotMatch',
      });
    } finally {
      client.destroy();
    }
  });
});

describe('a server clock 20 minutes ahead', () => {
  it('refuses header-signed requests from both SDKs with RequestTimeTooSkewed', async () => {
    const skewed = await startHarness({ authenticate: verifySignature, faults: { clockOffsetSeconds: 20 * 60 } });
    const client = s3(skewed.endpoint);
    try {
      await expect(aliOss(skewed.endpoint, { v4: true }).put('skew.txt', Buffer.from('x'))).rejects.toMatchObject({
        status: 403,
        code: 'RequestTimeTooSkewed',
      });
      // The AWS SDK corrects its own clock from the server Date and retries, as Dropsign's engine will.
      await client.send(new PutObjectCommand({ Bucket: 'photos', Key: 'skew.txt', Body: 'x' }));
    } finally {
      client.destroy();
      await skewed.close();
    }
  });
});

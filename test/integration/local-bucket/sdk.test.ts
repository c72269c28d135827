/**
 * Single-request operations through the official SDKs, as the transfer engine's tests will use them:
 * ali-oss (OSS style, path-style via sldEnable) and the AWS SDK v3 (path-style, x-amz-* headers).
 */
import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { aliOssClient, s3Client } from './clients.js';
import { send, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('ali-oss', () => {
  it('puts, heads, gets and deletes, with metadata and the CRC-64 header', async () => {
    const client = aliOssClient(h.endpoint);
    const data = randomBytes(256 * 1024);
    const put = await client.put('ali/猫 1+1.bin', data, { headers: { 'x-oss-meta-owner': 'ada' }, mime: 'application/x-cat' });
    expect(put.res.status).toBe(200);
    expect(put.res.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(data)));
    const head = await client.head('ali/猫 1+1.bin');
    expect(head.meta).toEqual({ owner: 'ada' });
    expect(head.res.headers['content-type']).toBe('application/x-cat');
    const got = await client.get('ali/猫 1+1.bin');
    expect(Buffer.compare(got.content, data)).toBe(0);
    expect((await client.delete('ali/猫 1+1.bin')).res.status).toBe(204);
    await expect(client.get('ali/猫 1+1.bin')).rejects.toMatchObject({ code: 'NoSuchKey', status: 404 });
  });
});

describe('uploads in progress (ListMultipartUploads)', () => {
  it('lists them to ali-oss by key, with prefix, delimiter and pages, and forgets an aborted one', async () => {
    const client = aliOssClient(h.endpoint);
    const keys = ['mpu/b.bin', 'mpu/a.bin', 'mpu/a.bin', 'mpu/deep/x.bin', 'other/z.bin'];
    const ids: string[] = [];
    for (const key of keys) ids.push((await client.initMultipartUpload(key)).uploadId);
    const all = await client.listUploads({ prefix: 'mpu/' });
    expect(all.uploads.map((u) => u.name)).toEqual(['mpu/a.bin', 'mpu/a.bin', 'mpu/b.bin', 'mpu/deep/x.bin']);
    expect(all.uploads.map((u) => u.uploadId).sort()).toEqual([ids[0], ids[1], ids[2], ids[3]].sort());

    const folded = await client.listUploads({ prefix: 'mpu/', delimiter: '/' });
    expect(folded.uploads.map((u) => u.name)).toEqual(['mpu/a.bin', 'mpu/a.bin', 'mpu/b.bin']);

    const seen: string[] = [];
    let page = await client.listUploads({ prefix: 'mpu/', 'max-uploads': 1 });
    for (;;) {
      seen.push(...page.uploads.map((u) => u.uploadId));
      if (!page.isTruncated) break;
      page = await client.listUploads({ prefix: 'mpu/', 'max-uploads': 1, 'key-marker': page.nextKeyMarker, 'upload-id-marker': page.nextUploadIdMarker });
    }
    expect(seen).toEqual(all.uploads.map((u) => u.uploadId));

    await client.abortMultipartUpload('mpu/b.bin', ids[0] ?? '');
    const after = await client.listUploads({ prefix: 'mpu/b' });
    expect(after.uploads).toEqual([]);
    for (const [i, key] of keys.entries()) if (i > 0) await client.abortMultipartUpload(key, ids[i] ?? '');
  });

  it('lists them to the AWS SDK, with the raw request refused for a bad max-uploads', async () => {
    const s3 = s3Client(h.endpoint);
    try {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'photos', Key: 'aws-mpu/日本 1+1.bin' }));
      const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'photos', Prefix: 'aws-mpu/' }));
      expect(listed.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([['aws-mpu/日本 1+1.bin', UploadId]]);
      expect(listed.Uploads?.[0]?.Initiated).toBeInstanceOf(Date);
      expect(listed.IsTruncated).toBe(false);
      await s3.send(new AbortMultipartUploadCommand({ Bucket: 'photos', Key: 'aws-mpu/日本 1+1.bin', UploadId }));
      expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'photos', Prefix: 'aws-mpu/' }))).Uploads ?? []).toEqual([]);
    } finally {
      s3.destroy();
    }
    for (const bad of ['0', '1001', 'x']) {
      const res = await send(h.port, 'GET', `/photos?uploads&max-uploads=${bad}`);
      expect(res.status).toBe(400);
    }
  });
});

describe('AWS SDK v3', () => {
  it('puts, gets ranges, heads and deletes, with x-amz-meta-* metadata', async () => {
    const s3 = s3Client(h.endpoint);
    try {
      const data = randomBytes(2 * 1024 * 1024 + 5);
      await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin', Body: data, ContentType: 'application/x-aws', Metadata: { owner: 'grace' } }));
      const whole = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin' }));
      expect(Buffer.from(await whole.Body?.transformToByteArray() ?? []).equals(data)).toBe(true);
      expect(whole.Metadata).toEqual({ owner: 'grace' });
      expect(whole.ContentType).toBe('application/x-aws');
      const ranged = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin', Range: 'bytes=-5' }));
      expect(Buffer.from(await ranged.Body?.transformToByteArray() ?? []).equals(data.subarray(-5))).toBe(true);
      expect(ranged.ContentRange).toBe(`bytes ${data.length - 5}-${data.length - 1}/${data.length}`);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin' }));
      expect(head.ContentLength).toBe(data.length);
      // The same object is visible to OSS clients with OSS metadata headers.
      expect((await send(h.port, 'HEAD', '/photos/aws/a%20b%2Bc.bin')).headers['x-oss-meta-owner']).toBe('grace');
      await s3.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin' }));
      const missing = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'aws/a b+c.bin' })).catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(S3ServiceException);
      expect((missing as S3ServiceException).name).toBe('NoSuchKey');
    } finally {
      s3.destroy();
    }
  });
});

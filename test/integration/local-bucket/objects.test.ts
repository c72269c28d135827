/**
 * PutObject, GetObject (with Range and conditional headers), HeadObject and DeleteObject over real
 * loopback HTTP, and the error answers of malformed requests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { errorCode, send, sendRaw, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const md5Hex = (data: Buffer): string => createHash('md5').update(data).digest('hex').toUpperCase();
const md5Base64 = (data: Buffer): string => createHash('md5').update(data).digest('base64');

describe('PutObject and GetObject', () => {
  it('round-trips a multi-MiB body byte for byte, with OSS headers', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 17);
    const put = await send(h.port, 'PUT', '/photos/big/file.bin', {
      headers: { 'content-type': 'application/x-test', 'x-oss-meta-Author': 'Ada', 'cache-control': 'no-cache' },
      body,
    });
    expect(put.status).toBe(200);
    expect(put.headers['etag']).toBe(`"${md5Hex(body)}"`);
    expect(put.headers['x-oss-hash-crc64ecma']).toBe(formatCrc64(crc64(body)));
    expect(put.headers['content-md5']).toBe(md5Base64(body));
    expect(put.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);

    const get = await send(h.port, 'GET', '/photos/big/file.bin');
    expect(get.status).toBe(200);
    expect(get.body.equals(body)).toBe(true);
    expect(get.headers).toMatchObject({
      'content-type': 'application/x-test',
      'content-length': String(body.length),
      etag: `"${md5Hex(body)}"`,
      'x-oss-hash-crc64ecma': formatCrc64(crc64(body)),
      'x-oss-meta-author': 'Ada',
      'cache-control': 'no-cache',
      'x-oss-object-type': 'Normal',
      'accept-ranges': 'bytes',
    });
    expect(Date.parse(get.headers['last-modified'] ?? '')).not.toBeNaN();
  });

  it('stores and serves a 0-byte object', async () => {
    const put = await send(h.port, 'PUT', '/photos/empty', { body: Buffer.alloc(0) });
    expect(put.status).toBe(200);
    expect(put.headers['x-oss-hash-crc64ecma']).toBe('0');
    expect(put.headers['etag']).toBe('"D41D8CD98F00B204E9800998ECF8427E"');
    const get = await send(h.port, 'GET', '/photos/empty');
    expect(get.status).toBe(200);
    expect(get.body.length).toBe(0);
    expect(get.headers['content-length']).toBe('0');
    const ranged = await send(h.port, 'GET', '/photos/empty', { headers: { range: 'bytes=0-' } });
    expect(ranged.status).toBe(416);
  });

  it('defaults Content-Type from the key, as OSS does', async () => {
    await send(h.port, 'PUT', '/photos/notes.txt', { body: 'hi' });
    await send(h.port, 'PUT', '/photos/noext', { body: 'hi' });
    expect((await send(h.port, 'HEAD', '/photos/notes.txt')).headers['content-type']).toBe('text/plain');
    expect((await send(h.port, 'HEAD', '/photos/noext')).headers['content-type']).toBe('application/octet-stream');
  });

  it('serves the same object virtual-hosted (bucket in the Host header)', async () => {
    const put = await send(h.port, 'PUT', '/vh/key.txt', { headers: { host: `photos.localhost:${h.port}` }, body: 'virtual' });
    expect(put.status).toBe(200);
    const get = await send(h.port, 'GET', '/photos/vh/key.txt');
    expect(get.text).toBe('virtual');
  });

  it('applies response-* overrides on GET and refuses header injection', async () => {
    await send(h.port, 'PUT', '/photos/dl.bin', { body: 'x' });
    const get = await send(h.port, 'GET', '/photos/dl.bin?response-content-disposition=attachment%3B%20filename%3D%22a.bin%22&response-content-type=text%2Fplain');
    expect(get.headers['content-disposition']).toBe('attachment; filename="a.bin"');
    expect(get.headers['content-type']).toBe('text/plain');
    const bad = await send(h.port, 'GET', '/photos/dl.bin?response-content-type=a%0D%0ASet-Cookie%3A%20x');
    expect(bad.status).toBe(400);
    expect(bad.headers['set-cookie']).toBeUndefined();
  });

  it('checks Content-MD5 and stores nothing when it does not match', async () => {
    const body = Buffer.from('checked body');
    const wrong = await send(h.port, 'PUT', '/photos/md5', { headers: { 'content-md5': md5Base64(Buffer.from('other')) }, body });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.text)).toBe('InvalidDigest');
    expect((await send(h.port, 'HEAD', '/photos/md5')).status).toBe(404);
    const malformed = await send(h.port, 'PUT', '/photos/md5', { headers: { 'content-md5': 'not-base64' }, body });
    expect(errorCode(malformed.text)).toBe('InvalidDigest');
    const right = await send(h.port, 'PUT', '/photos/md5', { headers: { 'content-md5': md5Base64(body) }, body });
    expect(right.status).toBe(200);
  });

  it('checks an x-amz-content-sha256 digest as S3 does: a body that does not hash to it is refused and stores nothing', async () => {
    const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');
    expect((await send(h.port, 'PUT', '/photos/sha', { body: 'first' })).status).toBe(200);
    const wrong = await send(h.port, 'PUT', '/photos/sha', { headers: { 'x-amz-content-sha256': sha256('tampered') }, body: 'second' });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.text)).toBe('XAmzContentSHA256Mismatch');
    expect(wrong.text).toContain(`<S3ComputedContentSHA256>${sha256('second')}</S3ComputedContentSHA256>`);
    expect((await send(h.port, 'GET', '/photos/sha')).text).toBe('first');
    const right = await send(h.port, 'PUT', '/photos/sha', { headers: { 'x-amz-content-sha256': sha256('second').toUpperCase() }, body: 'second' });
    expect(right.status).toBe(200);
    expect((await send(h.port, 'PUT', '/photos/sha', { headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, body: 'third' })).status).toBe(200);
    expect((await send(h.port, 'GET', '/photos/sha')).text).toBe('third');
  });

  it('refuses an x-amz-content-sha256 that is neither a digest nor UNSIGNED-PAYLOAD, and an XML body that does not hash to it', async () => {
    for (const value of ['abc', 'z'.repeat(64), '0'.repeat(63), 'unsigned-payload']) {
      const res = await send(h.port, 'PUT', '/photos/sha-bad', { headers: { 'x-amz-content-sha256': value }, body: 'x' });
      expect(res.status).toBe(400);
      expect(errorCode(res.text)).toBe('InvalidArgument');
    }
    expect((await send(h.port, 'HEAD', '/photos/sha-bad')).status).toBe(404);
    const init = await send(h.port, 'POST', '/photos/sha-mp?uploads', { headers: { 'x-amz-content-sha256': '0'.repeat(64) } });
    expect(init.status).toBe(200);
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)?.[1] ?? '';
    const part = await send(h.port, 'PUT', `/photos/sha-mp?partNumber=1&uploadId=${id}`, { headers: { 'x-amz-content-sha256': '0'.repeat(64) }, body: 'part' });
    expect(errorCode(part.text)).toBe('XAmzContentSHA256Mismatch');
    const complete = await send(h.port, 'POST', `/photos/sha-mp?uploadId=${id}`, {
      headers: { 'content-type': 'application/xml', 'x-amz-content-sha256': '0'.repeat(64) },
      body: '<CompleteMultipartUpload></CompleteMultipartUpload>',
    });
    expect(errorCode(complete.text)).toBe('XAmzContentSHA256Mismatch');
  });

  it('honours x-oss-forbid-overwrite', async () => {
    expect((await send(h.port, 'PUT', '/photos/once', { headers: { 'x-oss-forbid-overwrite': 'true' }, body: 'first' })).status).toBe(200);
    const again = await send(h.port, 'PUT', '/photos/once', { headers: { 'x-oss-forbid-overwrite': 'true' }, body: 'second' });
    expect(again.status).toBe(409);
    expect(errorCode(again.text)).toBe('FileAlreadyExists');
    expect((await send(h.port, 'GET', '/photos/once')).text).toBe('first');
    expect((await send(h.port, 'PUT', '/photos/once', { headers: { 'x-oss-forbid-overwrite': 'false' }, body: 'third' })).status).toBe(200);
    expect((await send(h.port, 'GET', '/photos/once')).text).toBe('third');
  });

  it('deletes, and deleting a missing object succeeds as on OSS', async () => {
    await send(h.port, 'PUT', '/photos/gone', { body: 'x' });
    expect((await send(h.port, 'DELETE', '/photos/gone')).status).toBe(204);
    expect((await send(h.port, 'GET', '/photos/gone')).status).toBe(404);
    expect((await send(h.port, 'DELETE', '/photos/gone')).status).toBe(204);
  });
});

describe('Conditional GET and HEAD', () => {
  let etag = '';
  let lastModified = '';
  beforeAll(async () => {
    const put = await send(h.port, 'PUT', '/photos/cached.txt', { body: 'cache me', headers: { 'cache-control': 'max-age=60' } });
    etag = put.headers['etag'] ?? '';
    lastModified = (await send(h.port, 'HEAD', '/photos/cached.txt')).headers['last-modified'] ?? '';
  });

  it('answers a browser revalidating its copy with 304, no body, and the validators', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const byTag = await send(h.port, method, '/photos/cached.txt', { headers: { 'if-none-match': etag } });
      expect(byTag.status).toBe(304);
      expect(byTag.body.length).toBe(0);
      expect(byTag.headers).toMatchObject({ etag, 'last-modified': lastModified, 'cache-control': 'max-age=60' });
      expect(byTag.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);
      const byDate = await send(h.port, method, '/photos/cached.txt', { headers: { 'if-modified-since': lastModified } });
      expect(byDate.status).toBe(304);
    }
  });

  it('sends the object when the copy is stale', async () => {
    const res = await send(h.port, 'GET', '/photos/cached.txt', {
      headers: { 'if-none-match': '"0123456789ABCDEF0123456789ABCDEF"', 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('cache me');
  });

  it('refuses with 412 PreconditionFailed, naming the condition, when If-Match or If-Unmodified-Since fails', async () => {
    const byTag = await send(h.port, 'GET', '/photos/cached.txt', { headers: { 'if-match': '"0123456789ABCDEF0123456789ABCDEF"' } });
    expect(byTag.status).toBe(412);
    expect(errorCode(byTag.text)).toBe('PreconditionFailed');
    expect(byTag.text).toContain('<Condition>If-Match</Condition>');
    const byDate = await send(h.port, 'GET', '/photos/cached.txt', { headers: { 'if-unmodified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' } });
    expect(byDate.status).toBe(412);
    expect(byDate.text).toContain('<Condition>If-Unmodified-Since</Condition>');
    expect((await send(h.port, 'HEAD', '/photos/cached.txt', { headers: { 'if-match': '"nope"' } })).status).toBe(412);
  });

  it('serves the object, ranges included, when the preconditions hold', async () => {
    const res = await send(h.port, 'GET', '/photos/cached.txt', { headers: { 'if-match': etag, 'if-unmodified-since': lastModified, range: 'bytes=0-4' } });
    expect(res.status).toBe(206);
    expect(res.text).toBe('cache');
  });

  it('answers 304 only while the object is unchanged: an overwrite makes the old tag stale', async () => {
    await send(h.port, 'PUT', '/photos/cached.txt', { body: 'changed' });
    const res = await send(h.port, 'GET', '/photos/cached.txt', { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(200);
    expect(res.text).toBe('changed');
  });
});

describe('Range', () => {
  const body = Buffer.from('0123456789abcdefghij');
  beforeAll(async () => {
    await send(h.port, 'PUT', '/photos/range', { body });
  });

  it.each([
    ['bytes=0-4', 0, 4],
    ['bytes=15-', 15, 19],
    ['bytes=-3', 17, 19],
    ['bytes=-100', 0, 19],
    ['bytes=18-1000', 18, 19],
    ['bytes=5-5', 5, 5],
  ])('%s → 206 with the right bytes', async (range, start, end) => {
    const res = await send(h.port, 'GET', '/photos/range', { headers: { range } });
    expect(res.status).toBe(206);
    expect(res.text).toBe(body.subarray(start, end + 1).toString());
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/20`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
  });

  it.each(['bytes=20-', 'bytes=20-30', 'bytes=-0', 'bytes=0-1,3-4'])('%s → 416 InvalidRange', async (range) => {
    const res = await send(h.port, 'GET', '/photos/range', { headers: { range } });
    expect(res.status).toBe(416);
    expect(errorCode(res.text)).toBe('InvalidRange');
    expect(res.headers['content-range']).toBe('bytes */20');
  });

  it.each(['bytes=abc', 'items=0-1', 'bytes=9-2'])('%s (not a byte range) is ignored → 200', async (range) => {
    const res = await send(h.port, 'GET', '/photos/range', { headers: { range } });
    expect(res.status).toBe(200);
    expect(res.body.equals(body)).toBe(true);
  });

  it('emulates OSS without x-oss-range-behavior when asked to', async () => {
    const oss = await startHarness({ rangeBehavior: 'oss-default' });
    try {
      await send(oss.port, 'PUT', '/photos/r', { body });
      const lenient = await send(oss.port, 'GET', '/photos/r', { headers: { range: 'bytes=20-' } });
      expect(lenient.status).toBe(200);
      const strict = await send(oss.port, 'GET', '/photos/r', { headers: { range: 'bytes=20-', 'x-oss-range-behavior': 'standard' } });
      expect(strict.status).toBe(416);
    } finally {
      await oss.close();
    }
  });
});

describe('errors', () => {
  it('answers missing keys and buckets with OSS XML and the request id', async () => {
    const res = await send(h.port, 'GET', '/photos/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(errorCode(res.text)).toBe('NoSuchKey');
    expect(res.text).toContain(`<RequestId>${String(res.headers['x-oss-request-id'])}</RequestId>`);
    expect(res.text).toContain('<HostId>');
    expect(errorCode((await send(h.port, 'GET', '/nobucket/k')).text)).toBe('NoSuchBucket');
    expect(errorCode((await send(h.port, 'GET', '/Bad_Bucket/k')).text)).toBe('InvalidBucketName');
    const head = await send(h.port, 'HEAD', '/photos/nope');
    expect(head.status).toBe(404);
    expect(head.body.length).toBe(0);
  });

  it.each([
    ['PATCH', '/photos/k', 405, 'MethodNotAllowed'],
    ['GET', '/photos/k?acl', 501, 'NotImplemented'],
    ['PUT', '/photos/k?partNumber=1', 400, 'InvalidArgument'],
    ['POST', '/photos/k', 501, 'NotImplemented'],
  ])('%s %s → %i %s', async (method, requestPath, status, code) => {
    const res = await send(h.port, method, requestPath, { body: '' });
    expect(res.status).toBe(status);
    expect(errorCode(res.text)).toBe(code);
  });

  it('refuses aws-chunked bodies rather than storing the framing', async () => {
    const res = await send(h.port, 'PUT', '/photos/chunked', {
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' },
      body: 'a;chunk-signature=x\r\n',
    });
    expect(res.status).toBe(501);
  });

  it('refuses a body over 5 GB from its Content-Length, before reading it', async () => {
    const reply = await sendRaw(h.port, `PUT /photos/huge HTTP/1.1\r\nHost: x\r\nContent-Length: ${5 * 1024 ** 3 + 1}\r\n\r\n`, Buffer.alloc(1024));
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect(errorCode(reply)).toBe('EntityTooLarge');
  });

  it('answers huge headers with 431 and an OSS request id', async () => {
    const reply = await sendRaw(h.port, `GET /photos/k HTTP/1.1\r\nHost: x\r\nx-oss-meta-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1.1 431/);
    expect(reply).toMatch(/x-oss-request-id: [0-9A-F]{24}/);
    expect(errorCode(reply)).toBe('RequestHeaderFieldsTooLarge');
  });

  it('answers garbage with 400 and keeps serving', async () => {
    const reply = await sendRaw(h.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect((await send(h.port, 'GET', '/photos/range')).status).toBe(200);
  });
});

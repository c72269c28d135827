/**
 * Completed multipart objects keep their bytes in their part files (no copy at Complete): ranges across
 * part boundaries, overwrite and delete removing the part data, abort after complete, a GetObject that
 * outlives an overwrite, and the crash windows of Complete settled at the next start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowAllRequests, startLocalBucket, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, errorCode, listFiles, send, startHarness, type Harness } from './harness.js';

const KIB = 1024;

let h: Harness;
let port: number;
let restarted: LocalBucketHandle | undefined;
beforeEach(async () => {
  h = await startHarness();
  port = h.port;
  restarted = undefined;
});
afterEach(async () => {
  await restarted?.close();
  await h.close();
});

/** Stops the server and starts a new one over the same data directory (what a restart after a crash does). */
async function restart(): Promise<void> {
  await (restarted ?? h.handle).close();
  restarted = await startLocalBucket({
    dataDir: h.dataDir,
    buckets: ['photos'],
    accessKeys: new Map([[ACCESS_KEY_ID, ACCESS_KEY_SECRET]]),
    authenticate: allowAllRequests,
  });
  port = restarted.port;
}

async function initiate(key: string): Promise<string> {
  const res = await send(port, 'POST', `/photos/${key}?uploads`);
  return /<UploadId>([0-9A-F]{32})<\/UploadId>/.exec(res.text)?.[1] ?? '';
}

async function uploadParts(key: string, id: string, parts: readonly Buffer[]): Promise<string> {
  const items: string[] = [];
  for (const [index, body] of parts.entries()) {
    const res = await send(port, 'PUT', `/photos/${key}?partNumber=${index + 1}&uploadId=${id}`, { body });
    expect(res.status).toBe(200);
    items.push(`<Part><PartNumber>${index + 1}</PartNumber><ETag>${String(res.headers['etag'])}</ETag></Part>`);
  }
  return `<CompleteMultipartUpload>${items.join('')}</CompleteMultipartUpload>`;
}

async function complete(key: string, id: string, xml: string): Promise<number> {
  return (await send(port, 'POST', `/photos/${key}?uploadId=${id}`, { body: xml })).status;
}

/** Uploads `parts` as a multipart object under `key` and returns the whole body. */
async function multipartObject(key: string, parts: readonly Buffer[]): Promise<Buffer> {
  const id = await initiate(key);
  expect(await complete(key, id, await uploadParts(key, id, parts))).toBe(200);
  return Buffer.concat(parts);
}

const partData = async (): Promise<string[]> => (await listFiles(h.dataDir)).filter((f) => f.split(path.sep).includes('multipart'));
const keyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

describe('a completed multipart object', () => {
  it('serves any range, across part boundaries, byte for byte', async () => {
    const parts = [randomBytes(100 * KIB), randomBytes(150 * KIB), randomBytes(7)];
    const whole = await multipartObject('m/ranges.bin', parts);
    const first = 100 * KIB;
    const second = first + 150 * KIB;
    const ranges: [string, number, number][] = [
      [`bytes=${first - 10}-${first + 9}`, first - 10, first + 9],
      [`bytes=0-${whole.length - 1}`, 0, whole.length - 1],
      [`bytes=${second - 1}-`, second - 1, whole.length - 1],
      ['bytes=-3', whole.length - 3, whole.length - 1],
      [`bytes=${first}-${first}`, first, first],
      [`bytes=5-${second + 2}`, 5, second + 2],
    ];
    for (const [header, start, end] of ranges) {
      const res = await send(port, 'GET', '/photos/m/ranges.bin', { headers: { range: header } });
      expect(res.status, header).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${whole.length}`);
      expect(res.body.equals(whole.subarray(start, end + 1)), header).toBe(true);
    }
    expect((await send(port, 'GET', '/photos/m/ranges.bin')).body.equals(whole)).toBe(true);
    const listed = await send(port, 'GET', '/photos?prefix=m/');
    expect(listed.text).toContain(`<Size>${whole.length}</Size>`);
  });

  it('keeps only the parts it lists, and no upload record', async () => {
    const id = await initiate('m/subset');
    const xml = await uploadParts('m/subset', id, [randomBytes(100 * KIB), randomBytes(10), randomBytes(20)]);
    const firstTwo = xml.replace(/<Part><PartNumber>3<\/PartNumber>.*<\/Part>/, '');
    expect(await complete('m/subset', id, firstTwo)).toBe(200);
    expect((await partData()).map((f) => path.basename(f))).toEqual(['00001', '00002']);
    expect((await send(port, 'HEAD', '/photos/m/subset')).headers['content-length']).toBe(String(100 * KIB + 10));
  });

  it('cannot lose its parts to an abort of its (finished) upload', async () => {
    const id = await initiate('m/abort-after');
    const body = randomBytes(100 * KIB);
    expect(await complete('m/abort-after', id, await uploadParts('m/abort-after', id, [body]))).toBe(200);
    expect(errorCode((await send(port, 'DELETE', `/photos/m/abort-after?uploadId=${id}`)).text)).toBe('NoSuchUpload');
    expect((await send(port, 'GET', '/photos/m/abort-after')).body.equals(body)).toBe(true);
  });

  it('loses its part data when overwritten (by a PUT or another multipart upload) or deleted', async () => {
    await multipartObject('m/replaced', [randomBytes(100 * KIB), randomBytes(5)]);
    expect(await partData()).toHaveLength(2);
    expect((await send(port, 'PUT', '/photos/m/replaced', { body: 'plain now' })).status).toBe(200);
    expect(await partData()).toEqual([]);
    expect((await send(port, 'GET', '/photos/m/replaced')).text).toBe('plain now');

    await multipartObject('m/replaced', [randomBytes(100 * KIB), randomBytes(5)]);
    const again = await multipartObject('m/replaced', [randomBytes(100 * KIB), randomBytes(100 * KIB), randomBytes(1)]);
    expect(await partData()).toHaveLength(3);
    expect((await send(port, 'GET', '/photos/m/replaced')).body.equals(again)).toBe(true);

    expect((await send(port, 'DELETE', '/photos/m/replaced')).status).toBe(204);
    expect(await partData()).toEqual([]);
    expect(errorCode((await send(port, 'GET', '/photos/m/replaced')).text)).toBe('NoSuchKey');
  });

  it('is read whole by a GetObject that started before an overwrite', async () => {
    // Why 3 × 8 MiB: more than loopback socket buffers hold, so the server is still reading parts while paused.
    const whole = await multipartObject('m/reading', [randomBytes(8192 * KIB), randomBytes(8192 * KIB), randomBytes(8192 * KIB)]);
    const received: Buffer[] = [];
    let resume: () => void = () => undefined;
    const done = new Promise<Buffer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/photos/m/reading', agent: false }, (res) => {
        res.once('data', (chunk: Buffer) => {
          received.push(chunk);
          res.pause();
          resume = () => {
            res.on('data', (more: Buffer) => received.push(more));
            res.resume();
          };
        });
        res.on('end', () => resolve(Buffer.concat(received)));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await send(port, 'PUT', '/photos/m/reading', { body: 'replacement' })).status).toBe(200);
    // The reader still holds the old part data; it goes once the reader is done.
    expect(await partData()).toHaveLength(3);
    resume();
    expect((await done).equals(whole)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await partData()).toEqual([]);
    expect((await send(port, 'GET', '/photos/m/reading')).text).toBe('replacement');
  });
});

describe('a crash during Complete', () => {
  it('before the object was published gives the upload back at the next start, and Complete then succeeds', async () => {
    const id = await initiate('m/crash-early');
    const parts = [randomBytes(100 * KIB), randomBytes(9)];
    const xml = await uploadParts('m/crash-early', id, parts);
    await h.handle.close();
    // What Complete had done when the process died: the upload's directory moved to the key's part data.
    const keyDir = path.join(h.dataDir, 'buckets', 'photos', 'multipart', keyHash('m/crash-early'));
    await mkdir(keyDir, { recursive: true });
    await rename(path.join(h.dataDir, 'buckets', 'photos', 'uploads', id), path.join(keyDir, id));
    await restart();
    expect(errorCode((await send(port, 'GET', '/photos/m/crash-early')).text)).toBe('NoSuchKey');
    expect(await complete('m/crash-early', id, xml)).toBe(200);
    expect((await send(port, 'GET', '/photos/m/crash-early')).body.equals(Buffer.concat(parts))).toBe(true);
  });

  it('after the object was published keeps the object and settles its part data', async () => {
    const parts = [randomBytes(100 * KIB), randomBytes(9)];
    const whole = await multipartObject('m/crash-late', parts);
    const [dataDir] = await readdir(path.join(h.dataDir, 'buckets', 'photos', 'multipart', keyHash('m/crash-late')));
    const uploadDir = path.join(h.dataDir, 'buckets', 'photos', 'multipart', keyHash('m/crash-late'), dataDir ?? '');
    await h.handle.close();
    // The tidying Complete had not done yet: the upload record and an unused part.
    await writeFile(path.join(uploadDir, 'upload.json'), '{}');
    await writeFile(path.join(uploadDir, '00007'), 'unused part');
    await restart();
    expect((await partData()).map((f) => path.basename(f))).toEqual(['00001', '00002']);
    expect((await send(port, 'GET', '/photos/m/crash-late')).body.equals(whole)).toBe(true);
  });

  it('leaves no part data behind that no object lists', async () => {
    await multipartObject('m/orphan', [randomBytes(100 * KIB), randomBytes(9)]);
    await h.handle.close();
    // An overwrite that died before its sweep: the object file is gone, its settled part data is not.
    await rename(
      path.join(h.dataDir, 'buckets', 'photos', 'objects', keyHash('m/orphan').slice(0, 2), keyHash('m/orphan')),
      path.join(h.root, 'moved-away'),
    );
    await restart();
    expect(await partData()).toEqual([]);
  });
});

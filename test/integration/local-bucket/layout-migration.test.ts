/**
 * The object layout on disk: one level of 256 shard directories, all made with the bucket, so storing an
 * object never creates a directory; and a bucket written in the old two-level layout is moved to it at
 * start, without losing an object, even when an earlier move was cut short by a crash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowAllRequests, startLocalBucket, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, listFiles, send, startHarness, type Harness } from './harness.js';

let h: Harness;
let port: number;
let restarted: LocalBucketHandle | undefined;
let logged: string[];
beforeEach(async () => {
  h = await startHarness();
  port = h.port;
  restarted = undefined;
  logged = [];
});
afterEach(async () => {
  await restarted?.close();
  await h.close();
});

const keyHash = (key: string): string => createHash('sha256').update(key).digest('hex');
const objectsDir = (): string => path.join(h.dataDir, 'buckets', 'photos', 'objects');
const bucketJson = (): string => path.join(h.dataDir, 'buckets', 'photos', 'bucket.json');

/** Stops the server and starts a new one over the same data directory. */
async function restart(): Promise<void> {
  await (restarted ?? h.handle).close();
  restarted = await startLocalBucket({
    dataDir: h.dataDir,
    buckets: ['photos'],
    accessKeys: new Map([[ACCESS_KEY_ID, ACCESS_KEY_SECRET]]),
    authenticate: allowAllRequests,
    log: (line) => logged.push(line),
  });
  port = restarted.port;
}

/** Stores `count` objects (nested keys, a multipart one among them) and returns their bodies by key. */
async function storeObjects(count: number): Promise<Map<string, Buffer>> {
  const bodies = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const key = `dir-${i % 3}/file ${i}.bin`;
    const body = randomBytes(100 + i);
    expect((await send(port, 'PUT', `/photos/${encodeURI(key)}`, { body })).status).toBe(200);
    bodies.set(key, body);
  }
  const init = await send(port, 'POST', '/photos/big/multi.bin?uploads');
  const id = /<UploadId>([0-9A-F]{32})<\/UploadId>/.exec(init.text)?.[1] ?? '';
  const parts = [randomBytes(100 * 1024), randomBytes(7)];
  const items: string[] = [];
  for (const [index, body] of parts.entries()) {
    const res = await send(port, 'PUT', `/photos/big/multi.bin?partNumber=${index + 1}&uploadId=${id}`, { body });
    items.push(`<Part><PartNumber>${index + 1}</PartNumber><ETag>${String(res.headers['etag'])}</ETag></Part>`);
  }
  const xml = `<CompleteMultipartUpload>${items.join('')}</CompleteMultipartUpload>`;
  expect((await send(port, 'POST', `/photos/big/multi.bin?uploadId=${id}`, { body: xml })).status).toBe(200);
  bodies.set('big/multi.bin', Buffer.concat(parts));
  return bodies;
}

/**
 * Rewrites the stopped bucket as the old layout left it: every object two levels down
 * (`<h0h1>/<h2h3>/<sha256>`), no empty shard directories, and a bucket.json without a layout number.
 */
async function rewriteAsOldLayout(): Promise<void> {
  for (const shard of await readdir(objectsDir())) {
    const shardDir = path.join(objectsDir(), shard);
    for (const name of await readdir(shardDir)) {
      await mkdir(path.join(shardDir, name.slice(2, 4)), { recursive: true });
      await rename(path.join(shardDir, name), path.join(shardDir, name.slice(2, 4), name));
    }
    if ((await readdir(shardDir)).length === 0) await rmdir(shardDir);
  }
  await writeFile(bucketJson(), JSON.stringify({ createdAt: 1_700_000_000_000 }));
}

async function expectAllReadable(bodies: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [key, body] of bodies) {
    const res = await send(port, 'GET', `/photos/${encodeURI(key)}`);
    expect(res.status, key).toBe(200);
    expect(res.body.equals(body), key).toBe(true);
  }
  const listing = await send(port, 'GET', '/photos/?max-keys=1000');
  const listed = [...listing.text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual([...bodies.keys()].sort());
}

/** Every object file, as `<shard>/<name>` paths; fails the test if any sits anywhere else. */
async function objectFiles(): Promise<string[]> {
  const files = await listFiles(objectsDir());
  for (const file of files) expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
  return files;
}

describe('the object layout', () => {
  it('makes all 256 shard directories with the bucket, so storing objects creates no directory', async () => {
    const shards = await readdir(objectsDir());
    expect(shards).toHaveLength(256);
    await storeObjects(40);
    expect(await readdir(objectsDir())).toEqual(shards);
    for (const shard of shards) {
      const entries = await readdir(path.join(objectsDir(), shard), { withFileTypes: true });
      expect(entries.filter((entry) => entry.isDirectory())).toEqual([]);
    }
    expect(JSON.parse(await readFile(bucketJson(), 'utf8'))).toMatchObject({ objectLayout: 2 });
  });

  it('stores each object at <first two hash digits>/<hash of its key>', async () => {
    await send(port, 'PUT', '/photos/a/b.txt', { body: 'x' });
    const hash = keyHash('a/b.txt');
    expect(await objectFiles()).toEqual([`${hash.slice(0, 2)}/${hash}`]);
  });
});

describe('a bucket written in the old two-level layout', () => {
  it('is moved to one level at start: every object readable and listed as before, no old directory left', async () => {
    const bodies = await storeObjects(30);
    await h.handle.close();
    await rewriteAsOldLayout();
    expect((await listFiles(objectsDir())).every((file) => file.split('/').length === 3)).toBe(true);
    await restart();
    await expectAllReadable(bodies);
    expect(await objectFiles()).toHaveLength(bodies.size);
    expect(await readdir(objectsDir())).toHaveLength(256);
    expect(JSON.parse(await readFile(bucketJson(), 'utf8'))).toEqual({ createdAt: 1_700_000_000_000, objectLayout: 2 });
    expect(logged.some((line) => line.includes(`moved ${bodies.size} object(s)`))).toBe(true);
  });

  it('finishes a move cut short by a crash: half moved, one file in both places, other files left alone', async () => {
    const bodies = await storeObjects(20);
    await h.handle.close();
    await rewriteAsOldLayout();
    // The crashed run had moved some objects already, and one rename reached the disk in both directories.
    const old = (await listFiles(objectsDir())).map((file) => file.split('/'));
    for (const [shard, sub, name] of old.slice(0, 8) as [string, string, string][]) {
      await mkdir(path.join(objectsDir(), shard), { recursive: true });
      await rename(path.join(objectsDir(), shard, sub, name), path.join(objectsDir(), shard, name));
    }
    const [shard, sub, name] = old[10] as [string, string, string];
    await link(path.join(objectsDir(), shard, sub, name), path.join(objectsDir(), shard, name));
    // Something that is not an object, in an old directory: kept, with its directory.
    const [strayShard, straySub] = old[12] as [string, string, string];
    await writeFile(path.join(objectsDir(), strayShard, straySub, 'notes.txt'), 'mine');
    await restart();
    await expectAllReadable(bodies);
    const files = await listFiles(objectsDir());
    expect(files.filter((file) => file.endsWith('notes.txt'))).toEqual([`${strayShard}/${straySub}/notes.txt`]);
    const objects = files.filter((file) => !file.endsWith('notes.txt'));
    expect(objects).toHaveLength(bodies.size);
    for (const file of objects) expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(logged.some((line) => line.includes('holds files that are not objects'))).toBe(true);
  });

  it('is moved once: a second start finds nothing to move', async () => {
    const bodies = await storeObjects(5);
    await h.handle.close();
    await rewriteAsOldLayout();
    await restart();
    logged = [];
    await restart();
    await expectAllReadable(bodies);
    expect(logged.filter((line) => line.includes('moved'))).toEqual([]);
  });
});

/**
 * Aborting many unfinished uploads (electron/core/unfinished/abort-uploads.ts) against a real local bucket
 * that verifies every signature: outcomes in the order given, a server fault reported per upload without
 * stopping the others, a repeating refusal met once and the rest skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../../electron/core/local-bucket/index.js';
import type { FaultOptions } from '../../../../electron/core/local-bucket/types.js';
import { presign } from '../../../../electron/core/signing/presign.js';
import { createAgentPool } from '../../../../electron/core/transfer/http/index.js';
import { abortUnfinishedUploads } from '../../../../electron/core/unfinished/abort-uploads.js';
import type { UnfinishedTarget } from '../../../../electron/core/unfinished/unfinished-types.js';

const KEY_ID = 'LTAI5tAbortTestKeyId';
const SECRET = 'abort-test-secret';

let dir = '';
let bucket: LocalBucketHandle | undefined;
const agents = createAgentPool();

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-abort-'));
});
afterEach(async () => {
  await bucket?.close();
  bucket = undefined;
  await rm(dir, { recursive: true, force: true });
});
afterAll(() => {
  agents.destroy();
});

/** (Re)starts the bucket over the same data, with `faults`. */
async function restart(faults: FaultOptions = {}): Promise<LocalBucketHandle> {
  await bucket?.close();
  bucket = await startLocalBucket({
    dataDir: dir,
    port: 0,
    buckets: ['photos'],
    region: 'cn-hangzhou',
    accessKeys: new Map([[KEY_ID, SECRET]]),
    authenticate: verifySignature,
    faults,
  });
  return bucket;
}

const target = (handle: LocalBucketHandle, secret = SECRET): UnfinishedTarget => ({
  scheme: 'oss-v4',
  endpoint: handle.endpoint,
  style: 'path',
  bucket: 'photos',
  region: 'cn-hangzhou',
  credentials: { accessKeyId: KEY_ID, accessKeySecret: secret },
});

async function initiate(handle: LocalBucketHandle, key: string): Promise<{ key: string; uploadId: string }> {
  const { url } = presign(
    { accessKeyId: KEY_ID, accessKeySecret: SECRET },
    { scheme: 'oss-v4', method: 'POST', endpoint: handle.endpoint, style: 'path', bucket: 'photos', key, region: 'cn-hangzhou', expiresInSeconds: 60, query: [{ name: 'uploads' }] },
    { now: Date.now },
  );
  const xml = await (await fetch(url, { method: 'POST' })).text();
  return { key, uploadId: /<UploadId>([^<]+)<\/UploadId>/.exec(xml)?.[1] ?? '' };
}

const options = { agents, now: Date.now };

describe('abortUnfinishedUploads', () => {
  it('aborts each upload and says which were gone already, in the order given', async () => {
    const handle = await restart();
    const uploads = [await initiate(handle, 'a.bin'), await initiate(handle, 'b.bin'), await initiate(handle, 'c.bin')];
    const first = await abortUnfinishedUploads(target(handle), uploads.slice(0, 2), options);
    expect(first).toEqual({ outcomes: uploads.slice(0, 2).map((u) => ({ ...u, outcome: 'aborted' })), stopped: false });
    const second = await abortUnfinishedUploads(target(handle), uploads, options);
    expect(second.outcomes.map((o) => o.outcome)).toEqual(['already-gone', 'already-gone', 'aborted']);
  });

  it('reports a server fault per upload and goes on with the others', async () => {
    const uploads = [await initiate(await restart(), 'a.bin'), await initiate(bucket as LocalBucketHandle, 'b.bin')];
    const failing = await restart({ failRate: 1 });
    const run = await abortUnfinishedUploads(target(failing), uploads, options);
    expect(run.stopped).toBe(false);
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['failed', 'failed']);
    // Nothing was lost: once the server is well, both still abort.
    const healthy = await restart();
    expect((await abortUnfinishedUploads(target(healthy), uploads, options)).outcomes.map((o) => o.outcome)).toEqual(['aborted', 'aborted']);
  });

  it('meets a wrong secret once, skips the rest, and never names the secret', async () => {
    const handle = await restart();
    const uploads = [await initiate(handle, 'a.bin'), await initiate(handle, 'b.bin'), await initiate(handle, 'c.bin')];
    const run = await abortUnfinishedUploads(target(handle, 'Not+The/Secret='), uploads, options);
    expect(run.stopped).toBe(true);
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['failed', 'skipped', 'skipped']);
    expect(run.outcomes[0]).toMatchObject({ outcome: 'failed', error: { code: 'signature-mismatch' } });
    expect(JSON.stringify(run)).not.toContain('Not+The/Secret=');
  });
});

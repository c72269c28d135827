/**
 * The unfinished-upload channels through the app services, against the embedded local bucket (started
 * in-process on a free port, checking every signature): the listing finds the multipart uploads nobody
 * finished and marks those a queue on this machine will resume, and says what each holds when asked (up
 * to its bound, beyond which it says the sizes were left out, and without them, saying why, when the
 * server refuses to list an upload's parts); aborting deletes the chosen ones, says
 * which were already gone, refuses (whole) a request naming a locally resumable upload, stops at a
 * refusal that would repeat, and explains a wrong secret without showing it.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localKeys } from '../../../../electron/core/profiles/local-profile.js';
import { presign } from '../../../../electron/core/signing/presign.js';
import { CheckpointStore } from '../../../../electron/core/transfer/engine/checkpoint-store.js';
import { MAX_ABORT_UPLOADS, MAX_SIZED_UPLOADS } from '../../../../electron/shared/ipc/unfinished-types.js';
import type { HttpMethod, QueryParam } from '../../../../electron/shared/signing.js';
import { failListParts, LIST_PARTS_REFUSAL, refuseListParts } from '../../../helpers/refuse-list-parts.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness } from '../../../integration/local-bucket/harness.js';
import { okValue, servicesFixture, type ServicesFixture } from './services-fixture.js';

const WRONG_SECRET = 'Not+The/Local=Secret';

let fx: ServicesFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});


/** The app services with the embedded local bucket running, and a way to start uploads in it as another tool would. */
async function start(): Promise<{
  readonly fx: ServicesFixture;
  readonly endpoint: string;
  initiate(key: string): Promise<string>;
  uploadPart(key: string, uploadId: string, partNumber: number, body: Buffer): Promise<void>;
  listed(prefix?: string): Promise<string[]>;
}> {
  fx = await servicesFixture({ localBucket: { port: 0 } });
  const services = fx.services;
  const info = await okValue(services.invoke('app:info', []));
  if (info.localBucket.kind !== 'running') throw new Error('the local bucket did not start');
  const { endpoint, bucket } = info.localBucket;
  const { credentials } = await localKeys(fx.dir);
  const call = async (method: HttpMethod, key: string, query: QueryParam[], body?: Buffer): Promise<string> => {
    const { url } = presign(credentials, { scheme: 'oss-v4', method, endpoint, style: 'path', bucket, key, region: 'cn-hangzhou', expiresInSeconds: 60, query }, { now: Date.now });
    const response = await fetch(url, { method, ...(body === undefined ? {} : { body }) });
    expect(response.status).toBeLessThan(300);
    return response.text();
  };
  return {
    fx,
    endpoint,
    initiate: async (key) => /<UploadId>([^<]+)<\/UploadId>/.exec(await call('POST', key, [{ name: 'uploads' }]))?.[1] ?? '',
    uploadPart: async (key, uploadId, partNumber, body) => {
      await call('PUT', key, [{ name: 'partNumber', value: String(partNumber) }, { name: 'uploadId', value: uploadId }], body);
    },
    listed: async (prefix) => (await okValue(services.invoke('unfinished:list', [{ profile: 'local', ...(prefix === undefined ? {} : { prefix }) }]))).uploads.map((upload) => upload.uploadId),
  };
}

/** Writes the checkpoint a queue keeps for `uploadId`, exactly as the engine does, under `dir` of the app data. */
async function keepCheckpoint(dataDir: string, dir: readonly string[], uploadId: string, key: string): Promise<void> {
  const store = new CheckpointStore(path.join(dataDir, ...dir, 'checkpoints'));
  await store.create(`t-${uploadId}`, { uploadId, key, size: 100 << 20, mtimeMs: 1, partSize: 8 << 20 });
  await store.close();
}

/** Saves profile `name` for `bucket` of the local bucket at `endpoint`, with `secret`. */
async function saveLocalBucketProfile(services: ServicesFixture['services'], name: string, endpoint: string, accessKeyId: string, secret: string, bucket = 'dropsign'): Promise<void> {
  await okValue(
    services.invoke('profiles:save', [
      { profile: { name, provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'custom', url: endpoint }, style: 'path', bucket, accessKeyId }, secret: { accessKeySecret: secret } },
    ]),
  );
}

describe('unfinished:list', () => {
  it('finds the uploads nobody finished, by key, and marks those a queue on this machine will resume', async () => {
    const { fx, initiate, listed } = await start();
    const before = Date.now();
    const crashed = await initiate('videos/crashed 1+1.mov');
    const lost = await initiate('backups/lost.tar');
    const paused = await initiate('videos/paused.mov');
    const fromCli = await initiate('videos/from-cli.mov');
    await keepCheckpoint(fx.dir, ['transfers'], paused, 'videos/paused.mov');
    await keepCheckpoint(fx.dir, ['cli', 'some-destination'], fromCli, 'videos/from-cli.mov');

    const listing = await okValue(fx.services.invoke('unfinished:list', [{ profile: 'local' }]));
    expect(listing).toEqual({
      profile: 'local',
      bucket: 'dropsign',
      complete: true,
      uploads: [
        { key: 'backups/lost.tar', uploadId: lost, initiatedAt: expect.any(String), resumableHere: false },
        { key: 'videos/crashed 1+1.mov', uploadId: crashed, initiatedAt: expect.any(String), resumableHere: false },
        { key: 'videos/from-cli.mov', uploadId: fromCli, initiatedAt: expect.any(String), resumableHere: true },
        { key: 'videos/paused.mov', uploadId: paused, initiatedAt: expect.any(String), resumableHere: true },
      ],
    });
    // Why a second of slack: the server keeps initiation times in whole seconds.
    for (const upload of listing.uploads) expect(Date.parse(upload.initiatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await listed('backups/')).toEqual([lost]);
    expect(await listed('nothing/')).toEqual([]);
  });

  it('says, only when asked, how many parts each upload holds and their bytes', async () => {
    const { fx, initiate, uploadPart } = await start();
    const started = await initiate('videos/started.mov');
    await initiate('videos/empty.mov');
    await uploadPart('videos/started.mov', started, 1, Buffer.alloc(300 * 1024, 1));
    await uploadPart('videos/started.mov', started, 2, Buffer.alloc(5, 2));

    const sized = await okValue(fx.services.invoke('unfinished:list', [{ profile: 'local', withSizes: true }]));
    expect(sized.uploads.map((upload) => [upload.key, upload.parts, upload.bytes])).toEqual([
      ['videos/empty.mov', 0, 0],
      ['videos/started.mov', 2, 300 * 1024 + 5],
    ]);
    expect(sized).not.toHaveProperty('sizesMissing');

    for (const request of [{ profile: 'local' }, { profile: 'local', withSizes: false }]) {
      const plain = await okValue(fx.services.invoke('unfinished:list', [request]));
      expect(plain.uploads).toHaveLength(2);
      for (const upload of plain.uploads) expect(Object.keys(upload).sort()).toEqual(['initiatedAt', 'key', 'resumableHere', 'uploadId']);
      expect(plain).not.toHaveProperty('sizesMissing');
    }
  });

  it(`sizes at most ${MAX_SIZED_UPLOADS} uploads, and says when it left the sizes out`, async () => {
    const { fx, initiate } = await start();
    const keys = Array.from({ length: MAX_SIZED_UPLOADS + 1 }, (_, i) => `many/${String(i).padStart(4, '0')}.bin`);
    // Why 8 at a time: quick to set up, without queueing more connections than the bucket serves at once.
    for (let i = 0; i < MAX_SIZED_UPLOADS; i += 8) await Promise.all(keys.slice(i, Math.min(i + 8, MAX_SIZED_UPLOADS)).map(initiate));

    const atTheBound = await okValue(fx.services.invoke('unfinished:list', [{ profile: 'local', withSizes: true }]));
    expect(atTheBound.uploads).toHaveLength(MAX_SIZED_UPLOADS);
    expect(atTheBound.uploads.every((upload) => upload.parts === 0 && upload.bytes === 0)).toBe(true);
    expect(atTheBound).not.toHaveProperty('sizesMissing');

    await initiate(keys[MAX_SIZED_UPLOADS] ?? '');
    const beyond = await okValue(fx.services.invoke('unfinished:list', [{ profile: 'local', withSizes: true }]));
    expect(beyond.uploads).toHaveLength(MAX_SIZED_UPLOADS + 1);
    expect(beyond.sizesMissing).toEqual({ reason: 'too-many' });
    expect(beyond.uploads.some((upload) => 'parts' in upload || 'bytes' in upload)).toBe(false);
  }, 120_000);

  it.each([
    {
      case: 'refuses to list an upload\'s parts (a RAM policy without ListParts)',
      authenticate: refuseListParts,
      error: { code: 'access-denied', message: expect.stringContaining(LIST_PARTS_REFUSAL), hint: expect.not.stringContaining('PutObject') },
    },
    {
      case: 'fails while listing an upload\'s parts (503)',
      authenticate: failListParts({ status: 503, code: 'ServiceUnavailable', message: 'Please reduce your request rate.' }),
      error: { code: 'server-busy', hint: 'Try again in a few minutes.', details: expect.objectContaining({ status: 503, serverCode: 'ServiceUnavailable' }) },
    },
  ])('lists without sizes, and says why, when the server $case', async ({ authenticate, error }) => {
    const { fx } = await start();
    const bucket = await startHarness({ authenticate, region: 'cn-hangzhou' });
    try {
      await saveLocalBucketProfile(fx.services, 'limited', bucket.endpoint, ACCESS_KEY_ID, ACCESS_KEY_SECRET, 'photos');
      const { url } = presign(
        { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET },
        { scheme: 'oss-v4', method: 'POST', endpoint: bucket.endpoint, style: 'path', bucket: 'photos', key: 'big.iso', region: 'cn-hangzhou', expiresInSeconds: 60, query: [{ name: 'uploads' }] },
        { now: Date.now },
      );
      expect((await fetch(url, { method: 'POST' })).status).toBe(200);

      const listing = await okValue(fx.services.invoke('unfinished:list', [{ profile: 'limited', withSizes: true }]));
      expect(listing.uploads.map((upload) => upload.key)).toEqual(['big.iso']);
      expect(listing.uploads.some((upload) => 'parts' in upload || 'bytes' in upload)).toBe(false);
      expect(listing.complete).toBe(true);
      expect(listing.sizesMissing).toEqual({ reason: 'refused', error: expect.objectContaining(error) });
      expect(JSON.stringify(listing)).not.toContain(ACCESS_KEY_SECRET);
    } finally {
      await bucket.close();
    }
  });

  it('answers an unknown profile and a wrong secret with typed errors that never show the secret', async () => {
    const { fx, endpoint } = await start();
    expect(await fx.services.invoke('unfinished:list', [{ profile: 'nobody' }])).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
    const { credentials } = await localKeys(fx.dir);
    await saveLocalBucketProfile(fx.services, 'wrong', endpoint, credentials.accessKeyId, WRONG_SECRET);
    const refused = await fx.services.invoke('unfinished:list', [{ profile: 'wrong' }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'signature-mismatch', message: expect.any(String), hint: expect.any(String) } });
    expect(JSON.stringify(refused)).not.toContain(WRONG_SECRET);
    expect(JSON.stringify(refused)).not.toContain(credentials.accessKeySecret);
  });
});

describe('unfinished:abort', () => {
  it('aborts the chosen uploads, and says which had already gone', async () => {
    const { fx, initiate, listed } = await start();
    const first = await initiate('a/first.bin');
    const second = await initiate('a/second.bin');
    const kept = await initiate('a/kept.bin');

    const result = await okValue(fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'a/first.bin', uploadId: first }, { key: 'a/second.bin', uploadId: second }] }]));
    expect(result).toEqual({
      stopped: false,
      outcomes: [
        { key: 'a/first.bin', uploadId: first, outcome: 'aborted' },
        { key: 'a/second.bin', uploadId: second, outcome: 'aborted' },
      ],
    });
    expect(await listed()).toEqual([kept]);

    const again = await okValue(fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'a/first.bin', uploadId: first }, { key: 'a/kept.bin', uploadId: kept }] }]));
    expect(again.outcomes.map((outcome) => outcome.outcome)).toEqual(['already-gone', 'aborted']);
    expect(await listed()).toEqual([]);
  });

  it('refuses, aborting nothing, a request that names an upload a queue on this machine will resume', async () => {
    const { fx, initiate, listed } = await start();
    const orphan = await initiate('b/orphan.bin');
    const paused = await initiate('b/paused.bin');
    await keepCheckpoint(fx.dir, ['transfers'], paused, 'b/paused.bin');

    const refused = await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'b/orphan.bin', uploadId: orphan }, { key: 'b/paused.bin', uploadId: paused }] }]);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('"b/paused.bin" will be resumed by a queue on this machine'), hint: expect.stringContaining('Upload screen'), details: { field: 'uploads[1]', reason: 'resumable-here' } },
    });
    expect((await listed()).sort()).toEqual([orphan, paused].sort());
  });

  it('stops at a refusal that would repeat for every upload, and skips the rest', async () => {
    const { fx, endpoint, initiate, listed } = await start();
    const ids = [await initiate('c/1.bin'), await initiate('c/2.bin'), await initiate('c/3.bin')];
    const { credentials } = await localKeys(fx.dir);
    await saveLocalBucketProfile(fx.services, 'wrong', endpoint, credentials.accessKeyId, WRONG_SECRET);

    const result = await okValue(fx.services.invoke('unfinished:abort', [{ profile: 'wrong', uploads: ids.map((uploadId, i) => ({ key: `c/${i + 1}.bin`, uploadId })) }]));
    expect(result.stopped).toBe(true);
    expect(result.outcomes).toEqual([
      { key: 'c/1.bin', uploadId: ids[0], outcome: 'failed', error: expect.objectContaining({ code: 'signature-mismatch', hint: expect.any(String) }) },
      { key: 'c/2.bin', uploadId: ids[1], outcome: 'skipped' },
      { key: 'c/3.bin', uploadId: ids[2], outcome: 'skipped' },
    ]);
    expect(JSON.stringify(result)).not.toContain(WRONG_SECRET);
    expect(await listed()).toHaveLength(3);
  });

  it('refuses ids that are not upload ids, keys out of bounds, unknown fields and more uploads than one request may name', async () => {
    const { fx } = await start();
    const invalid = { ok: false, error: { code: 'invalid-argument' } };
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'a', uploadId: 'X&uploads' }] }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'a', uploadId: '' }] }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'k'.repeat(1024), uploadId: 'ID' }] }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [] }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: [{ key: 'a', uploadId: 'ID', bucket: 'other' }] }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', bucket: 'other', uploads: [{ key: 'a', uploadId: 'ID' }] }])).toMatchObject(invalid);
    const tooMany = Array.from({ length: MAX_ABORT_UPLOADS + 1 }, (_, i) => ({ key: `k${i}`, uploadId: `ID${i}` }));
    expect(await fx.services.invoke('unfinished:abort', [{ profile: 'local', uploads: tooMany }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:list', [{ profile: 'Local!' }])).toMatchObject(invalid);
    expect(await fx.services.invoke('unfinished:list', [{ profile: 'local', prefix: 'a\0b' }])).toMatchObject(invalid);
  });
});

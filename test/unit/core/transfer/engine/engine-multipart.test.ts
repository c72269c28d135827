import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crc64Combine, formatCrc64 } from '../../../../../electron/core/integrity/crc64.js';
import { GIB } from '../../../../../electron/core/transfer/part-plan.js';
import { cleanUp, destination, drive, find, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';
import { failWith } from './fake-object-api.js';

afterEach(cleanUp);

const KIB = 1024;
/** Small parts (OSS allows 100 KiB) so a 1 MB file has 11 parts. */
const SETTINGS = { multipartThreshold: 200 * KIB, partSize: 100 * KIB, partConcurrency: 4 };
const SIZE = 1_050_000;
const PARTS = 11;

const bigFile = (): FakeFs => new FakeFs().add('/m/video.mp4', SIZE);

async function checkpointFiles(stateDir: string): Promise<string[]> {
  return readdir(path.join(stateDir, 'checkpoints')).catch(() => []);
}

describe('transfer engine: multipart uploads', () => {
  it('initiates with the object headers, sends the parts in parallel (bounded), and completes with the combined CRC-64', async () => {
    const { engine, api, clock, stateDir } = await startEngine({ fs: bigFile(), settings: SETTINGS });
    api.hold('uploadPart');
    await engine.enqueue(['/m/video.mp4'], destination({ headers: { 'x-oss-storage-class': 'IA' } }));
    await until(() => api.heldCalls('uploadPart').length === 4);
    // The checkpoint is saved before any part is sent.
    expect(await checkpointFiles(stateDir)).toContain(`${find(engine, 'video.mp4').id}.json`);
    api.release();
    await drive(engine.whenIdle(), clock);

    expect(api.maxInFlight.get('uploadPart')).toBe(4);
    const [initiate] = api.callsOf('initiateMultipart');
    expect(initiate?.headers).toEqual({ 'content-type': 'video/mp4', 'x-oss-storage-class': 'IA' });
    expect(initiate?.signed.signedHeaders).toMatchObject({ 'content-type': 'video/mp4', 'x-oss-storage-class': 'IA' });
    const parts = api.callsOf('uploadPart');
    expect(parts.map((call) => call.partNumber).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: PARTS }, (_, i) => i + 1));
    expect(parts.find((call) => call.partNumber === PARTS)?.range).toEqual({ path: '/m/video.mp4', start: 10 * 100 * KIB, end: SIZE });

    const [complete] = api.callsOf('completeMultipart');
    expect(complete?.parts?.map((part) => part.partNumber)).toEqual(Array.from({ length: PARTS }, (_, i) => i + 1));
    let crc = 0n;
    for (let n = 1; n <= PARTS; n++) {
      const size = Math.min(100 * KIB, SIZE - (n - 1) * 100 * KIB);
      crc = crc64Combine(crc, BigInt(n * 1000 + size), size);
    }
    expect(complete?.expectedCrc64).toBe(formatCrc64(crc));

    const view = find(engine, 'video.mp4');
    expect(view).toMatchObject({ bytesSent: SIZE, state: { kind: 'done', result: { multipart: true, size: SIZE, crc64: formatCrc64(crc) } } });
    expect(api.objects.get('video.mp4')?.size).toBe(SIZE);
    expect(await checkpointFiles(stateDir)).toEqual([]);
  });

  it('always goes multipart above 5 GiB, whatever the threshold', async () => {
    const fs = new FakeFs().add('/m/disk.img', 6 * GIB);
    const { engine, api, clock } = await startEngine({ fs, settings: { multipartThreshold: 5 * GIB, partConcurrency: 16 } });
    await engine.enqueue(['/m/disk.img'], destination());
    await drive(engine.whenIdle(), clock, 20_000);
    expect(api.count('putObject')).toBe(0);
    // 6 GiB in 8 MiB parts.
    expect(api.count('uploadPart')).toBe(768);
    expect(find(engine, 'disk.img').state).toMatchObject({ kind: 'done', result: { multipart: true } });
  });

  it('retries a failed part alone', async () => {
    const { engine, api, clock } = await startEngine({ fs: bigFile(), settings: { ...SETTINGS, partConcurrency: 1 } });
    api.once('uploadPart', () => undefined, () => undefined, () => failWith({ kind: 'network', code: 'ECONNRESET' }));
    await engine.enqueue(['/m/video.mp4'], destination());
    await drive(engine.whenIdle(), clock);
    expect(api.callsOf('uploadPart').map((call) => call.partNumber)).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(find(engine, 'video.mp4').state.kind).toBe('done');
  });

  it('a part that fails for good stops the others and fails the file; a retry continues with the parts already sent', async () => {
    const { engine, api, clock, stateDir } = await startEngine({ fs: bigFile(), settings: { ...SETTINGS, partConcurrency: 1 } });
    api.once('uploadPart', () => undefined, () => undefined, () => undefined, () => failWith({ kind: 'http', status: 403, ossCode: 'AccessDenied', message: 'Denied.' }));
    await engine.enqueue(['/m/video.mp4'], destination());
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'video.mp4').state).toMatchObject({ kind: 'failed', error: { code: 'access-denied' } });
    expect(api.count('uploadPart')).toBe(4);
    expect(api.count('abortMultipart')).toBe(0);
    expect((await checkpointFiles(stateDir)).length).toBeGreaterThan(0);

    api.clearCalls();
    engine.retry();
    await drive(engine.whenIdle(), clock);
    expect(api.count('initiateMultipart')).toBe(0);
    expect(api.count('listParts')).toBe(1);
    expect(api.callsOf('uploadPart').map((call) => call.partNumber)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(find(engine, 'video.mp4').state.kind).toBe('done');
  });

  it('cancel during a multipart upload aborts it on the server and deletes the checkpoint', async () => {
    const { engine, api, clock, stateDir } = await startEngine({ fs: bigFile(), settings: SETTINGS });
    api.hold('uploadPart', 2);
    await engine.enqueue(['/m/video.mp4'], destination());
    await until(() => api.heldCalls('uploadPart').length > 0);
    const [uploadId] = [...api.uploads.keys()];
    engine.cancel(find(engine, 'video.mp4').id);
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'video.mp4').state.kind).toBe('canceled');
    expect(api.callsOf('abortMultipart').map((call) => call.uploadId)).toEqual([uploadId]);
    expect(api.uploads.size).toBe(0);
    expect(api.count('completeMultipart')).toBe(0);
    expect(await checkpointFiles(stateDir)).toEqual([]);
  });

  it('clearing a failed multipart transfer aborts its upload on the server', async () => {
    const { engine, api, clock, stateDir } = await startEngine({ fs: bigFile(), settings: { ...SETTINGS, partConcurrency: 1 } });
    api.once('uploadPart', () => undefined, () => failWith({ kind: 'http', status: 403, ossCode: 'AccessDenied', message: 'Denied.' }));
    await engine.enqueue(['/m/video.mp4'], destination());
    await drive(engine.whenIdle(), clock);
    engine.clearFinished();
    await drive(engine.whenIdle(), clock);
    expect(api.count('abortMultipart')).toBe(1);
    expect(api.uploads.size).toBe(0);
    expect(await checkpointFiles(stateDir)).toEqual([]);
  });
});

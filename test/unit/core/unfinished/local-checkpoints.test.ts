/** Which unfinished uploads a queue on this machine will resume (electron/core/unfinished/local-checkpoints.ts). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../../../../electron/core/transfer/engine/checkpoint-store.js';
import { locallyResumableUploadIds } from '../../../../electron/core/unfinished/local-checkpoints.js';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'dropsign-unfinished-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const header = (uploadId: string) => ({ uploadId, key: `k/${uploadId}`, size: 100 << 20, mtimeMs: 1, partSize: 8 << 20 });

describe('locallyResumableUploadIds', () => {
  it('finds the checkpoints of the app\'s queue and of every dropsign upload destination, as the engine writes them', async () => {
    const app = new CheckpointStore(path.join(dataDir, 'transfers', 'checkpoints'));
    const cliA = new CheckpointStore(path.join(dataDir, 'cli', 'dest-a', 'checkpoints'));
    const cliB = new CheckpointStore(path.join(dataDir, 'cli', 'dest-b', 'checkpoints'));
    await app.create('t1', header('APP1'));
    await cliA.create('t2', header('CLIA'));
    await cliB.create('t3', header('CLIB'));
    await Promise.all([app.close(), cliA.close(), cliB.close()]);
    expect([...(await locallyResumableUploadIds(dataDir))].sort()).toEqual(['APP1', 'CLIA', 'CLIB']);
  });

  it('is empty for a data folder with no queues, and skips damaged or foreign files without failing', async () => {
    expect((await locallyResumableUploadIds(path.join(dataDir, 'missing'))).size).toBe(0);
    const dir = path.join(dataDir, 'transfers', 'checkpoints');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'broken.json'), '{"version":1,"data":');
    await writeFile(path.join(dir, 'other.json'), '{"version":1,"data":{"uploadId":42}}');
    await writeFile(path.join(dir, 'x.parts.jsonl'), '{"uploadId":"NOTME"}\n');
    await writeFile(path.join(dataDir, 'cli'), 'a file where a folder was expected');
    expect((await locallyResumableUploadIds(dataDir)).size).toBe(0);
  });
});

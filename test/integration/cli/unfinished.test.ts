/**
 * `dropsign unfinished` as users run it: the built executable against a real local bucket that verifies
 * every signature, listing the multipart uploads nobody finished and aborting the old ones, but never one
 * a queue on this machine will resume.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../../electron/core/local-bucket/index.js';
import { presign } from '../../../electron/core/signing/presign.js';
import { CheckpointStore } from '../../../electron/core/transfer/engine/checkpoint-store.js';
import type { HttpMethod } from '../../../electron/shared/signing.js';
import { runDropsign, type CliRun } from '../../helpers/run-dropsign.js';
import { LIST_PARTS_REFUSAL, refuseListParts } from '../../helpers/refuse-list-parts.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness, type Harness } from '../local-bucket/harness.js';

let h: Harness;
let work = '';
beforeAll(async () => {
  h = await startHarness({ authenticate: verifySignature, region: 'cn-hangzhou', faults: {} });
  work = await mkdtemp(path.join(tmpdir(), 'dropsign-unfinished-cli-'));
});
afterAll(async () => {
  await h.close();
  await rm(work, { recursive: true, force: true });
});

const dataDir = (): string => path.join(work, 'state');

function unfinished(args: readonly string[], secret = ACCESS_KEY_SECRET, endpoint = h.endpoint): Promise<CliRun> {
  return runDropsign(['unfinished', ...args, '--no-profile', '--endpoint', endpoint, '--style', 'path', '--bucket', 'photos', '--region', 'cn-hangzhou'], {
    env: { PATH: process.env['PATH'] ?? '', OSS_ACCESS_KEY_ID: ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET: secret, DROPSIGN_DATA_DIR: dataDir() },
  });
}

/** One signed request to the bucket (at `endpoint`), as another tool would make it. */
async function call(method: HttpMethod, key: string, query: { name: string; value?: string }[], body?: Buffer, endpoint = h.endpoint): Promise<string> {
  const { url } = presign(
    { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET },
    { scheme: 'oss-v4', method, endpoint, style: 'path', bucket: 'photos', key, region: 'cn-hangzhou', expiresInSeconds: 60, query },
    { now: Date.now },
  );
  const response = await fetch(url, { method, ...(body === undefined ? {} : { body }) });
  expect(response.status).toBeLessThan(300);
  return response.text();
}

async function initiate(key: string, endpoint = h.endpoint): Promise<string> {
  const xml = await call('POST', key, [{ name: 'uploads' }], undefined, endpoint);
  return /<UploadId>([^<]+)<\/UploadId>/.exec(xml)?.[1] ?? '';
}

interface Listed {
  readonly key: string;
  readonly uploadId: string;
  readonly resumableHere: boolean;
}

async function listed(): Promise<Listed[]> {
  const run = await unfinished(['list', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { uploads: Listed[] }).uploads;
}

describe('dropsign unfinished', () => {
  it('lists, keeps young and locally resumable uploads, and aborts the rest', async () => {
    const crashed = await initiate('videos/crashed 1+1.mov');
    const lost = await initiate('backups/lost.tar');
    const paused = await initiate('videos/paused.mov');
    // A queue on this machine holds a checkpoint for `paused`, exactly as the engine writes one.
    const store = new CheckpointStore(path.join(dataDir(), 'cli', 'some-destination', 'checkpoints'));
    await store.create('t1', { uploadId: paused, key: 'videos/paused.mov', size: 100 << 20, mtimeMs: 1, partSize: 8 << 20 });
    await store.close();

    expect(await listed()).toEqual([
      { key: 'backups/lost.tar', uploadId: lost, initiatedAt: expect.any(String), ageSeconds: expect.any(Number), resumableHere: false },
      { key: 'videos/crashed 1+1.mov', uploadId: crashed, initiatedAt: expect.any(String), ageSeconds: expect.any(Number), resumableHere: false },
      { key: 'videos/paused.mov', uploadId: paused, initiatedAt: expect.any(String), ageSeconds: expect.any(Number), resumableHere: true },
    ]);
    // What each holds: two parts of `crashed`, nothing yet of the others.
    await call('PUT', 'videos/crashed 1+1.mov', [{ name: 'partNumber', value: '1' }, { name: 'uploadId', value: crashed }], Buffer.alloc(300 * 1024, 1));
    await call('PUT', 'videos/crashed 1+1.mov', [{ name: 'partNumber', value: '2' }, { name: 'uploadId', value: crashed }], Buffer.alloc(5, 2));
    const sized = await unfinished(['list', '--sizes', '--json']);
    expect(sized.code, sized.stderr).toBe(0);
    expect((JSON.parse(sized.stdout) as { uploads: (Listed & { parts: number; bytes: number })[] }).uploads.map((u) => [u.key, u.parts, u.bytes])).toEqual([
      ['backups/lost.tar', 0, 0],
      ['videos/crashed 1+1.mov', 2, 300 * 1024 + 5],
      ['videos/paused.mov', 0, 0],
    ]);
    expect((await unfinished(['list', '--sizes'])).stdout).toContain('3 unfinished uploads, holding 300 KB.');
    expect((await unfinished(['abort', '--sizes'])).code).toBe(2);

    const table = await unfinished([]);
    expect(table.stdout).toMatch(/videos\/paused\.mov\s+\S+\s+resumable/);
    expect(table.stdout).toContain('3 unfinished uploads');

    // By default only uploads older than a day go: these may be running elsewhere.
    const young = await unfinished(['abort']);
    expect(young.code).toBe(0);
    expect(young.stdout).toContain('Aborted 0 unfinished uploads.');
    expect(young.stdout).toContain('Left 3 started less than 1d ago');
    expect(await listed()).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const dry = await unfinished(['abort', '--older-than', '1s', '--dry-run', '--prefix', 'videos/']);
    expect(dry.stdout).toContain('Would abort 1:');
    expect(dry.stdout).toContain('videos/crashed 1+1.mov');
    expect(dry.stdout).toContain('Left 1 that a queue on this machine will resume');
    expect(await listed()).toHaveLength(3);

    const old = await unfinished(['abort', '--older-than', '1s', '--json']);
    expect(old.code, old.stderr).toBe(0);
    const outcome = JSON.parse(old.stdout) as { aborted: Listed[]; keptResumableHere: Listed[] };
    expect(outcome.aborted.map((u) => u.uploadId).sort()).toEqual([crashed, lost].sort());
    expect(outcome.keptResumableHere.map((u) => u.uploadId)).toEqual([paused]);
    expect((await listed()).map((u) => u.uploadId)).toEqual([paused]);

    // Named exactly, it goes whatever its age; a second time there is nothing left to abort.
    const exact = await unfinished(['abort', '--key', 'videos/paused.mov', '--upload-id', paused]);
    expect(exact.stdout).toContain('Aborted videos/paused.mov');
    const again = await unfinished(['abort', '--key', 'videos/paused.mov', '--upload-id', paused]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to abort');
    expect(await listed()).toEqual([]);
    expect((await unfinished([])).stdout).toContain('No unfinished uploads in photos.');
  });

  it('explains a wrong secret without showing it, and refuses contradictory options', async () => {
    const wrong = await unfinished(['list'], 'not-the-secret-at-all');
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(wrong.stderr).toContain('[signature-mismatch]');
    expect(wrong.stderr + wrong.stdout).not.toContain('not-the-secret-at-all');
    for (const args of [['abort', '--key', 'k'], ['list', '--key', 'k', '--upload-id', 'x'], ['abort', '--key', 'k', '--upload-id', 'x', '--prefix', 'p'], ['purge'], ['abort', '--older-than', '-1d']]) {
      const run = await unfinished(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/\[(invalid-argument|invalid-expiry)\]/);
    }
  });

  it('lists without sizes, saying why and exiting 1, when the server refuses to list an upload\'s parts', async () => {
    const refusing = await startHarness({ authenticate: refuseListParts, region: 'cn-hangzhou', faults: {} });
    try {
      const first = await initiate('a/first.bin', refusing.endpoint);
      const second = await initiate('b/second.bin', refusing.endpoint);

      const json = await unfinished(['list', '--sizes', '--json'], ACCESS_KEY_SECRET, refusing.endpoint);
      expect(json.code, json.stderr).toBe(1);
      const answer = JSON.parse(json.stdout) as { uploads: Record<string, unknown>[]; complete: boolean; sizesError: { code: string; message: string; hint: string } };
      expect(answer.uploads.map((u) => u['uploadId'])).toEqual([first, second]);
      expect(answer.uploads.some((u) => 'parts' in u || 'bytes' in u)).toBe(false);
      expect(answer.complete).toBe(true);
      expect(answer.sizesError).toMatchObject({ code: 'access-denied', message: expect.stringContaining(LIST_PARTS_REFUSAL), hint: expect.any(String) });

      const text = await unfinished(['list', '--sizes'], ACCESS_KEY_SECRET, refusing.endpoint);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('2 unfinished uploads.');
      expect(text.stdout).not.toContain('PARTS');
      expect(text.stderr).toContain('what each upload holds could not be looked up; the list above is complete without it.');
      expect(text.stderr).toContain('[access-denied]');
      expect(text.stdout + text.stderr).not.toContain(ACCESS_KEY_SECRET);

      // Without --sizes nothing is refused.
      expect((await unfinished(['list'], ACCESS_KEY_SECRET, refusing.endpoint)).code).toBe(0);
    } finally {
      await refusing.close();
    }
  });
});

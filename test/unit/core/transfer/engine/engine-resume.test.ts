import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialsProvider } from '../../../../../electron/core/transfer/engine/engine-types.js';
import { cleanUp, CREDENTIALS, destination, drive, find, startEngine, tempStateDir, until } from './harness.js';
import { FakeClock } from './fake-clock.js';
import { FakeFs } from './fake-fs.js';
import { FakeObjectApi } from './fake-object-api.js';

afterEach(cleanUp);

const KIB = 1024;
const SETTINGS = { multipartThreshold: 200 * KIB, partSize: 100 * KIB, partConcurrency: 1 };
const SIZE = 1_050_000;
const credentialsFor = (): CredentialsProvider => async () => CREDENTIALS;

/** Runs a multipart upload until `partsDone` parts are on the server, then closes the engine. */
async function interruptedUpload(partsDone: number) {
  const api = new FakeObjectApi();
  const fs = new FakeFs().add('/m/video.mp4', SIZE).add('/m/small.txt', 10);
  const stateDir = await tempStateDir();
  const clock = new FakeClock();
  const first = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS });
  api.hold('uploadPart', partsDone);
  await first.engine.enqueue(['/m/video.mp4'], destination());
  await until(() => api.heldCalls('uploadPart').length === 1);
  const id = find(first.engine, 'video.mp4').id;
  await first.engine.close();
  api.release();
  api.clearCalls();
  return { api, fs, stateDir, clock, id };
}

describe('transfer engine: resume after a restart', () => {
  it('continues a multipart upload without sending finished parts again (reconciled with ListParts)', async () => {
    const { api, fs, stateDir, clock, id } = await interruptedUpload(4);
    expect(api.uploads.size).toBe(1);
    expect(await readdir(path.join(stateDir, 'checkpoints'))).toEqual(expect.arrayContaining([`${id}.json`, `${id}.parts.jsonl`]));

    const second = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS, credentialsFor });
    expect(find(second.engine, 'video.mp4')).toMatchObject({ id, key: 'video.mp4' });
    await drive(second.engine.whenIdle(), clock);
    expect(api.count('initiateMultipart')).toBe(0);
    expect(api.count('listParts')).toBe(1);
    expect(api.callsOf('uploadPart').map((call) => call.partNumber)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(api.callsOf('completeMultipart')[0]?.parts).toHaveLength(11);
    expect(find(second.engine, 'video.mp4')).toMatchObject({ bytesSent: SIZE, state: { kind: 'done', result: { size: SIZE } } });
    expect(api.objects.get('video.mp4')?.size).toBe(SIZE);
  });

  it('saves the queue before initiating a multipart upload, so no checkpoint is ever orphaned by a crash', async () => {
    const stateDir = await tempStateDir();
    const fs = new FakeFs().add('/m/video.mp4', SIZE);
    const { engine, api, clock } = await startEngine({ fs, stateDir, settings: SETTINGS });
    let savedBeforeInitiate = '';
    api.once('initiateMultipart', () => {
      savedBeforeInitiate = readFileSync(path.join(stateDir, 'queue.json'), 'utf8');
      return undefined;
    });
    await engine.enqueue(['/m/video.mp4'], destination());
    await drive(engine.whenIdle(), clock);
    expect(savedBeforeInitiate).toContain(find(engine, 'video.mp4').id);
  });

  it('keeps only parts whose ETag matches the checkpoint', async () => {
    const { api, fs, stateDir, clock } = await interruptedUpload(4);
    // The server holds another version of part 2 (sent by someone else meanwhile).
    const upload = [...api.uploads.values()][0];
    upload?.parts.set(2, { etag: 'other', size: 100 * KIB });
    const second = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS, credentialsFor });
    await drive(second.engine.whenIdle(), clock);
    expect(api.callsOf('uploadPart').map((call) => call.partNumber)).toEqual([2, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('aborts the old upload and starts over when the file changed since the checkpoint', async () => {
    const { api, fs, stateDir, clock } = await interruptedUpload(4);
    const [oldUploadId] = [...api.uploads.keys()];
    fs.add('/m/video.mp4', SIZE + 1, 1_700_000_999_000);
    const second = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS, credentialsFor });
    await drive(second.engine.whenIdle(), clock);
    expect(api.callsOf('abortMultipart').map((call) => call.uploadId)).toEqual([oldUploadId]);
    expect(api.count('initiateMultipart')).toBe(1);
    expect(api.count('uploadPart')).toBe(11);
    expect(find(second.engine, 'video.mp4')).toMatchObject({ size: SIZE + 1, state: { kind: 'done', result: { size: SIZE + 1 } } });
  });

  it('starts over when the upload no longer exists on the server', async () => {
    const { api, fs, stateDir, clock } = await interruptedUpload(4);
    api.uploads.clear();
    const second = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS, credentialsFor });
    await drive(second.engine.whenIdle(), clock);
    expect(api.count('listParts')).toBe(1);
    expect(api.count('initiateMultipart')).toBe(1);
    expect(api.count('uploadPart')).toBe(11);
    expect(find(second.engine, 'video.mp4').state.kind).toBe('done');
  });

  it('saves queue.json (versioned, without secrets) and restores states: moving → queued, paused and failed kept', async () => {
    const api = new FakeObjectApi();
    const fs = new FakeFs().add('/q/a.txt', 1).add('/q/b.txt', 2).add('/q/c.txt', 3).add('/q/d.txt', 4);
    const stateDir = await tempStateDir();
    const first = await startEngine({ api, fs, stateDir, settings: { concurrency: 1 } });
    api.always('putObject', (call) => (call.key === 'q/d.txt' ? { ok: false, failure: { kind: 'http', status: 403, ossCode: 'AccessDenied', message: 'No.' } } : undefined));
    api.hold('putObject');
    await first.engine.enqueue(['/q'], destination({ profile: 'work', prefix: '' }));
    await until(() => api.heldCalls().length === 1);
    // a is moving when the engine closes, b is paused, c and d wait in the queue.
    first.engine.pause(find(first.engine, 'b.txt').id);
    await first.engine.close();

    const text = await readFile(path.join(stateDir, 'queue.json'), 'utf8');
    expect(text).not.toContain(CREDENTIALS.accessKeySecret);
    expect(text).not.toContain(CREDENTIALS.accessKeyId);
    const saved = JSON.parse(text) as { version: number; data: { destinations: Record<string, unknown>; transfers: { key: string; state: string }[] } };
    expect(saved.version).toBe(1);
    expect(Object.values(saved.data.destinations)).toEqual([expect.objectContaining({ bucket: 'photos', profile: 'work', keyTemplate: '{path}' })]);
    expect(saved.data.transfers.map((t) => [t.key, t.state])).toEqual([
      ['q/a.txt', 'queued'],
      ['q/b.txt', 'paused'],
      ['q/c.txt', 'queued'],
      ['q/d.txt', 'queued'],
    ]);

    api.release();
    const asked: string[] = [];
    const second = await startEngine({
      api,
      fs,
      stateDir,
      settings: { concurrency: 1 },
      credentialsFor: (descriptor) => {
        asked.push(descriptor.profile ?? '');
        return async () => CREDENTIALS;
      },
    });
    await drive(second.engine.whenIdle(), second.clock);
    // d fails for good this time (the fake bucket refuses it).
    const states = Object.fromEntries(second.engine.snapshot().transfers.map((view) => [view.key, view.state.kind]));
    expect(states).toEqual({ 'q/a.txt': 'done', 'q/b.txt': 'paused', 'q/c.txt': 'done', 'q/d.txt': 'failed' });
    expect(asked.every((profile) => profile === 'work')).toBe(true);
    await second.engine.close();

    // Failed transfers survive a restart too, with their error, and can be retried.
    const third = await startEngine({ api, fs, stateDir, credentialsFor });
    expect(find(third.engine, 'd.txt').state).toMatchObject({ kind: 'failed', error: { code: 'access-denied' } });
    expect(find(third.engine, 'b.txt').state.kind).toBe('paused');
    expect(third.engine.snapshot().transfers).toHaveLength(2);
  });

  it('without credentials after a restart, restored transfers fail clearly; enqueueing to the same destination lets them retry', async () => {
    const { api, fs, stateDir, clock } = await interruptedUpload(2);
    const second = await startEngine({ api, fs, stateDir, clock, settings: SETTINGS });
    await drive(second.engine.whenIdle(), clock);
    expect(find(second.engine, 'video.mp4').state).toMatchObject({ kind: 'failed', error: { code: 'missing-credentials' } });
    expect(api.calls).toHaveLength(0);
    await second.engine.enqueue(['/m/small.txt'], destination());
    second.engine.retry();
    await drive(second.engine.whenIdle(), clock);
    expect(find(second.engine, 'video.mp4').state.kind).toBe('done');
    expect(api.callsOf('uploadPart').map((call) => call.partNumber)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('sets a damaged queue.json aside and starts empty, saying where it went', async () => {
    const stateDir = await tempStateDir();
    await writeFile(path.join(stateDir, 'queue.json'), '{"version":1,"data":{"transfers":[{"id":', 'utf8');
    const { engine } = await startEngine({ stateDir });
    expect(engine.snapshot().transfers).toEqual([]);
    expect(engine.startupProblems).toEqual([expect.objectContaining({ code: 'state-file-unreadable' })]);
    expect((await readdir(stateDir)).some((name) => name.startsWith('queue.json.corrupt-'))).toBe(true);
  });

  it('drops checkpoints of transfers that are no longer in the queue', async () => {
    const stateDir = await tempStateDir();
    const dir = path.join(stateDir, 'checkpoints');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'orphan.json'), '{}', 'utf8');
    await writeFile(path.join(dir, 'orphan.parts.jsonl'), '', 'utf8');
    await startEngine({ stateDir });
    expect(await readdir(dir)).toEqual([]);
  });
});

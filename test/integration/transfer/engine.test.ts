/**
 * The transfer engine end to end: the real HTTP ObjectApi against a real local bucket that verifies every
 * signature as OSS does, with injected faults (500/503 answers, connections cut mid-upload), a server
 * clock 20 minutes ahead, a process killed in the middle of a multipart upload, and a cancel that must
 * leave nothing on the server.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransferEngine } from '../../../electron/core/transfer/engine/engine.js';
import type { Destination, EngineSettings, TransferEngine } from '../../../electron/core/transfer/engine/engine-types.js';
import { readUploadHistory } from '../../../electron/core/transfer/engine/upload-history.js';
import { createHttpObjectApi } from '../../../electron/core/transfer/http/index.js';
import type { ObjectApi } from '../../../electron/core/transfer/object-api.js';
import type { LocalBucketOptions } from '../../../electron/core/local-bucket/index.js';
import type { SigningClock } from '../../../electron/shared/signing.js';
import { REPO_ROOT } from '../../helpers/cli-path.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET } from '../local-bucket/harness.js';
import { attempt, BUCKET, pattern, startFixture, type Fixture } from './fixture.js';

const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET };
const KIB = 1024;
/** Small parts (OSS's 100 KiB minimum) so multipart files stay small. */
const MULTIPART = { multipartThreshold: 256 * KIB, partSize: 100 * KIB };
/** Quick back-off: the faults are frequent and the server is local. */
const FAST_RETRY: EngineSettings['retry'] = { baseDelayMs: 20, maxDelayMs: 400, maxAttempts: 12 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fixture(overrides: Partial<LocalBucketOptions> = {}): Promise<Fixture> {
  const fx = await startFixture(overrides);
  cleanups.push(() => fx.close());
  return fx;
}

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `dropsign-engine-${name}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function destinationFor(fx: Fixture, overrides: Partial<Destination> = {}): Destination {
  return {
    scheme: 'oss-v4',
    endpoint: fx.harness.endpoint,
    style: 'path',
    bucket: BUCKET,
    region: 'cn-hangzhou',
    prefix: '',
    keyTemplate: '{path}',
    ifExists: 'overwrite',
    link: { kind: 'presigned', expiresInSeconds: 600 },
    credentials: async () => CREDENTIALS,
    ...overrides,
  };
}

async function engineFor(stateDir: string, objectApi: ObjectApi, settings: EngineSettings): Promise<TransferEngine> {
  const engine = await createTransferEngine({
    objectApi,
    stateDir,
    settings,
    credentialsFor: () => async () => CREDENTIALS,
  });
  cleanups.push(async () => {
    await engine.close();
    objectApi.close();
  });
  return engine;
}

/** GETs `key` through a signed URL, retrying the server's injected faults. */
async function readBack(fx: Fixture, key: string, clock?: SigningClock): Promise<Buffer> {
  for (let tries = 0; ; tries++) {
    const { url } = fx.signer('oss-v4', clock)({ method: 'GET', key });
    try {
      const response = await fetch(url);
      if (response.status === 200) return Buffer.from(await response.arrayBuffer());
      if (response.status < 500 || tries > 20) throw new Error(`GET ${key}: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (tries > 20) throw error;
    }
  }
}

/** An ObjectApi that notes the part numbers it uploads and the operations it runs. */
function recording(api: ObjectApi): { api: ObjectApi; parts: number[]; ops: string[] } {
  const parts: number[] = [];
  const ops: string[] = [];
  const recorded: ObjectApi = {
    putObject: (...args) => (ops.push('putObject'), api.putObject(...args)),
    headObject: (...args) => (ops.push('headObject'), api.headObject(...args)),
    initiateMultipart: (...args) => (ops.push('initiateMultipart'), api.initiateMultipart(...args)),
    uploadPart: (sign, key, uploadId, partNumber, range, options) => {
      ops.push('uploadPart');
      parts.push(partNumber);
      return api.uploadPart(sign, key, uploadId, partNumber, range, options);
    },
    completeMultipart: (...args) => (ops.push('completeMultipart'), api.completeMultipart(...args)),
    abortMultipart: (...args) => (ops.push('abortMultipart'), api.abortMultipart(...args)),
    listParts: (...args) => (ops.push('listParts'), api.listParts(...args)),
    close: () => api.close(),
  };
  return { api: recorded, parts, ops };
}

function failures(engine: TransferEngine): string[] {
  return engine.snapshot().transfers.flatMap((view) => (view.state.kind === 'done' ? [] : [`${view.key}: ${JSON.stringify(view.state)}`]));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lines in the parts journals of the checkpoints in `stateDir` (finished parts recorded so far). */
async function journaledParts(stateDir: string): Promise<{ n: number; etag: string }[]> {
  const dir = path.join(stateDir, 'checkpoints');
  const names = await readdir(dir).catch(() => [] as string[]);
  const lines: { n: number; etag: string }[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.parts.jsonl'))) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as { n: number; etag: string });
  }
  return lines;
}

describe('transfer engine against a verifying local bucket', () => {
  it('uploads a folder of 200 small files and a few multipart files through 500s, 503s and cut connections, byte for byte', async () => {
    const fx = await fixture({ faults: { failRate: 0.1, resetRate: 0.05 } });
    const src = await tempDir('src');
    const files = new Map<string, Buffer>();
    for (let i = 0; i < 200; i++) {
      const relative = `album/set-${i % 8}/${i % 3 === 0 ? 'ünïcode ' : ''}file ${i}+x.bin`;
      const data = pattern((i * 977) % 40_000, i + 1);
      await mkdir(path.dirname(path.join(src, relative)), { recursive: true });
      await writeFile(path.join(src, relative), data);
      files.set(relative, data);
    }
    for (let i = 0; i < 3; i++) {
      const relative = `album/videos/clip-${i}.mp4`;
      const data = pattern(700 * KIB + i * 12_345, 1000 + i);
      await mkdir(path.dirname(path.join(src, relative)), { recursive: true });
      await writeFile(path.join(src, relative), data);
      files.set(relative, data);
    }
    const stateDir = await tempDir('state');
    const engine = await engineFor(stateDir, createHttpObjectApi({ provider: 'oss' }), { concurrency: 8, ...MULTIPART, retry: FAST_RETRY });

    const retried = new Set<string>();
    engine.onEvent((event) => {
      if (event.kind === 'state' && event.state.kind === 'waiting-retry') retried.add(event.id);
    });
    const result = await engine.enqueue([path.join(src, 'album')], destinationFor(fx, { prefix: 'drop' }));
    expect(result).toMatchObject({ added: 203, problems: [] });
    await engine.whenIdle();
    expect(failures(engine)).toEqual([]);
    // The faults did happen (about one request in seven fails), and were ridden out.
    expect(retried.size).toBeGreaterThan(5);

    for (const [relative, data] of files) {
      const back = await readBack(fx, `drop/${relative.normalize('NFC')}`);
      expect(back.equals(data), relative).toBe(true);
    }
    const clip = engine.snapshot().transfers.find((view) => view.key === 'drop/album/videos/clip-0.mp4');
    expect(clip?.state).toMatchObject({ kind: 'done', result: { multipart: true, crc64: expect.stringMatching(/^\d+$/) } });
    let recorded = 0;
    for await (const entry of readUploadHistory(stateDir)) if (entry.result.key.startsWith('drop/')) recorded++;
    expect(recorded).toBe(203);

    // The share link works as issued.
    const link = clip?.state.kind === 'done' ? clip.state.result.link : undefined;
    expect(link?.kind).toBe('presigned');
  }, 120_000);

  it('recovers from a server clock 20 minutes ahead (RequestTimeTooSkewed → clock offset → re-sign)', async () => {
    const fx = await fixture({ faults: { clockOffsetSeconds: 1200 } });
    const src = await tempDir('skew');
    const small = pattern(5000, 3);
    const big = pattern(450 * KIB, 4);
    await writeFile(path.join(src, 'note.txt'), small);
    await writeFile(path.join(src, 'big.bin'), big);
    const stateDir = await tempDir('state');
    const engine = await engineFor(stateDir, createHttpObjectApi({ provider: 'oss' }), { ...MULTIPART, retry: FAST_RETRY });
    let secondAttempts = 0;
    engine.onEvent((event) => {
      if (event.kind === 'state' && event.state.kind === 'uploading' && event.state.attempt > 1) secondAttempts++;
    });
    await engine.enqueue([path.join(src, 'note.txt'), path.join(src, 'big.bin')], destinationFor(fx));
    await engine.whenIdle();
    expect(failures(engine)).toEqual([]);
    // The first request was refused as skewed; once the offset is learnt, later requests are signed right.
    expect(secondAttempts).toBeGreaterThanOrEqual(1);
    const serverClock: SigningClock = { now: () => Date.now(), offsetMs: 1_200_000 };
    expect((await readBack(fx, 'note.txt', serverClock)).equals(small)).toBe(true);
    expect((await readBack(fx, 'big.bin', serverClock)).equals(big)).toBe(true);
  });

  it('resumes a multipart upload after the process was killed, without re-sending finished parts', async () => {
    const fx = await fixture({ faults: { latencyMs: 60 } });
    const src = await tempDir('kill');
    const data = pattern(3 * 1024 * KIB + 777, 9);
    const file = path.join(src, 'archive.tar');
    await writeFile(file, data);
    const stateDir = await tempDir('state');
    const settings: EngineSettings = { ...MULTIPART, partConcurrency: 2, retry: FAST_RETRY };
    const { credentials: _omit, ...descriptor } = destinationFor(fx);
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const c = JSON.parse(process.env.ENGINE_CHILD);
         const { createTransferEngine } = await import(c.engine);
         const { createHttpObjectApi } = await import(c.http);
         const engine = await createTransferEngine({ objectApi: createHttpObjectApi({ provider: 'oss' }), stateDir: c.stateDir, settings: c.settings });
         await engine.enqueue([c.file], { ...c.descriptor, credentials: async () => c.credentials });
         await engine.whenIdle();`,
      ],
      {
        env: {
          ...process.env,
          ENGINE_CHILD: JSON.stringify({
            engine: pathToFileURL(path.join(REPO_ROOT, 'out/electron/core/transfer/engine/engine.js')).href,
            http: pathToFileURL(path.join(REPO_ROOT, 'out/electron/core/transfer/http/index.js')).href,
            stateDir,
            settings,
            file,
            descriptor,
            credentials: CREDENTIALS,
          }),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    try {
      await waitFor(async () => (await journaledParts(stateDir)).length >= 8 || child.exitCode !== null);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited, stderr).toBe('SIGKILL');
    const finished = await journaledParts(stateDir);
    expect(finished.length).toBeGreaterThanOrEqual(8);
    expect(finished.length).toBeLessThan(31);

    const { api, parts, ops } = recording(createHttpObjectApi({ provider: 'oss' }));
    const engine = await engineFor(stateDir, api, settings);
    // Restored from queue.json (written before the upload was initiated) and started at once.
    expect(engine.snapshot().transfers).toEqual([expect.objectContaining({ key: 'archive.tar', size: data.length })]);
    await engine.whenIdle();
    expect(failures(engine)).toEqual([]);
    expect(ops.filter((op) => op === 'initiateMultipart')).toEqual([]);
    expect(ops.filter((op) => op === 'listParts')).toEqual(['listParts']);
    const resent = parts.filter((n) => finished.some((part) => part.n === n));
    expect(resent).toEqual([]);
    expect(parts.length + finished.length).toBeGreaterThanOrEqual(31);
    expect((await readBack(fx, 'archive.tar')).equals(data)).toBe(true);
  }, 60_000);

  it('cancel aborts the multipart upload on the server (ListParts then says NoSuchUpload)', async () => {
    const fx = await fixture({ faults: { latencyMs: 60 } });
    const src = await tempDir('cancel');
    await writeFile(path.join(src, 'movie.mkv'), pattern(2 * 1024 * KIB, 5));
    const stateDir = await tempDir('state');
    const api = createHttpObjectApi({ provider: 'oss' });
    const engine = await engineFor(stateDir, api, { ...MULTIPART, partConcurrency: 2 });
    const { ids } = await engine.enqueue([path.join(src, 'movie.mkv')], destinationFor(fx));
    const id = ids[0] ?? '';
    await waitFor(async () => (await journaledParts(stateDir)).length >= 2);
    const header = JSON.parse(await readFile(path.join(stateDir, 'checkpoints', `${id}.json`), 'utf8')) as { data: { uploadId: string } };
    const before = await api.listParts(fx.signer(), 'movie.mkv', header.data.uploadId, attempt());
    expect(before.ok).toBe(true);

    engine.cancel(id);
    await engine.whenIdle();
    expect(engine.snapshot().transfers[0]?.state.kind).toBe('canceled');
    const after = await api.listParts(fx.signer(), 'movie.mkv', header.data.uploadId, attempt());
    expect(after).toMatchObject({ ok: false, failure: { kind: 'http', status: 404, ossCode: 'NoSuchUpload' } });
    expect(await readdir(path.join(stateDir, 'checkpoints'))).toEqual([]);
    const head = await api.headObject(fx.signer(), 'movie.mkv', attempt());
    expect(head).toEqual({ ok: true, value: { exists: false } });
  });
});

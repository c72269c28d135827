/**
 * The app services end to end, as main and the web host will drive them: the real embedded local bucket
 * (any free port) verifying every signature as OSS does, the real transfer engine and HTTP layer, an
 * in-memory keychain. A folder goes up through the built-in `local` profile with events and progress in
 * `seq` order; the history and the snapshot agree; a stored profile keeps its secret out of every answer
 * and file; a handed-out PUT link works with exactly its headers and is refused with another Content-Type.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/core/app/index.js';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store.js';
import type { InvokeChannel, InvokeResult, InvokeValue } from '../../../electron/shared/ipc/channels.js';
import { isFinalState, type TransferEvent, type TransferSnapshot } from '../../../electron/shared/transfer.js';

const MIB = 1024 * 1024;
const OTHER_KEY_ID = 'LTAI5tOtherBucketKey';
const OTHER_SECRET = `Other+Secret/${Date.now().toString(36)}=NeverInAFile`;

let root = '';
let dataDir = '';
let services: AppServices;
let other: LocalBucketHandle;
const keychain = new MemorySecretStore({ kind: 'available' }, 'the test keychain');
/** Every event and progress batch, in arrival order. */
const arrivals: { readonly channel: 'events' | 'progress'; readonly seq: number; readonly event?: TransferEvent }[] = [];

/** The value of a successful reply (fails the test otherwise, showing the error). */
async function value<C extends InvokeChannel>(reply: Promise<InvokeResult<C>>): Promise<InvokeValue<C>> {
  const result = await reply;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function pattern(size: number, seed: number): Buffer {
  const data = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24;
  }
  return data;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dropsign-app-it-'));
  dataDir = path.join(root, 'data');
  other = await startLocalBucket({
    dataDir: path.join(root, 'other-bucket'),
    buckets: ['photos'],
    region: 'cn-hangzhou',
    accessKeys: new Map([[OTHER_KEY_ID, OTHER_SECRET]]),
    authenticate: verifySignature,
  });
  services = await createAppServices({
    appDataDir: dataDir,
    face: 'desktop',
    version: '0.0.0-test',
    env: {},
    home: root,
    localBucket: { port: 0 },
    secretStores: () => keychain,
    engineTuning: { retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 } },
  });
  services.on('transfers:events', (events) => events.forEach((event) => arrivals.push({ channel: 'events', seq: event.seq, event })));
  services.on('transfers:progress', (batch) => arrivals.push({ channel: 'progress', seq: batch.seq }));
});

afterAll(async () => {
  await services?.close();
  await other?.close();
  await rm(root, { recursive: true, force: true });
});

describe('app services against the embedded local bucket', () => {
  it('points the built-in profile at the port the local bucket actually got', async () => {
    const info = await value(services.invoke('app:info', []));
    expect(info.localBucket.kind).toBe('running');
    const endpoint = info.localBucket.kind === 'running' ? info.localBucket.endpoint : '';
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info).toMatchObject({ face: 'desktop', defaultProfile: 'local', keychain: { kind: 'available' } });
    expect(await value(services.invoke('profiles:get', ['local']))).toMatchObject({ endpointUrl: endpoint, secret: 'built-in', builtIn: true });
    expect(await value(services.invoke('profiles:test', []))).toMatchObject({ profile: 'local', ok: true, endpoint });
  });

  it('uploads a folder through `local`: events and progress in seq order, then history and snapshot agree', async () => {
    // A small multipart threshold (the queue is empty, so the engine takes it at once) makes one file go in parts.
    await value(services.invoke('settings:set', [{ multipartThreshold: 6 * MIB, concurrency: 3 }]));
    const folder = path.join(root, 'album');
    await mkdir(path.join(folder, 'day 1'), { recursive: true });
    const files: Record<string, Buffer> = {
      'a.txt': Buffer.from('hello'),
      'day 1/b.bin': pattern(300_000, 2),
      'day 1/big.bin': pattern(13 * MIB, 3),
      'empty.txt': Buffer.alloc(0),
    };
    for (const [name, data] of Object.entries(files)) await writeFile(path.join(folder, name), data);

    const outcome = await value(services.invoke('transfers:enqueue', [{ paths: [folder], prefix: 'it' }]));
    expect(outcome).toMatchObject({ profile: 'local', problems: [], alreadyQueued: 0 });
    expect(outcome.ids).toHaveLength(4);
    const finalIds = (): Set<string> =>
      new Set(arrivals.flatMap((a) => (a.event?.kind === 'state' && isFinalState(a.event.state) ? [a.event.id] : [])));
    await until('every upload to finish', () => outcome.ids.every((id) => finalIds().has(id)));

    const seqs = arrivals.map((a) => a.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(arrivals.some((a) => a.channel === 'progress')).toBe(true);
    const done = arrivals.flatMap((a) => (a.event?.kind === 'state' && a.event.state.kind === 'done' ? [a.event] : []));
    expect(done.map((e) => e.key).sort()).toEqual(['it/album/a.txt', 'it/album/day 1/b.bin', 'it/album/day 1/big.bin', 'it/album/empty.txt']);

    for (const event of done) {
      if (event.kind !== 'state' || event.state.kind !== 'done') continue;
      const { link, multipart } = event.state.result;
      expect(link?.kind).toBe('presigned');
      const response = await fetch(link?.url ?? '');
      const name = event.key.slice('it/album/'.length);
      expect(Buffer.from(await response.arrayBuffer()).equals(files[name] ?? Buffer.alloc(1))).toBe(true);
      expect(multipart).toBe(name === 'day 1/big.bin');
    }

    const history = await value(services.invoke('history:list', [{ text: 'it/album' }]));
    expect(history.entries.map((e) => e.result.key).sort()).toEqual(done.map((e) => e.key).sort());
    expect((await value(services.invoke('history:list', [{ text: 'big', limit: 1 }]))).entries.map((e) => e.path)).toEqual([path.join(folder, 'day 1', 'big.bin')]);

    const snapshot: TransferSnapshot = await value(services.invoke('transfers:snapshot', []));
    expect(snapshot.seq).toBeGreaterThanOrEqual(seqs[seqs.length - 1] ?? 0);
    expect(snapshot.transfers.map((t) => t.id).sort()).toEqual([...outcome.ids].sort());
    expect(snapshot.transfers.every((t) => t.state.kind === 'done' && t.bytesSent === t.size)).toBe(true);
    expect(snapshot.totals).toMatchObject({ files: 4, filesDone: 4, bytesTotal: 13 * MIB + 300_005, bytesSent: 13 * MIB + 300_005 });

    await value(services.invoke('transfers:clear-finished', []));
    expect(services.snapshot().transfers).toEqual([]);
  });

  it('keeps a stored profile secret write-only: not in any answer, not in any file; tests it; removes it', async () => {
    const saved = await value(
      services.invoke('profiles:save', [
        {
          profile: { name: 'other', provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'custom', url: other.endpoint }, bucket: 'photos', accessKeyId: OTHER_KEY_ID },
          secret: { accessKeySecret: OTHER_SECRET },
        },
      ]),
    );
    expect(saved.profile).toMatchObject({ name: 'other', style: 'path', secret: 'stored', isDefault: true });
    const report = await value(services.invoke('profiles:test', ['other']));
    expect(report).toMatchObject({ ok: true, profile: 'other', route: 'direct' });

    const file = path.join(root, 'for-other.txt');
    await writeFile(file, 'to the other bucket');
    const queued = await value(services.invoke('transfers:enqueue', [{ paths: [file] }]));
    expect(queued.profile).toBe('other');
    await until('the upload to the other bucket', () => services.snapshot().transfers.some((t) => t.id === queued.ids[0] && t.state.kind === 'done'));

    const answers = await Promise.all([
      services.invoke('profiles:list', []),
      services.invoke('profiles:get', ['other']),
      services.invoke('app:info', []),
      services.invoke('transfers:snapshot', []),
      services.invoke('history:list', []),
    ]);
    for (const answer of [saved, report, ...answers]) expect(JSON.stringify(answer)).not.toContain(OTHER_SECRET);
    for (const name of await readdir(dataDir, { recursive: true })) {
      const full = path.join(dataDir, name);
      if ((await stat(full)).isFile()) expect((await readFile(full)).includes(OTHER_SECRET)).toBe(false);
    }

    expect(await value(services.invoke('profiles:remove', ['other']))).toEqual({ removed: true, wasDefault: true, secretDeleted: true });
    expect(keychain.entries.size).toBe(0);
    expect(await services.invoke('profiles:test', ['other'])).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
  });

  it('hands out a PUT link that works with its headers and is refused with another Content-Type', async () => {
    const key = "shared/it's here.txt";
    const link = await value(
      services.invoke('links:create', [{ method: 'PUT', key, contentType: 'text/plain', metadata: [{ name: 'from', value: 'tests' }], expiresInSeconds: 600 }]),
    );
    expect(link.headers).toEqual({ 'content-type': 'text/plain', 'x-oss-meta-from': 'tests' });
    expect(link.warnings).toEqual([]);

    const refused = await fetch(link.url, { method: 'PUT', headers: { ...link.headers, 'content-type': 'image/png' }, body: 'nope' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    const accepted = await fetch(link.url, { method: 'PUT', headers: link.headers, body: 'uploaded by a link' });
    expect(accepted.status).toBe(200);

    const download = await value(services.invoke('links:create', [{ method: 'GET', key, responseContentDisposition: 'attachment; filename="here.txt"' }]));
    const got = await fetch(download.url);
    expect(await got.text()).toBe('uploaded by a link');
    expect(got.headers.get('x-oss-meta-from')).toBe('tests');
  });

  it('gives a curl snippet that runs as printed', async () => {
    const curl = spawnSync('curl', ['--version']);
    if (curl.status !== 0) return;
    const dir = path.join(root, 'curl');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "my file's.txt"), 'sent with curl');
    const link = await value(services.invoke('links:create', [{ method: 'PUT', key: 'snippets/$HOME `x`.txt', contentType: 'text/plain', fileName: "my file's.txt" }]));
    // Asynchronously: the local bucket answering curl runs in this very process.
    const run = promisify(execFile);
    await run('sh', ['-c', link.snippets.curl], { cwd: dir });
    const download = await value(services.invoke('links:create', [{ method: 'GET', key: 'snippets/$HOME `x`.txt', fileName: 'back.txt' }]));
    await run('sh', ['-c', download.snippets.curl], { cwd: dir });
    expect(await readFile(path.join(dir, 'back.txt'), 'utf8')).toBe('sent with curl');
  });

  it('round-trips settings and refuses invalid ones', async () => {
    const next = await value(services.invoke('settings:set', [{ defaultLinkExpirySeconds: 120, notifications: false }]));
    expect(next).toMatchObject({ defaultLinkExpirySeconds: 120, notifications: false });
    expect(await value(services.invoke('settings:get', []))).toEqual(next);
    const link = await value(services.invoke('links:create', [{ method: 'GET', key: 'a' }]));
    expect(Date.parse(link.expiresAt) - Date.parse(link.signedAt)).toBe(120_000);
    expect(await services.invoke('settings:set', [{ partSize: 1 }])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'partSize' } } });
  });

  it('answers a failure as a typed Result without a stack', async () => {
    const missing = await services.invoke('transfers:enqueue', [{ paths: [path.join(root, 'does-not-exist')], profile: 'nobody' }]);
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'profile-not-found' }) });
    const notFound = await value(services.invoke('transfers:enqueue', [{ paths: [path.join(root, 'does-not-exist')] }]));
    expect(notFound.problems).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'file-not-found' }) })]);
    expect(JSON.stringify([missing, notFound])).not.toMatch(/\n\s+at /);
  });
});

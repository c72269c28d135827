import { afterEach, describe, expect, it } from 'vitest';
import { readUploadHistory, type HistoryEntry } from '../../../../../electron/core/transfer/engine/upload-history.js';
import { cleanUp, destination, drive, find, history, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';

afterEach(cleanUp);

function dropFolder(): FakeFs {
  return new FakeFs()
    .add('/drop/album/a.jpg', 300)
    .add('/drop/album/sub/b c+d.txt', 20)
    .add('/drop/album/empty.bin', 0)
    .add('/drop/album/日本語/ファイル.md', 7)
    .add('/drop/single.png', 50);
}

describe('transfer engine: uploading files and folders', () => {
  it('uploads a folder (keeping its structure under the prefix) and a single file, with Content-Type', async () => {
    const { engine, api, events } = await startEngine({ fs: dropFolder() });
    const result = await engine.enqueue(['/drop/album', '/drop/single.png'], destination({ prefix: 'uploads/' }));
    expect(result).toMatchObject({ added: 5, problems: [] });
    await engine.whenIdle();

    expect([...api.objects.keys()].sort()).toEqual([
      'uploads/album/a.jpg',
      'uploads/album/empty.bin',
      'uploads/album/sub/b c+d.txt',
      'uploads/album/日本語/ファイル.md',
      'uploads/single.png',
    ]);
    expect(api.objects.get('uploads/album/a.jpg')?.headers['content-type']).toBe('image/jpeg');
    expect(api.objects.get('uploads/album/sub/b c+d.txt')?.headers['content-type']).toBe('text/plain; charset=utf-8');
    // Content-Type is signed into the URL (the HTTP layer sends exactly what was signed).
    const put = api.callsOf('putObject').find((call) => call.key === 'uploads/single.png');
    expect(put?.signed.signedHeaders['content-type']).toBe('image/png');
    // A zero-byte file is a PUT of nothing.
    expect(api.callsOf('putObject').find((call) => call.key === 'uploads/album/empty.bin')?.range).toMatchObject({ start: 0, end: 0 });

    const snapshot = engine.snapshot();
    expect(snapshot.transfers.every((view) => view.state.kind === 'done')).toBe(true);
    expect(snapshot.totals).toMatchObject({ files: 5, filesDone: 5, filesFailed: 0, bytesTotal: 377, bytesSent: 377 });
    const view = find(engine, 'a.jpg');
    expect(history(events, view.id)).toEqual(['uploading', 'done']);
    expect(view.state).toMatchObject({ kind: 'done', result: { key: 'uploads/album/a.jpg', size: 300, multipart: false } });
  });

  it('does not queue a file twice for the same destination while it is pending, but does once it is done', async () => {
    const { engine, api } = await startEngine({ fs: dropFolder() });
    engine.pause();
    const first = await engine.enqueue(['/drop/single.png', '/drop/single.png'], destination());
    expect(first).toMatchObject({ added: 1 });
    engine.pause();
    const again = await engine.enqueue(['/drop/album', '/drop/single.png'], destination());
    expect(again).toMatchObject({ added: 4, alreadyQueued: 1 });
    // Another destination is another upload.
    expect(await engine.enqueue(['/drop/single.png'], destination({ prefix: 'other/' }))).toMatchObject({ added: 1, alreadyQueued: 0 });
    engine.resume();
    await engine.whenIdle();
    expect(api.callsOf('putObject').filter((call) => call.key === 'single.png')).toHaveLength(1);
    // Once done, dropping it again uploads it again (a new version, by the destination's policy).
    expect(await engine.enqueue(['/drop/single.png'], destination())).toMatchObject({ added: 1, alreadyQueued: 0 });
  });

  it('emits added events as files are found, in queue order, with strictly increasing seq', async () => {
    const { engine, events } = await startEngine({ fs: dropFolder() });
    await engine.enqueue(['/drop/album'], destination());
    await engine.whenIdle();
    const added = events.filter((event) => event.kind === 'added');
    expect(added.map((event) => (event.kind === 'added' ? event.transfer.key : ''))).toEqual([
      'album/a.jpg',
      'album/empty.bin',
      'album/sub/b c+d.txt',
      'album/日本語/ファイル.md',
    ]);
    const seqs = events.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('never runs more than `concurrency` uploads at once', async () => {
    const fs = new FakeFs();
    for (let i = 0; i < 12; i++) fs.add(`/many/f${String(i).padStart(2, '0')}.bin`, 10);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 3 } });
    api.hold('putObject');
    await engine.enqueue(['/many'], destination());
    await until(() => api.heldCalls('putObject').length === 3);
    for (let released = 0; released < 12; released++) {
      await until(() => api.heldCalls('putObject').length > 0);
      expect(api.inFlight.get('putObject')).toBeLessThanOrEqual(3);
      api.releaseOne('putObject');
    }
    await engine.whenIdle();
    expect(api.maxInFlight.get('putObject')).toBe(3);
    expect(api.objects.size).toBe(12);
  });

  it('fails only the file that vanished; the rest finish', async () => {
    const fs = new FakeFs();
    for (const name of ['a', 'b', 'c', 'd', 'e']) fs.add(`/set/${name}.txt`, 5);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 1 } });
    api.hold('putObject');
    await engine.enqueue(['/set'], destination());
    await until(() => api.heldCalls('putObject').length === 1);
    fs.delete('/set/c.txt');
    api.release();
    await engine.whenIdle();
    const states = Object.fromEntries(engine.snapshot().transfers.map((view) => [view.key, view.state]));
    expect(states['set/c.txt']).toMatchObject({ kind: 'failed', error: { code: 'file-vanished' } });
    expect(Object.values(states).filter((state) => state.kind === 'done')).toHaveLength(4);
    expect(api.callsOf('putObject').map((call) => call.key)).not.toContain('set/c.txt');
  });

  it('fails a file that changed while it was uploading, without retrying', async () => {
    const fs = new FakeFs().add('/grow/log.txt', 100);
    const { engine, api } = await startEngine({ fs });
    api.once('putObject', () => {
      fs.add('/grow/log.txt', 150, 1_700_000_000_999);
      return undefined;
    });
    await engine.enqueue(['/grow/log.txt'], destination());
    await engine.whenIdle();
    expect(find(engine, 'log.txt').state).toMatchObject({ kind: 'failed', error: { code: 'file-changed' } });
    expect(api.count('putObject')).toBe(1);
  });

  it('reports scan problems and unusable keys without stopping the rest', async () => {
    const fs = new FakeFs().add('/mixed/ok.txt', 1).add('/mixed/secret.txt', 1);
    fs.unreadable.add('/mixed/secret.txt');
    const { engine } = await startEngine({ fs });
    const result = await engine.enqueue(['/mixed', '/nowhere.txt'], destination());
    expect(result.added).toBe(1);
    expect(result.problems.map((problem) => problem.error.code).sort()).toEqual(['file-not-found', 'file-unreadable']);
    await engine.whenIdle();
    expect(find(engine, 'ok.txt').state.kind).toBe('done');

    // A key OSS would refuse (too long) is a problem of that file, found before any request.
    const long = new FakeFs().add(`/long/${'x'.repeat(1100)}.txt`, 1).add('/long/fine.txt', 1);
    const second = await startEngine({ fs: long });
    const outcome = await second.engine.enqueue(['/long'], destination());
    expect(outcome.added).toBe(1);
    expect(outcome.problems[0]?.error.code).toBe('invalid-key');
    await second.engine.whenIdle();
    expect(second.api.count('putObject')).toBe(1);
  });

  it('rejects an invalid destination before scanning', async () => {
    const { engine } = await startEngine({ fs: dropFolder() });
    await expect(engine.enqueue(['/drop'], destination({ keyTemplate: '{nope}' }))).rejects.toMatchObject({ code: 'invalid-key-template' });
    await expect(engine.enqueue(['/drop'], destination({ link: { kind: 'public', urlTemplate: 'https://cdn.example.com/static' } }))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(engine.enqueue(['/drop'], destination({ link: { kind: 'presigned', expiresInSeconds: 10_000_000 } }))).rejects.toMatchObject({
      code: 'invalid-expiry',
    });
    expect(engine.snapshot().transfers).toHaveLength(0);
  });

  it('renders {sha256:N} keys after hashing the file', async () => {
    const fs = new FakeFs().add('/h/photo.jpg', 10);
    const { engine, api } = await startEngine({ fs });
    await engine.enqueue(['/h/photo.jpg'], destination({ keyTemplate: '{sha256:12}.{ext}', prefix: 'cas' }));
    await engine.whenIdle();
    const [key] = [...api.objects.keys()];
    expect(key).toMatch(/^cas\/[0-9a-f]{12}\.jpg$/);
    expect(fs.hashes).toBe(1);
    expect(find(engine, 'photo.jpg').key).toBe(key);
  });

  it('makes share links: presigned GET with the chosen expiry, or a public URL with the key encoded per segment', async () => {
    const fs = new FakeFs().add('/l/a b+c.txt', 3);
    const presigned = await startEngine({ fs });
    await presigned.engine.enqueue(['/l/a b+c.txt'], destination({ prefix: 'dir x', link: { kind: 'presigned', expiresInSeconds: 3600 } }));
    await presigned.engine.whenIdle();
    const link = (find(presigned.engine, 'a b+c.txt').state as { result?: { link?: { kind: string; url: string; expiresAt?: string } } }).result?.link;
    expect(link?.kind).toBe('presigned');
    expect(link?.url).toMatch(/^https:\/\/photos\.oss-cn-hangzhou\.aliyuncs\.com\/dir%20x\/a%20b%2Bc\.txt\?/);
    expect(new URL(link?.url ?? '').searchParams.get('x-oss-expires')).toBe('3600');
    expect(Date.parse(link?.expiresAt ?? '')).toBe(Date.UTC(2026, 0, 15, 13, 0, 0));

    const pub = await startEngine({ fs });
    await pub.engine.enqueue(['/l/a b+c.txt'], destination({ prefix: 'dir x', link: { kind: 'public', urlTemplate: 'https://cdn.example.com/{bucket}/{key}' } }));
    await pub.engine.whenIdle();
    expect(find(pub.engine, 'a b+c.txt').state).toMatchObject({
      kind: 'done',
      result: { link: { kind: 'public', url: 'https://cdn.example.com/photos/dir%20x/a%20b%2Bc.txt' } },
    });
  });

  it('records every finished upload in history.jsonl', async () => {
    const { engine, stateDir } = await startEngine({ fs: dropFolder() });
    await engine.enqueue(['/drop/single.png', '/drop/album/a.jpg'], destination());
    await engine.whenIdle();
    const entries: HistoryEntry[] = [];
    for await (const entry of readUploadHistory(stateDir)) entries.push(entry);
    expect(entries.map((entry) => entry.result.key).sort()).toEqual(['a.jpg', 'single.png']);
    expect(entries[0]).toMatchObject({ bucket: 'photos', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', result: { etag: expect.any(String), crc64: expect.any(String) } });
    await engine.close();
  });

  it('whenIdle waits for queued and moving transfers, and resolves at once when there are none', async () => {
    const { engine, api, clock } = await startEngine({ fs: dropFolder() });
    await engine.whenIdle();
    api.hold('putObject');
    await engine.enqueue(['/drop/single.png'], destination());
    let idle = false;
    void engine.whenIdle().then(() => (idle = true));
    await until(() => api.heldCalls().length === 1);
    expect(idle).toBe(false);
    api.release();
    await drive(engine.whenIdle(), clock);
    await until(() => idle);
  });
});

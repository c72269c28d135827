import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, destination, drive, find, startEngine } from './harness.js';
import { FakeFs } from './fake-fs.js';
import type { FakeObjectApi } from './fake-object-api.js';

afterEach(cleanUp);

const fs = (): FakeFs => new FakeFs().add('/p/photo.jpg', 42);

function existing(api: FakeObjectApi, ...keys: string[]): void {
  for (const key of keys) api.objects.set(key, { size: 7, etag: `old-${key}`, headers: {} });
}

describe('transfer engine: existing-object policies', () => {
  it('overwrite: uploads without asking', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs() });
    existing(api, 'photo.jpg');
    await engine.enqueue(['/p/photo.jpg'], destination({ ifExists: 'overwrite' }));
    await drive(engine.whenIdle(), clock);
    expect(api.count('headObject')).toBe(0);
    expect(api.objects.get('photo.jpg')?.size).toBe(42);
    expect(api.callsOf('putObject')[0]?.headers?.['x-oss-forbid-overwrite']).toBeUndefined();
  });

  it('skip: an existing key ends the transfer as skipped, with a reason', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs() });
    existing(api, 'photo.jpg');
    await engine.enqueue(['/p/photo.jpg'], destination({ ifExists: 'skip' }));
    await drive(engine.whenIdle(), clock);
    expect(api.count('putObject')).toBe(0);
    expect(find(engine, 'photo.jpg').state).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('already exists') });
    expect(engine.snapshot().totals).toMatchObject({ filesDone: 1, bytesTotal: 0 });
  });

  it('skip: a free key is uploaded', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs() });
    await engine.enqueue(['/p/photo.jpg'], destination({ ifExists: 'skip' }));
    await drive(engine.whenIdle(), clock);
    expect(api.count('headObject')).toBe(1);
    expect(find(engine, 'photo.jpg').state.kind).toBe('done');
  });

  it('fail: an existing key fails with object-exists; a free key is uploaded with x-oss-forbid-overwrite', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs().add('/p/new.jpg', 5) });
    existing(api, 'photo.jpg');
    await engine.enqueue(['/p/photo.jpg', '/p/new.jpg'], destination({ ifExists: 'fail' }));
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'photo.jpg').state).toMatchObject({ kind: 'failed', error: { code: 'object-exists' } });
    const put = api.callsOf('putObject');
    expect(put.map((call) => call.key)).toEqual(['new.jpg']);
    expect(put[0]?.signed.signedHeaders['x-oss-forbid-overwrite']).toBe('true');
  });

  it('fail: an object that appears between HEAD and PUT is still caught by the server', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs() });
    api.once('headObject', () => {
      existing(api, 'photo.jpg');
      return { ok: true, value: { exists: false } };
    });
    await engine.enqueue(['/p/photo.jpg'], destination({ ifExists: 'fail' }));
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'photo.jpg').state).toMatchObject({ kind: 'failed', error: { code: 'object-exists', details: { requestId: 'REQ-EXISTS' } } });
    expect(api.objects.get('photo.jpg')?.size).toBe(7);
  });

  it('rename: tries "name (1).ext", "name (2).ext"… until one is free', async () => {
    const { engine, api, clock } = await startEngine({ fs: fs() });
    existing(api, 'shots/photo.jpg', 'shots/photo (1).jpg');
    await engine.enqueue(['/p/photo.jpg'], destination({ ifExists: 'rename', prefix: 'shots' }));
    await drive(engine.whenIdle(), clock);
    expect(api.callsOf('headObject').map((call) => call.key)).toEqual(['shots/photo.jpg', 'shots/photo (1).jpg', 'shots/photo (2).jpg']);
    expect(api.objects.get('shots/photo (2).jpg')?.size).toBe(42);
    const view = find(engine, 'photo.jpg');
    expect(view.key).toBe('shots/photo (2).jpg');
    expect(view.state).toMatchObject({ kind: 'done', result: { key: 'shots/photo (2).jpg' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, destination, drive, find, history, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';

afterEach(cleanUp);

const three = (): FakeFs => new FakeFs().add('/c/a.txt', 10).add('/c/b.txt', 20).add('/c/c.txt', 30);

describe('transfer engine: pause, resume, cancel, retry, remove', () => {
  it('pauses and resumes one transfer while the others go on', async () => {
    const { engine, api, clock, events } = await startEngine({ fs: three(), settings: { concurrency: 1 } });
    api.hold('putObject');
    await engine.enqueue(['/c'], destination());
    await until(() => api.heldCalls().length === 1);
    const b = find(engine, 'b.txt');
    engine.pause(b.id);
    expect(find(engine, 'b.txt').state.kind).toBe('paused');
    api.release();
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'a.txt').state.kind).toBe('done');
    expect(find(engine, 'c.txt').state.kind).toBe('done');
    expect(find(engine, 'b.txt').state.kind).toBe('paused');
    expect(api.callsOf('putObject').map((call) => call.key)).toEqual(['c/a.txt', 'c/c.txt']);

    engine.resume(b.id);
    await drive(engine.whenIdle(), clock);
    expect(history(events, b.id)).toEqual(['paused', 'queued', 'uploading', 'done']);
  });

  it('pauses a moving upload (aborting its request) and resumes it from the start', async () => {
    const { engine, api, clock } = await startEngine({ fs: three() });
    api.hold('putObject');
    await engine.enqueue(['/c/a.txt'], destination());
    await until(() => api.heldCalls().length === 1);
    const [held] = api.heldCalls();
    engine.pause();
    expect(held?.options.signal.aborted).toBe(true);
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'a.txt').state.kind).toBe('paused');
    api.release();
    engine.resume();
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'a.txt').state.kind).toBe('done');
    expect(api.count('putObject')).toBe(2);
  });

  it('pauses a transfer waiting to retry (no retry follows) and resumes it', async () => {
    const { engine, api, clock, events } = await startEngine({ fs: three() });
    api.once('putObject', () => ({ ok: false, failure: { kind: 'network', code: 'ECONNRESET' } }));
    await engine.enqueue(['/c/a.txt'], destination());
    await until(() => find(engine, 'a.txt').state.kind === 'waiting-retry');
    engine.pause();
    await drive(engine.whenIdle(), clock);
    // Long past the retry time, nothing was sent again.
    clock.advance(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(api.count('putObject')).toBe(1);
    engine.resume();
    await drive(engine.whenIdle(), clock);
    expect(history(events, find(engine, 'a.txt').id)).toEqual(['uploading', 'waiting-retry', 'paused', 'queued', 'uploading', 'done']);
  });

  it('pause all and resume all', async () => {
    const { engine, api, clock } = await startEngine({ fs: three(), settings: { concurrency: 2 } });
    api.hold('putObject');
    await engine.enqueue(['/c'], destination());
    await until(() => api.heldCalls().length === 2);
    engine.pause();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().transfers.map((view) => view.state.kind)).toEqual(['paused', 'paused', 'paused']);
    expect(api.heldCalls()).toHaveLength(0);
    api.release();
    engine.resume();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().transfers.map((view) => view.state.kind)).toEqual(['done', 'done', 'done']);
  });

  it('cancels one transfer (moving or queued) and all; a canceled one can be retried', async () => {
    const { engine, api, clock } = await startEngine({ fs: three(), settings: { concurrency: 1 } });
    api.hold('putObject');
    await engine.enqueue(['/c'], destination());
    await until(() => api.heldCalls().length === 1);
    const a = find(engine, 'a.txt');
    engine.cancel(a.id);
    expect(find(engine, 'a.txt').state.kind).toBe('canceled');
    await until(() => api.heldCalls().length === 1 && api.heldCalls()[0]?.key === 'c/b.txt');
    engine.cancel();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().transfers.map((view) => view.state.kind)).toEqual(['canceled', 'canceled', 'canceled']);
    expect(api.objects.size).toBe(0);
    // A single PUT has nothing to abort on the server.
    expect(api.count('abortMultipart')).toBe(0);

    api.release();
    engine.retry(a.id);
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'a.txt').state.kind).toBe('done');
    engine.retry();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().transfers.every((view) => view.state.kind === 'done')).toBe(true);
  });

  it('retries failed transfers', async () => {
    const { engine, api, clock } = await startEngine({ fs: three() });
    api.always('putObject', () => ({ ok: false, failure: { kind: 'http', status: 403, ossCode: 'AccessDenied', message: 'Denied.' } }));
    await engine.enqueue(['/c'], destination());
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().totals).toMatchObject({ files: 3, filesFailed: 3 });
    expect(find(engine, 'a.txt').state).toMatchObject({ kind: 'failed', error: { code: 'access-denied' } });
    api.always('putObject', () => undefined);
    engine.retry();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().totals).toMatchObject({ files: 3, filesDone: 3, filesFailed: 0 });
  });

  it('removes transfers (a moving one is stopped first) and clears finished ones', async () => {
    const { engine, api, clock, events } = await startEngine({ fs: three(), settings: { concurrency: 1 } });
    api.hold('putObject');
    await engine.enqueue(['/c'], destination());
    await until(() => api.heldCalls().length === 1);
    const a = find(engine, 'a.txt');
    const [held] = api.heldCalls();
    engine.remove(a.id);
    expect(held?.options.signal.aborted).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'removed', id: a.id });
    api.release();
    await drive(engine.whenIdle(), clock);
    expect(engine.snapshot().transfers.map((view) => view.key)).toEqual(['c/b.txt', 'c/c.txt']);
    // The late outcome of the removed transfer changes nothing.
    expect(events.filter((event) => event.kind === 'state' && event.id === a.id).map((event) => event.kind === 'state' && event.state.kind)).toEqual(['uploading']);
    engine.clearFinished();
    expect(engine.snapshot()).toMatchObject({ transfers: [], totals: { files: 0, bytesTotal: 0, bytesSent: 0 } });
  });

  it('ignores controls that do not apply (resume of a done transfer, unknown ids)', async () => {
    const { engine, clock, events } = await startEngine({ fs: three() });
    await engine.enqueue(['/c/a.txt'], destination());
    await drive(engine.whenIdle(), clock);
    const before = events.length;
    const id = find(engine, 'a.txt').id;
    engine.resume(id);
    engine.pause(id);
    engine.cancel(id);
    engine.retry(id);
    engine.pause('no-such-id');
    engine.remove('no-such-id');
    expect(events.length).toBe(before);
    expect(find(engine, 'a.txt').state.kind).toBe('done');
  });
});

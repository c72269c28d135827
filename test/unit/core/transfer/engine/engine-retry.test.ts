import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, CREDENTIALS, destination, drive, find, history, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';
import { failWith, httpDate } from './fake-object-api.js';

afterEach(cleanUp);

const files = (): FakeFs => new FakeFs().add('/r/a.txt', 10).add('/r/b.txt', 20);

/** The signing time of a presigned OSS V4 URL, as ms. */
function signedAt(url: string): number {
  const stamp = new URL(url).searchParams.get('x-oss-date') ?? '';
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (match === null) throw new Error(`No x-oss-date in ${url}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

describe('transfer engine: retries', () => {
  it('retries 5xx with exponential back-off and jitter on the injected clock, then succeeds', async () => {
    const { engine, api, clock, events } = await startEngine({ fs: files(), random: () => 0.5 });
    const busy = failWith({ kind: 'http', status: 503, ossCode: 'ServiceUnavailable', requestId: 'REQ-BUSY' });
    api.once('putObject', () => busy, () => busy);
    const start = clock.now();
    await engine.enqueue(['/r/a.txt'], destination());
    await until(() => engine.snapshot().transfers[0]?.state.kind === 'waiting-retry');
    const waiting = engine.snapshot().transfers[0]?.state;
    // Full jitter: random 0.5 × the first ceiling (500 ms).
    expect(waiting).toMatchObject({ kind: 'waiting-retry', attempt: 1, retryAt: start + 250, lastError: { code: 'server-busy' } });
    expect(api.count('putObject')).toBe(1);
    clock.advance(249);
    await new Promise((resolve) => setImmediate(resolve));
    expect(api.count('putObject')).toBe(1);
    clock.advance(1);
    await until(() => api.count('putObject') === 2);
    // The second wait doubles its ceiling: 0.5 × 1000 ms.
    await until(() => engine.snapshot().transfers[0]?.state.kind === 'waiting-retry');
    expect(engine.snapshot().transfers[0]?.state).toMatchObject({ attempt: 2, retryAt: start + 250 + 500 });
    await drive(engine.whenIdle(), clock);
    const id = find(engine, 'a.txt').id;
    expect(history(events, id)).toEqual(['uploading', 'waiting-retry', 'uploading', 'waiting-retry', 'uploading', 'done']);
    expect(find(engine, 'a.txt').state).toMatchObject({ kind: 'done' });
    expect(api.count('putObject')).toBe(3);
  });

  it('gives up after the configured attempts of network failures, with the last error', async () => {
    const { engine, api, clock } = await startEngine({ fs: files(), settings: { retry: { maxAttempts: 6 } } });
    api.always('putObject', () => failWith({ kind: 'network', code: 'ECONNRESET' }));
    await engine.enqueue(['/r/a.txt'], destination());
    await drive(engine.whenIdle(), clock);
    expect(api.count('putObject')).toBe(6);
    const state = find(engine, 'a.txt').state;
    expect(state).toMatchObject({ kind: 'failed', error: { code: 'network-error', details: { errno: 'ECONNRESET' } } });
    expect(state.kind === 'failed' && state.error.message).toMatch(/Gave up after 6 attempts/);
  });

  it('re-signs an expired URL (fetching the credentials again) and succeeds', async () => {
    let fetched = 0;
    const { engine, api, clock } = await startEngine({ fs: files() });
    api.once('putObject', () =>
      failWith({ kind: 'http', status: 403, ossCode: 'AccessDenied', message: 'Request has expired.', ec: '0002-00000069', serverDate: httpDate(clock.now()) }),
    );
    await engine.enqueue(['/r/a.txt'], destination({ credentials: async () => (fetched++, CREDENTIALS) }));
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'a.txt').state.kind).toBe('done');
    expect(api.count('putObject')).toBe(2);
    expect(fetched).toBe(2);
    const [first, second] = api.callsOf('putObject');
    expect(second?.signed.url).toBeDefined();
    expect(second?.signed).not.toBe(first?.signed);
  });

  it('learns the clock offset from RequestTimeTooSkewed and signs later requests (and other files) with it', async () => {
    const { engine, api, clock } = await startEngine({ fs: files(), settings: { concurrency: 1 } });
    const twentyMinutes = 20 * 60 * 1000;
    // The fake clock when each PUT was signed (the debounced queue write may move it meanwhile).
    const calledAt: number[] = [];
    api.always('putObject', () => {
      calledAt.push(clock.now());
      return undefined;
    });
    api.once('putObject', () => {
      calledAt.push(clock.now());
      return failWith({
        kind: 'http',
        status: 403,
        ossCode: 'RequestTimeTooSkewed',
        message: 'The difference between the request time and the current time is too large.',
        serverDate: httpDate(clock.now() + twentyMinutes),
      });
    });
    await engine.enqueue(['/r/a.txt', '/r/b.txt'], destination());
    await drive(engine.whenIdle(), clock);
    const [first, second, third] = api.callsOf('putObject');
    expect(signedAt(first?.signed.url ?? '')).toBe(calledAt[0]);
    expect(signedAt(second?.signed.url ?? '')).toBe((calledAt[1] ?? 0) + twentyMinutes);
    expect(third?.key).toBe('b.txt');
    expect(signedAt(third?.signed.url ?? '')).toBe((calledAt[2] ?? 0) + twentyMinutes);
    expect(engine.snapshot().transfers.every((view) => view.state.kind === 'done')).toBe(true);
  });

  it('fails at once on 403 SignatureDoesNotMatch, with the typed error and the request id', async () => {
    const { engine, api, clock } = await startEngine({ fs: files() });
    api.always('putObject', () => failWith({ kind: 'http', status: 403, ossCode: 'SignatureDoesNotMatch', requestId: 'REQ-SIG', message: 'The request signature we calculated does not match.' }));
    await engine.enqueue(['/r/a.txt'], destination());
    await drive(engine.whenIdle(), clock);
    expect(api.count('putObject')).toBe(1);
    expect(find(engine, 'a.txt').state).toMatchObject({
      kind: 'failed',
      error: { code: 'signature-mismatch', details: { status: 403, serverCode: 'SignatureDoesNotMatch', requestId: 'REQ-SIG' } },
    });
  });

  it('retries an integrity mismatch of a part, but fails without retrying when the HTTP layer throws a file error', async () => {
    const { engine, api, clock } = await startEngine({ fs: files() });
    api.once('putObject', () => failWith({ kind: 'integrity', expected: '1', actual: '2', algorithm: 'crc64' }));
    await engine.enqueue(['/r/a.txt'], destination());
    await drive(engine.whenIdle(), clock);
    expect(api.count('putObject')).toBe(2);
    expect(find(engine, 'a.txt').state.kind).toBe('done');

    api.once('putObject', () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    await engine.enqueue(['/r/b.txt'], destination());
    await drive(engine.whenIdle(), clock);
    expect(find(engine, 'b.txt').state).toMatchObject({ kind: 'failed', error: { code: 'file-unreadable', details: { errno: 'EACCES' } } });
    expect(api.count('putObject')).toBe(3);
  });

  it('fails with the provider’s error when credentials cannot be had', async () => {
    const { engine, api, clock } = await startEngine({ fs: files() });
    await engine.enqueue(['/r/a.txt'], destination({ credentials: () => Promise.reject(new Error('keychain locked')) }));
    await drive(engine.whenIdle(), clock);
    expect(api.calls).toHaveLength(0);
    expect(find(engine, 'a.txt').state).toMatchObject({ kind: 'failed', error: { code: 'missing-credentials' } });
  });
});

import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueStore, writeIntervalMs, type QueueDocument } from '../../../../../electron/core/transfer/engine/queue-store.js';
import { descriptorOf } from '../../../../../electron/core/transfer/engine/destination.js';
import { cleanUp, destination, tempStateDir } from './harness.js';
import { FakeClock } from './fake-clock.js';

afterEach(cleanUp);

async function waitForFile(file: string): Promise<void> {
  let exists = false;
  while (!exists) exists = await access(file).then(() => true, () => false);
}

const DOCUMENT: QueueDocument = {
  destinations: { d1: descriptorOf(destination()) },
  transfers: [
    { id: 't1', path: '/a.txt', relativePath: 'a.txt', size: 1, mtimeMs: 1.5, destination: 'd1', key: 'a (1).txt', baseKey: 'a.txt', addedAt: 0, state: 'queued' },
    { id: 't2', path: '/b.txt', relativePath: 'b.txt', size: 2, mtimeMs: 2, destination: 'd1', key: 'b.txt', addedAt: 0, state: 'failed', error: { code: 'access-denied', message: 'No.', hint: 'Ask.' } },
  ],
};

describe('queue store', () => {
  it('writes at most once per interval, the interval growing with the queue', () => {
    expect(writeIntervalMs(0)).toBe(1000);
    expect(writeIntervalMs(10_000)).toBe(1000);
    expect(writeIntervalMs(10_001)).toBe(2000);
    expect(writeIntervalMs(100_000)).toBe(10_000);
  });

  it('debounces writes on the clock and reads back what it wrote', async () => {
    const stateDir = await tempStateDir();
    const clock = new FakeClock();
    let builds = 0;
    const store = new QueueStore({ stateDir, clock, log: () => undefined, build: () => (builds++, DOCUMENT) });
    store.markDirty(2);
    store.markDirty(2);
    store.markDirty(2);
    expect(clock.pending).toBe(1);
    clock.advance(999);
    expect(builds).toBe(0);
    clock.advance(1);
    expect(builds).toBe(1);
    await waitForFile(path.join(stateDir, 'queue.json'));
    expect(await store.load()).toEqual({ kind: 'ok', value: DOCUMENT });
  });

  it('writes the document as built, only after beforeWrite (the history commit) has finished', async () => {
    const stateDir = await tempStateDir();
    const order: string[] = [];
    let finishBeforeWrite = (): void => undefined;
    const store = new QueueStore({
      stateDir,
      clock: new FakeClock(),
      log: () => undefined,
      build: () => (order.push('build'), DOCUMENT),
      beforeWrite: () => new Promise<void>((resolve) => (finishBeforeWrite = () => (order.push('before-write done'), resolve()))),
    });
    const flushed = store.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['build']);
    expect(await access(path.join(stateDir, 'queue.json')).then(() => true, () => false)).toBe(false);
    finishBeforeWrite();
    await flushed;
    expect(order).toEqual(['build', 'before-write done']);
    expect(await store.load()).toEqual({ kind: 'ok', value: DOCUMENT });
  });

  it('sets aside a document whose transfers name an unknown destination', async () => {
    const stateDir = await tempStateDir();
    const store = new QueueStore({ stateDir, clock: new FakeClock(), log: () => undefined, build: () => ({ ...DOCUMENT, destinations: {} }) });
    await store.flush();
    const read = await store.load();
    expect(read).toMatchObject({ kind: 'set-aside', reason: 'invalid' });
  });
});

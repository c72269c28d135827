import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressBatch, TransferEvent } from '../../../../../electron/shared/transfer.js';
import { cleanUp, destination, drive, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';

afterEach(cleanUp);

const SIZE = 1_000_000;

function thousandFiles(): FakeFs {
  const fs = new FakeFs();
  for (let i = 0; i < 1000; i++) fs.add(`/p/f${String(i).padStart(4, '0')}.bin`, SIZE);
  return fs;
}

describe('transfer engine: progress', () => {
  it('sends about five coalesced batches a second for the whole queue, each transfer once per batch', async () => {
    const { engine, api, clock } = await startEngine({ fs: thousandFiles(), settings: { concurrency: 32 } });
    const batches: ProgressBatch[] = [];
    engine.onProgress((batch) => batches.push(batch));
    api.hold('putObject');
    await engine.enqueue(['/p'], destination());
    await until(() => api.heldCalls().length === 32);
    batches.length = 0;
    // Two seconds of uploads reporting every 10 ms.
    for (let step = 1; step <= 200; step++) {
      clock.advance(10);
      for (const call of api.heldCalls()) call.options.onProgress?.(step * 4000);
    }
    expect(batches.length).toBeGreaterThanOrEqual(9);
    expect(batches.length).toBeLessThanOrEqual(11);
    for (const batch of batches) {
      expect(new Set(batch.samples.map((sample) => sample.id)).size).toBe(batch.samples.length);
      expect(batch.samples.length).toBeLessThanOrEqual(32);
    }
    const last = batches.at(-1);
    // 32 transfers at 4,000 bytes per 10 ms each: 12.8 MB/s for the queue, smoothed.
    expect(last?.totals.bytesPerSecond).toBeGreaterThan(10e6);
    expect(last?.totals.bytesPerSecond).toBeLessThan(14e6);
    expect(last?.samples[0]?.bytesPerSecond).toBeGreaterThan(300_000);
    expect(last?.samples[0]?.etaSeconds).toBeGreaterThan(0);
    expect(last?.totals).toMatchObject({ files: 1000, bytesTotal: 1000 * SIZE });
    // The snapshot flushes what is pending, so it has the very latest bytes.
    expect(engine.snapshot().totals.bytesSent).toBe(32 * 200 * 4000);
    engine.cancel();
    await engine.whenIdle();
  });

  it('orders progress before the state it led to, with one strictly increasing seq for batches and events', async () => {
    const { engine, api, clock } = await startEngine({ fs: thousandFiles(), settings: { concurrency: 32 } });
    const log: ({ readonly type: 'batch'; readonly batch: ProgressBatch } | { readonly type: 'event'; readonly event: TransferEvent })[] = [];
    engine.onProgress((batch) => log.push({ type: 'batch', batch }));
    engine.onEvent((event) => log.push({ type: 'event', event }));
    await engine.enqueue(['/p'], destination());
    await drive(engine.whenIdle(), clock, 10_000);
    expect(api.objects.size).toBe(1000);

    const seqs = log.map((entry) => (entry.type === 'batch' ? entry.batch.seq : entry.event.seq));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? 0);

    // For every transfer, its full progress arrived before its `done`.
    const lastSample = new Map<string, number>();
    let checked = 0;
    for (const entry of log) {
      if (entry.type === 'batch') {
        for (const sample of entry.batch.samples) lastSample.set(sample.id, sample.bytesSent);
      } else if (entry.event.kind === 'state' && entry.event.state.kind === 'done') {
        expect(lastSample.get(entry.event.id)).toBe(SIZE);
        checked++;
      }
    }
    expect(checked).toBe(1000);

    const snapshot = engine.snapshot();
    expect(snapshot.seq).toBeGreaterThanOrEqual(seqs.at(-1) ?? 0);
    expect(snapshot.totals).toMatchObject({ files: 1000, filesDone: 1000, bytesSent: 1000 * SIZE, etaSeconds: 0 });
  });

  it('stops calling a listener once unsubscribed, and survives a listener that throws', async () => {
    const { engine, clock, logs } = await startEngine({ fs: new FakeFs().add('/x/a.txt', 1).add('/x/b.txt', 1) });
    const seen: TransferEvent[] = [];
    const unsubscribe = engine.onEvent((event) => seen.push(event));
    engine.onEvent(() => {
      throw new Error('broken window');
    });
    await engine.enqueue(['/x/a.txt'], destination());
    await drive(engine.whenIdle(), clock);
    const count = seen.length;
    expect(count).toBeGreaterThan(0);
    unsubscribe();
    await engine.enqueue(['/x/b.txt'], destination());
    await drive(engine.whenIdle(), clock);
    expect(seen.length).toBe(count);
    expect(engine.snapshot().transfers.every((view) => view.state.kind === 'done')).toBe(true);
    expect(logs.some((line) => line.includes('broken window'))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, destination, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';

afterEach(cleanUp);

describe('transfer engine: scale', () => {
  it('queues 10,000 files quickly, holding only small records; the scheduler keeps its limit', async () => {
    const fs = new FakeFs();
    for (let i = 0; i < 10_000; i++) fs.add(`/big/dir${i % 10}/file-${String(i).padStart(5, '0')}.dat`, 1_000 + i);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 8 } });
    api.hold('putObject');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await engine.enqueue(['/big'], destination());
    const elapsed = performance.now() - started;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(result.added).toBe(10_000);
    // Generous bounds for a loaded CI machine; in practice ~0.3 s and ~10 MB (records, views, events).
    expect(elapsed).toBeLessThan(4000);
    expect(heapGrowth).toBeLessThan(80 * 1024 * 1024);
    await until(() => api.heldCalls().length === 8);
    expect(engine.snapshot().totals).toMatchObject({ files: 10_000, bytesTotal: 10_000 * 1_000 + (9_999 * 10_000) / 2 });

    // Let a few hundred finish (in queue order), then cancel the rest at once.
    api.release('putObject');
    api.hold('putObject', 300);
    await until(() => api.heldCalls().length === 8);
    expect([...api.objects.keys()].slice(0, 3)).toEqual(['big/dir0/file-00000.dat', 'big/dir0/file-00010.dat', 'big/dir0/file-00020.dat']);
    engine.cancel();
    await engine.whenIdle();
    expect(api.maxInFlight.get('putObject')).toBe(8);
    // The 8 first calls were held and released, then 300 more went through before the hold.
    expect(engine.snapshot().totals).toMatchObject({ files: 10_000, filesDone: 308 });
    expect(engine.snapshot().transfers.filter((view) => view.state.kind === 'canceled')).toHaveLength(10_000 - 308);
  });
});

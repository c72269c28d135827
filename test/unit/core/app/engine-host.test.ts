/**
 * The engine host: events batched per tick and never overtaken by progress, `seq` kept increasing
 * across engine restarts, and restarts only when the queue is empty and idle.
 */
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../../electron/core/app/engine-host.js';
import type { EngineSettings } from '../../../../electron/core/transfer/engine/index.js';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { FakeEngine, view } from './fake-engine.js';

async function setup() {
  const engines: FakeEngine[] = [];
  const delivered: { kind: string; seq: number }[] = [];
  const problems: ErrorInfo[] = [];
  let failures = 0;
  const host = await EngineHost.start({
    settings: { concurrency: 4 },
    create: (settings: EngineSettings) => {
      if (failures > 0) {
        failures--;
        return Promise.reject(new Error('disk on fire'));
      }
      const engine = new FakeEngine(settings);
      engines.push(engine);
      return Promise.resolve(engine);
    },
    onProgress: (batch) => delivered.push({ kind: 'progress', seq: batch.seq }),
    onEvents: (events) => events.forEach((event) => delivered.push({ kind: event.kind, seq: event.seq })),
    onProblems: (found) => problems.push(...found),
  });
  const current = (): FakeEngine => engines[engines.length - 1] as FakeEngine;
  return { host, engines, current, delivered, problems, failNext: () => (failures = 1) };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('EngineHost', () => {
  it('delivers the events of one tick together, before any later progress', async () => {
    const { current, delivered } = await setup();
    current().event({ kind: 'added', transfer: view('a') });
    current().event({ kind: 'added', transfer: view('b') });
    current().progress();
    current().event({ kind: 'removed', id: 'a' });
    await tick();
    expect(delivered).toEqual([
      { kind: 'added', seq: 1 },
      { kind: 'added', seq: 2 },
      { kind: 'progress', seq: 3 },
      { kind: 'removed', seq: 4 },
    ]);
  });

  it('restarts at once with new settings when the queue is empty, seq continuing', async () => {
    const { host, engines, current, delivered } = await setup();
    current().progress();
    current().progress();
    host.reconfigure({ concurrency: 9 });
    await host.use(() => undefined);
    expect(engines).toHaveLength(2);
    expect(engines[0]?.closed).toBe(true);
    expect(current().settings).toEqual({ concurrency: 9 });
    expect(host.snapshot().seq).toBe(2);
    current().event({ kind: 'added', transfer: view('x') });
    await tick();
    expect(delivered.map((d) => d.seq)).toEqual([1, 2, 3]);
  });

  it('waits for the queue to empty before restarting', async () => {
    const { host, engines, current } = await setup();
    current().event({ kind: 'added', transfer: view('a') });
    host.reconfigure({ concurrency: 2 });
    await tick();
    expect(engines).toHaveLength(1);
    await host.use((engine) => engine.remove('a'));
    await host.use(() => undefined);
    expect(engines).toHaveLength(2);
    expect(current().settings).toEqual({ concurrency: 2 });
  });

  it('lets background work finish first, and holds calls meanwhile', async () => {
    const { host, engines } = await setup();
    let finish: () => void = () => undefined;
    engines[0]?.busyUntil(new Promise((resolve) => (finish = resolve)));
    host.reconfigure({ concurrency: 3 });
    const call = host.use((engine) => (engine as FakeEngine).settings);
    await tick();
    expect(engines[0]?.closed).toBe(false);
    finish();
    expect(await call).toEqual({ concurrency: 3 });
  });

  it('reports a failed restart and falls back to the previous settings', async () => {
    const { host, engines, current, failNext, problems } = await setup();
    failNext();
    host.reconfigure({ concurrency: 7 });
    await host.use(() => undefined);
    expect(problems.map((p) => p.message)).toEqual(['The transfer settings could not be applied: disk on fire']);
    expect(engines).toHaveLength(2);
    expect(current().settings).toEqual({ concurrency: 4 });
  });
});

/**
 * The engine host: events batched per tick and never overtaken by progress, new settings handed to the
 * running engine at once, and settings the engine refuses reported without losing the engine.
 */
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../../electron/core/app/engine-host.js';
import type { EngineSettings } from '../../../../electron/core/transfer/engine/index.js';
import { DropsignError, type ErrorInfo } from '../../../../electron/shared/errors.js';
import { FakeEngine, view } from './fake-engine.js';

async function setup() {
  const engines: FakeEngine[] = [];
  const delivered: { kind: string; seq: number }[] = [];
  const problems: ErrorInfo[] = [];
  const host = await EngineHost.start({
    settings: { concurrency: 4 },
    create: (settings: EngineSettings) => {
      const engine = new FakeEngine(settings);
      engines.push(engine);
      return Promise.resolve(engine);
    },
    onProgress: (batch) => delivered.push({ kind: 'progress', seq: batch.seq }),
    onEvents: (events) => events.forEach((event) => delivered.push({ kind: event.kind, seq: event.seq })),
    onProblems: (found) => problems.push(...found),
  });
  const current = (): FakeEngine => engines[engines.length - 1] as FakeEngine;
  return { host, engines, current, delivered, problems };
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

  it('hands new settings to the running engine at once, with transfers in its queue', async () => {
    const { host, engines, current } = await setup();
    current().event({ kind: 'added', transfer: view('a') });
    host.reconfigure({ concurrency: 9 });
    expect(engines).toHaveLength(1);
    expect(current().settings).toEqual({ concurrency: 9 });
    expect(current().closed).toBe(false);
    expect(host.snapshot().transfers.map((transfer) => transfer.id)).toEqual(['a']);
  });

  it('reports settings the engine refuses, and keeps the engine and its settings', async () => {
    const { host, current, problems } = await setup();
    current().refuseSettings = new DropsignError('invalid-part-size', 'The part size 1 B is below the 100 KiB minimum.', 'Choose a larger part size.');
    host.reconfigure({ concurrency: 4, partSize: 1 });
    expect(problems).toEqual([
      { code: 'invalid-part-size', message: 'The transfer settings could not be applied: The part size 1 B is below the 100 KiB minimum.', hint: 'Choose a larger part size.' },
    ]);
    expect(current().settings).toEqual({ concurrency: 4 });
    expect(await host.use((engine) => engine.snapshot().transfers)).toEqual([]);
  });
});

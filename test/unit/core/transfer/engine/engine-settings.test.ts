import { afterEach, describe, expect, it } from 'vitest';
import { DropsignError } from '../../../../../electron/shared/errors.js';
import { cleanUp, destination, startEngine, until } from './harness.js';
import { FakeFs } from './fake-fs.js';

afterEach(cleanUp);

const KIB = 1024;

describe('transfer engine: settings changed while it runs', () => {
  it('starts more uploads at once when the number of parallel files goes up', async () => {
    const fs = new FakeFs();
    for (let i = 0; i < 10; i++) fs.add(`/up/f${i}.bin`, 10);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 2 } });
    api.hold('putObject');
    await engine.enqueue(['/up'], destination());
    await until(() => api.heldCalls('putObject').length === 2);

    engine.updateSettings({ concurrency: 5 });

    await until(() => api.heldCalls('putObject').length === 5);
    api.release('putObject');
    await engine.whenIdle();
    expect(api.maxInFlight.get('putObject')).toBe(5);
    expect(api.objects.size).toBe(10);
  });

  it('lets running uploads finish when it goes down, and starts none until fewer run', async () => {
    const fs = new FakeFs();
    for (let i = 0; i < 8; i++) fs.add(`/down/f${i}.bin`, 10);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 4 } });
    api.hold('putObject');
    await engine.enqueue(['/down'], destination());
    await until(() => api.heldCalls('putObject').length === 4);

    engine.updateSettings({ concurrency: 1 });
    expect(engine.snapshot().transfers.filter((view) => view.state.kind === 'uploading')).toHaveLength(4);

    for (let finished = 0; finished < 8; finished++) {
      await until(() => api.heldCalls('putObject').length > 0);
      api.releaseOne('putObject');
      // Once the four that were running have gone, the queue moves one file at a time.
      if (finished >= 3) await until(() => (api.inFlight.get('putObject') ?? 0) <= 1);
    }
    await engine.whenIdle();
    expect(api.objects.size).toBe(8);
    expect(api.callsOf('putObject').length).toBe(8);
  });

  it('plans files that start afterwards with the new multipart threshold', async () => {
    const fs = new FakeFs();
    fs.add('/plan/first.bin', 300 * KIB);
    fs.add('/plan/second.bin', 300 * KIB);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 1, multipartThreshold: 1024 * KIB, partSize: 100 * KIB } });
    api.hold('putObject');
    await engine.enqueue(['/plan'], destination());
    await until(() => api.heldCalls('putObject').length === 1);

    engine.updateSettings({ concurrency: 1, multipartThreshold: 200 * KIB, partSize: 100 * KIB });
    api.release('putObject');
    await engine.whenIdle();

    expect(api.callsOf('putObject').map((call) => call.key)).toEqual(['plan/first.bin']);
    expect(api.callsOf('initiateMultipart').map((call) => call.key)).toEqual(['plan/second.bin']);
    expect(api.objects.size).toBe(2);
  });

  it('refuses an invalid setting with a typed error and keeps the ones it had', async () => {
    const fs = new FakeFs();
    for (let i = 0; i < 6; i++) fs.add(`/keep/f${i}.bin`, 10);
    const { engine, api } = await startEngine({ fs, settings: { concurrency: 2 } });

    expect(() => engine.updateSettings({ concurrency: 99 })).toThrow(DropsignError);
    expect(() => engine.updateSettings({ concurrency: 0 })).toThrow(/parallel files/);

    api.hold('putObject');
    await engine.enqueue(['/keep'], destination());
    await until(() => api.heldCalls('putObject').length === 2);
    api.release('putObject');
    await engine.whenIdle();
    expect(api.maxInFlight.get('putObject')).toBe(2);
  });
});

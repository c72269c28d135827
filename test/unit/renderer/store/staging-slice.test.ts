import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/src/store/app-store.js';

describe('the staging slice', () => {
  it('tracks each batch apart, from its start to its end', () => {
    const store = createAppStore();
    const first = store.getState().startStaging(4);
    const second = store.getState().startStaging(1);
    expect(first).not.toBe(second);
    expect(store.getState().staging).toEqual([
      { id: first, phase: { kind: 'staging', progress: { filesDone: 0, filesTotal: 4, bytesSent: 0, bytesTotal: 0 } } },
      { id: second, phase: { kind: 'staging', progress: { filesDone: 0, filesTotal: 1, bytesSent: 0, bytesTotal: 0 } } },
    ]);
    store.getState().updateStaging(first, { kind: 'enqueueing' });
    expect(store.getState().staging[0]).toEqual({ id: first, phase: { kind: 'enqueueing' } });
    store.getState().endStaging(first);
    expect(store.getState().staging.map((batch) => batch.id)).toEqual([second]);
  });

  it('ignores an update for a batch that already ended (a late progress callback)', () => {
    const store = createAppStore();
    const id = store.getState().startStaging(1);
    store.getState().endStaging(id);
    const before = store.getState();
    store.getState().updateStaging(id, { kind: 'enqueueing' });
    expect(store.getState()).toBe(before);
  });
});

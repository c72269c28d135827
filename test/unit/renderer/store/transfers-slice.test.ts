/**
 * The queue as the page holds it: a snapshot, then batches and events in `seq` order; anything stale is
 * dropped, each batch is one update, and rows a batch does not name keep their identity; a big queue takes
 * its updates in bursts.
 */
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../../renderer/src/store/app-store.js';
import { COALESCE_FROM_ROWS, COALESCE_MS } from '../../../../renderer/src/store/transfers-slice.js';
import { batch, DONE, snapshot, stateEvent, UPLOADING, view } from '../fixtures.js';

describe('the transfers slice', () => {
  it('takes a snapshot whole: rows in queue order and its seq', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(7, view('a'), view('b')));
    expect(store.getState().order).toEqual(['a', 'b']);
    expect(store.getState().transfers.get('b')).toMatchObject({ name: 'b.bin', bytesPerSecond: 0 });
    expect(store.getState().lastSeq).toBe(7);
    store.getState().hydrate(snapshot(9, view('c')));
    expect(store.getState().order).toEqual(['c']);
  });

  it('applies a progress batch in one update, touching only the rows it names', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, view('a'), view('b')));
    store.getState().applyEvents([stateEvent(2, 'a', UPLOADING), stateEvent(3, 'b', UPLOADING)]);
    const before = store.getState().transfers.get('b');
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().applyProgress(batch(4, ['a', 40], ['unknown', 5]));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().transfers.get('a')).toMatchObject({ bytesSent: 40, bytesPerSecond: 1000, etaSeconds: 3 });
    expect(store.getState().transfers.get('b')).toBe(before);
    expect(store.getState().totals.bytesPerSecond).toBe(1000);
  });

  it('drops batches and events at or below the last seq (older than the snapshot)', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(10, view('a')));
    store.getState().applyEvents([stateEvent(9, 'a', UPLOADING)]);
    store.getState().applyProgress(batch(10, ['a', 50]));
    expect(store.getState().transfers.get('a')).toMatchObject({ state: { kind: 'queued' }, bytesSent: 0 });
    expect(store.getState().lastSeq).toBe(10);
  });

  it('adds, moves and removes rows by events, and a finished row has sent everything and no speed', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(0));
    store.getState().applyEvents([
      { kind: 'added', seq: 1, transfer: view('a') },
      { kind: 'added', seq: 2, transfer: view('b') },
      stateEvent(3, 'a', UPLOADING),
    ]);
    store.getState().applyProgress(batch(4, ['a', 60]));
    store.getState().applyEvents([stateEvent(5, 'a', DONE), { kind: 'removed', seq: 6, id: 'b' }]);
    expect(store.getState().order).toEqual(['a']);
    const row = store.getState().transfers.get('a');
    expect(row).toMatchObject({ state: { kind: 'done' }, key: 'key/a', bytesSent: 100, bytesPerSecond: 0 });
    expect(row).not.toHaveProperty('etaSeconds');
    expect(store.getState().lastSeq).toBe(6);
  });

  it('ignores progress for a row that is not uploading (a late sample after it finished)', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, view('a')));
    store.getState().applyEvents([stateEvent(2, 'a', DONE)]);
    store.getState().applyProgress(batch(3, ['a', 10]));
    expect(store.getState().transfers.get('a')?.bytesSent).toBe(100);
  });

  it('keeps a row added and removed in the same batch out of the order', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(0));
    store.getState().applyEvents([{ kind: 'added', seq: 1, transfer: view('a') }, { kind: 'removed', seq: 2, id: 'a' }]);
    expect(store.getState().order).toEqual([]);
  });

  it('holds ids such as __proto__ as plain keys', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, view('__proto__'), view('constructor')));
    expect(store.getState().transfers.get('__proto__')).toMatchObject({ id: '__proto__' });
    expect(({} as Record<string, unknown>)['name']).toBeUndefined();
  });
});

describe('a big queue', () => {
  const many = (count: number) => Array.from({ length: count }, (_, index) => view(`t${index}`));

  it('takes updates in bursts: together, in order, in one update', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      store.getState().hydrate(snapshot(1, ...many(COALESCE_FROM_ROWS)));
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().applyEvents([stateEvent(2, 't0', UPLOADING)]);
      store.getState().applyProgress(batch(3, ['t0', 40]));
      store.getState().applyEvents([{ kind: 'added', seq: 4, transfer: view('new') }]);
      store.getState().applyEvents([stateEvent(3, 't1', UPLOADING)]);
      expect(listener).not.toHaveBeenCalled();
      expect(store.getState().transfers.get('t0')?.state.kind).toBe('queued');
      vi.advanceTimersByTime(COALESCE_MS);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(store.getState().transfers.get('t0')).toMatchObject({ state: UPLOADING, bytesSent: 40 });
      // Stale within the burst: seq 3 after seq 4.
      expect(store.getState().transfers.get('t1')?.state.kind).toBe('queued');
      expect(store.getState().order.at(-1)).toBe('new');
      expect(store.getState().lastSeq).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps waiting updates across a snapshot, and drops those it covers', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      store.getState().hydrate(snapshot(1, ...many(COALESCE_FROM_ROWS)));
      store.getState().applyEvents([stateEvent(2, 't0', UPLOADING), stateEvent(6, 't1', DONE)]);
      store.getState().hydrate(snapshot(5, ...many(COALESCE_FROM_ROWS)));
      vi.advanceTimersByTime(COALESCE_MS);
      expect(store.getState().transfers.get('t0')?.state.kind).toBe('queued');
      expect(store.getState().transfers.get('t1')?.state.kind).toBe('done');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is updated at once while it is small', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, ...many(COALESCE_FROM_ROWS - 1)));
    store.getState().applyEvents([stateEvent(2, 't0', UPLOADING)]);
    expect(store.getState().transfers.get('t0')?.state.kind).toBe('uploading');
  });
});

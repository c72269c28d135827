import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/src/store/app-store.js';
import { selectQueueCounts, selectStaging, selectTotals, selectVisibleIds } from '../../../../renderer/src/store/selectors.js';
import { batch, DONE, snapshot, stateEvent, UPLOADING, view } from '../fixtures.js';

const FAILED = { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } } as const;

/** A store with one transfer in each state that matters. */
function mixedQueue() {
  const store = createAppStore();
  store.getState().hydrate(snapshot(1, view('queued'), view('moving'), view('paused'), view('done'), view('skipped'), view('failed'), view('canceled')));
  store.getState().applyEvents([
    stateEvent(2, 'moving', UPLOADING),
    stateEvent(3, 'paused', { kind: 'paused' }),
    stateEvent(4, 'done', DONE),
    stateEvent(5, 'skipped', { kind: 'skipped', reason: 'exists' }),
    stateEvent(6, 'failed', FAILED),
    stateEvent(7, 'canceled', { kind: 'canceled' }),
  ]);
  return store;
}

describe('selectTotals', () => {
  it('counts files and bytes from the rows, and speed only while something moves', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, view('a', 100), view('b', 50), view('c', 10)));
    store.getState().applyEvents([stateEvent(2, 'a', UPLOADING), stateEvent(3, 'c', FAILED)]);
    store.getState().applyProgress(batch(4, ['a', 30]));
    expect(selectTotals(store.getState())).toEqual({ files: 3, filesDone: 0, filesFailed: 1, bytesTotal: 160, bytesSent: 30, bytesPerSecond: 1000, etaSeconds: 3 });
    store.getState().applyEvents([stateEvent(5, 'a', DONE)]);
    expect(selectTotals(store.getState())).toEqual({ files: 3, filesDone: 1, filesFailed: 1, bytesTotal: 160, bytesSent: 100, bytesPerSecond: 0 });
  });
});

describe('selectQueueCounts', () => {
  it('counts each filter and what each queue-wide action would touch', () => {
    expect(selectQueueCounts(mixedQueue().getState())).toEqual({ all: 7, active: 3, done: 2, failed: 2, failedOnly: 1, pausable: 2, paused: 1, finished: 4 });
  });

  it('answers the same object while progress changes no count, so its readers do not re-render', () => {
    const store = mixedQueue();
    const before = selectQueueCounts(store.getState());
    store.getState().applyProgress(batch(8, ['moving', 40]));
    expect(selectQueueCounts(store.getState())).toBe(before);
    store.getState().applyEvents([stateEvent(9, 'moving', DONE)]);
    expect(selectQueueCounts(store.getState())).toMatchObject({ active: 2, done: 3 });
  });
});

describe('selectVisibleIds', () => {
  it('shows every transfer in queue order, or those of the chosen filter', () => {
    const store = mixedQueue();
    expect(selectVisibleIds(store.getState())).toBe(store.getState().order);
    store.getState().setQueueFilter('active');
    expect(selectVisibleIds(store.getState())).toEqual(['queued', 'moving', 'paused']);
    store.getState().setQueueFilter('done');
    expect(selectVisibleIds(store.getState())).toEqual(['done', 'skipped']);
    store.getState().setQueueFilter('failed');
    expect(selectVisibleIds(store.getState())).toEqual(['failed', 'canceled']);
  });

  it('keeps the same array while the filtered ids stay the same, and follows state changes', () => {
    const store = mixedQueue();
    store.getState().setQueueFilter('active');
    const before = selectVisibleIds(store.getState());
    store.getState().applyProgress(batch(8, ['moving', 40]));
    expect(selectVisibleIds(store.getState())).toBe(before);
    store.getState().applyEvents([stateEvent(9, 'moving', DONE)]);
    expect(selectVisibleIds(store.getState())).toEqual(['queued', 'paused']);
  });
});

describe('selectStaging', () => {
  it('is nothing while no batch is on its way, and the sum of the batches while some are', () => {
    const store = createAppStore();
    expect(selectStaging(store.getState())).toBeUndefined();
    const first = store.getState().startStaging(3);
    const second = store.getState().startStaging(2);
    store.getState().updateStaging(first, { kind: 'staging', progress: { filesDone: 1, filesTotal: 3, bytesSent: 100, bytesTotal: 300 } });
    store.getState().updateStaging(second, { kind: 'staging', progress: { filesDone: 2, filesTotal: 2, bytesSent: 50, bytesTotal: 50 } });
    expect(selectStaging(store.getState())).toEqual({ kind: 'staging', filesDone: 3, filesTotal: 5, bytesSent: 150, bytesTotal: 350 });
    store.getState().updateStaging(second, { kind: 'enqueueing' });
    expect(selectStaging(store.getState())).toEqual({ kind: 'staging', filesDone: 1, filesTotal: 3, bytesSent: 100, bytesTotal: 300 });
    store.getState().endStaging(first);
    expect(selectStaging(store.getState())).toEqual({ kind: 'enqueueing' });
    store.getState().endStaging(second);
    expect(selectStaging(store.getState())).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../renderer/src/store/app-store.js';
import { selectTotals } from '../../../../renderer/src/store/selectors.js';
import { batch, DONE, snapshot, stateEvent, UPLOADING, view } from '../fixtures.js';

describe('selectTotals', () => {
  it('counts files and bytes from the rows, and speed only while something moves', () => {
    const store = createAppStore();
    store.getState().hydrate(snapshot(1, view('a', 100), view('b', 50), view('c', 10)));
    store.getState().applyEvents([stateEvent(2, 'a', UPLOADING), stateEvent(3, 'c', { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } })]);
    store.getState().applyProgress(batch(4, ['a', 30]));
    expect(selectTotals(store.getState())).toEqual({ files: 3, filesDone: 0, filesFailed: 1, bytesTotal: 160, bytesSent: 30, bytesPerSecond: 1000, etaSeconds: 3 });
    store.getState().applyEvents([stateEvent(5, 'a', DONE)]);
    expect(selectTotals(store.getState())).toEqual({ files: 3, filesDone: 1, filesFailed: 1, bytesTotal: 160, bytesSent: 100, bytesPerSecond: 0 });
  });
});

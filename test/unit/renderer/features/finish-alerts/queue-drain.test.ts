import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { queueDrain } from '../../../../../renderer/src/features/finish-alerts/queue-drain.js';
import type { TransferRow } from '../../../../../renderer/src/store/transfers-slice.js';
import { DONE, UPLOADING, view } from '../../fixtures.js';

const FAILED: TransferState = { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } };
const rows = (...states: [string, TransferState][]): ReadonlyMap<string, TransferRow> =>
  new Map(states.map(([id, state]) => [id, { ...view(id), bytesPerSecond: 0, state }]));

describe('queueDrain', () => {
  it('reports the run that just ended, with its last link', () => {
    expect(queueDrain(rows(['a', DONE], ['b', UPLOADING], ['c', { kind: 'queued' }]), rows(['a', DONE], ['b', DONE], ['c', FAILED]))).toEqual({
      done: 1,
      failed: 1,
      lastLink: 'http://127.0.0.1:47110/dropsign/k?x=1',
    });
  });

  it('reports nothing while something still moves, when nothing moved, or when the run was only canceled', () => {
    expect(queueDrain(rows(['a', UPLOADING], ['b', UPLOADING]), rows(['a', DONE], ['b', UPLOADING]))).toBeUndefined();
    expect(queueDrain(rows(['a', DONE]), rows(['a', DONE]))).toBeUndefined();
    expect(queueDrain(new Map(), rows(['a', DONE]))).toBeUndefined();
    expect(queueDrain(rows(['a', UPLOADING]), rows(['a', { kind: 'canceled' }]))).toBeUndefined();
  });
});

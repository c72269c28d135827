import { describe, expect, it } from 'vitest';
import { rowError, statusText } from '../../../../../renderer/src/features/queue-list/status-text.js';
import type { TransferRow } from '../../../../../renderer/src/store/transfers-slice.js';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { DONE, view } from '../../fixtures.js';

const row = (state: TransferState, extra: Partial<TransferRow> = {}): TransferRow => ({ ...view('a'), bytesPerSecond: 0, ...extra, state });
const failure = { code: 'wrong-region', message: 'The bucket is in another region.', hint: 'Use oss-cn-shanghai.' } as const;

describe('statusText', () => {
  it('says what a row is doing, with speed and time left while it uploads', () => {
    expect(statusText(row({ kind: 'queued' }))).toBe('Waiting');
    expect(statusText(row({ kind: 'uploading', attempt: 1 }, { bytesPerSecond: 2 * 1024 * 1024, etaSeconds: 12 }))).toBe('Uploading · 2.0 MB/s · 12 s left');
    expect(statusText(row({ kind: 'uploading', attempt: 3 }))).toBe('Uploading · attempt 3');
    expect(statusText(row({ kind: 'waiting-retry', attempt: 2, retryAt: 5000, lastError: failure }), 2000)).toBe('Retrying in 3 s');
    expect(statusText(row(DONE))).toBe('Done');
    expect(statusText(row({ kind: 'skipped', reason: 'it already exists' }))).toBe('Skipped: it already exists');
    expect(statusText(row({ kind: 'failed', error: failure }))).toBe('Failed');
  });
});

describe('rowError', () => {
  it('is the failure, or the last error while waiting to retry', () => {
    expect(rowError(row({ kind: 'failed', error: failure }))).toBe(failure);
    expect(rowError(row({ kind: 'waiting-retry', attempt: 2, retryAt: 0, lastError: failure }))).toBe(failure);
    expect(rowError(row(DONE))).toBeUndefined();
  });
});

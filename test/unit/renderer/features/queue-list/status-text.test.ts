import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { rateText, rowError, sentFraction, statusText } from '../../../../../renderer/src/features/queue-list/status-text.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import type { TransferRow } from '../../../../../renderer/src/store/transfers-slice.js';
import { DONE, view } from '../../fixtures.js';

const row = (state: TransferState, extra: Partial<TransferRow> = {}): TransferRow => ({ ...view('a'), bytesPerSecond: 0, ...extra, state });
const failure = { code: 'wrong-region', message: 'The bucket is in another region.', hint: 'Use oss-cn-shanghai.' } as const;
const en = i18n.getFixedT('en', 'upload');
const zh = i18n.getFixedT('zh-CN', 'upload');

describe('statusText', () => {
  it('says what a row is doing', () => {
    expect(statusText(row({ kind: 'queued' }), en, 'en')).toBe('Waiting');
    expect(statusText(row({ kind: 'uploading', attempt: 1 }), en, 'en')).toBe('Uploading');
    expect(statusText(row({ kind: 'uploading', attempt: 3 }), en, 'en')).toBe('Uploading · attempt 3');
    expect(statusText(row({ kind: 'waiting-retry', attempt: 2, retryAt: 5000, lastError: failure }), en, 'en', 2000)).toBe('Retrying in 3 sec');
    expect(statusText(row({ kind: 'paused' }), en, 'en')).toBe('Paused');
    expect(statusText(row(DONE), en, 'en')).toBe('Done');
    expect(statusText(row({ kind: 'skipped', reason: 'it already exists' }), en, 'en')).toBe('Skipped: it already exists');
    expect(statusText(row({ kind: 'failed', error: failure }), en, 'en')).toBe('Failed');
    expect(statusText(row({ kind: 'canceled' }), en, 'en')).toBe('Canceled');
  });

  it('says it in Chinese too', () => {
    expect(statusText(row({ kind: 'waiting-retry', attempt: 2, retryAt: 5000, lastError: failure }), zh, 'zh-CN', 2000)).toBe('3秒后重试');
    expect(statusText(row(DONE), zh, 'zh-CN')).toBe('已完成');
  });
});

describe('rateText', () => {
  it('gives speed and time left while uploading, and nothing otherwise', () => {
    expect(rateText(row({ kind: 'uploading', attempt: 1 }, { bytesPerSecond: 2 * 1024 * 1024, etaSeconds: 12 }), en, 'en')).toEqual({ speed: '2 MB/s', eta: '12 sec left' });
    expect(rateText(row({ kind: 'uploading', attempt: 1 }), en, 'en')).toEqual({ speed: '', eta: '' });
    expect(rateText(row({ kind: 'paused' }, { bytesPerSecond: 5 }), en, 'en')).toEqual({ speed: '', eta: '' });
  });
});

describe('sentFraction', () => {
  it('is the share sent, whole once done, and nothing for rows that stored nothing', () => {
    expect(sentFraction(row({ kind: 'uploading', attempt: 1 }, { size: 200, bytesSent: 50 }))).toBe(0.25);
    expect(sentFraction(row({ kind: 'queued' }, { size: 0 }))).toBe(0);
    expect(sentFraction(row(DONE, { size: 0 }))).toBe(1);
    expect(sentFraction(row({ kind: 'failed', error: failure }, { size: 10, bytesSent: 10 }))).toBeUndefined();
    expect(sentFraction(row({ kind: 'canceled' }))).toBeUndefined();
  });
});

describe('rowError', () => {
  it('is the failure, or the last error while waiting to retry', () => {
    expect(rowError(row({ kind: 'failed', error: failure }))).toBe(failure);
    expect(rowError(row({ kind: 'waiting-retry', attempt: 2, retryAt: 0, lastError: failure }))).toBe(failure);
    expect(rowError(row(DONE))).toBeUndefined();
  });
});

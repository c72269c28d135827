/**
 * What a row says about its transfer: a short status, its speed and time left while it moves, how much is
 * sent, and the error it shows (the failure, or the last error while it waits to retry).
 */
import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { Language } from '../../../../electron/shared/ipc/settings.js';
import { formatDuration, formatSpeed } from '../../app/format.js';
import type { TransferRow } from '../../store/transfers-slice.js';

/** One short status: `Waiting`, `Uploading · attempt 2`, `Retrying in 3 sec`, `Done`, `Skipped: exists`. */
export function statusText(row: TransferRow, t: TFunction<'upload'>, language: Language, now: number = Date.now()): string {
  const { state } = row;
  switch (state.kind) {
    case 'queued':
      return t('row.status.queued');
    case 'uploading':
      return state.attempt > 1 ? `${t('row.status.uploading')} · ${t('row.status.attempt', { attempt: state.attempt })}` : t('row.status.uploading');
    case 'waiting-retry':
      return t('row.status.retrying', { duration: formatDuration(Math.max(0, (state.retryAt - now) / 1000), language) });
    case 'paused':
      return t('row.status.paused');
    case 'done':
      return t('row.status.done');
    case 'skipped':
      return t('row.status.skipped', { reason: state.reason });
    case 'failed':
      return t('row.status.failed');
    case 'canceled':
      return t('row.status.canceled');
  }
}

/** Speed and time left while the transfer moves (`1.5 MB/s`, `12 sec left`); empty strings otherwise. */
export function rateText(row: TransferRow, t: TFunction<'upload'>, language: Language): { readonly speed: string; readonly eta: string } {
  if (row.state.kind !== 'uploading') return { speed: '', eta: '' };
  return {
    speed: row.bytesPerSecond > 0 ? formatSpeed(row.bytesPerSecond, language) : '',
    eta: row.etaSeconds === undefined ? '' : t('row.eta', { duration: formatDuration(row.etaSeconds, language) }),
  };
}

/**
 * How much of the file is sent, 0..1 (a finished upload is whole, an empty file too once done); undefined
 * when progress means nothing any more (failed, canceled or skipped: nothing of it is stored).
 */
export function sentFraction(row: TransferRow): number | undefined {
  switch (row.state.kind) {
    case 'done':
      return 1;
    case 'failed':
    case 'canceled':
    case 'skipped':
      return undefined;
    default:
      return row.size === 0 ? 0 : Math.min(1, row.bytesSent / row.size);
  }
}

/** The error to show under the row, if any. */
export function rowError(row: TransferRow): ErrorInfo | undefined {
  if (row.state.kind === 'failed') return row.state.error;
  if (row.state.kind === 'waiting-retry') return row.state.lastError;
  return undefined;
}

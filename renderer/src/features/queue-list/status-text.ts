/**
 * What a row says about its transfer, and the error it shows (with what to do about it).
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { TransferRow } from '../../store/transfers-slice.js';
import { formatBytes, formatDuration } from '../../app/format.js';

/** One short line: `Uploading · 2.1 MB/s · 12 s left`, `Done`, `Retrying in 3 s`. */
export function statusText(row: TransferRow, now: number = Date.now()): string {
  const { state } = row;
  switch (state.kind) {
    case 'queued':
      return 'Waiting';
    case 'uploading': {
      const parts = ['Uploading'];
      if (row.bytesPerSecond > 0) parts.push(`${formatBytes(row.bytesPerSecond)}/s`);
      if (row.etaSeconds !== undefined) parts.push(`${formatDuration(row.etaSeconds)} left`);
      if (state.attempt > 1) parts.push(`attempt ${state.attempt}`);
      return parts.join(' · ');
    }
    case 'waiting-retry':
      return `Retrying in ${formatDuration(Math.max(0, (state.retryAt - now) / 1000))}`;
    case 'paused':
      return 'Paused';
    case 'done':
      return 'Done';
    case 'skipped':
      return `Skipped: ${state.reason}`;
    case 'failed':
      return 'Failed';
    case 'canceled':
      return 'Canceled';
  }
}

/** The error to show under the row, if any. */
export function rowError(row: TransferRow): ErrorInfo | undefined {
  if (row.state.kind === 'failed') return row.state.error;
  if (row.state.kind === 'waiting-retry') return row.state.lastError;
  return undefined;
}

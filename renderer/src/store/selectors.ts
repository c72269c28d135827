/**
 * Values derived from the store, as plain functions (components pass them to `useAppStore`).
 */
import type { QueueTotals } from '../../../electron/shared/transfer.js';
import type { AppState } from './app-store.js';

/**
 * The queue's totals. Counts and bytes come from the rows, so they are right the moment an event lands;
 * speed and time left come from the host's last batch, and are zero once nothing moves.
 */
export function selectTotals(state: AppState): QueueTotals {
  let filesDone = 0;
  let filesFailed = 0;
  let bytesTotal = 0;
  let bytesSent = 0;
  let moving = false;
  for (const row of state.transfers.values()) {
    bytesTotal += row.size;
    bytesSent += row.bytesSent;
    if (row.state.kind === 'done' || row.state.kind === 'skipped') filesDone += 1;
    if (row.state.kind === 'failed') filesFailed += 1;
    if (row.state.kind === 'uploading') moving = true;
  }
  const speed = moving ? state.totals.bytesPerSecond : 0;
  const eta = moving ? state.totals.etaSeconds : undefined;
  return { files: state.transfers.size, filesDone, filesFailed, bytesTotal, bytesSent, bytesPerSecond: speed, ...(eta === undefined ? {} : { etaSeconds: eta }) };
}

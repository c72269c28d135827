/**
 * The parts of the queue a user can look at: everything, what is still to do, what is done, and what did
 * not make it (failed or canceled: both can be retried from there).
 */
import type { TransferStateKind } from '../../../electron/shared/transfer.js';

/** A filter of the queue. */
export type QueueFilter = 'all' | 'active' | 'done' | 'failed';

/** Every filter, in the order they are offered. */
export const QUEUE_FILTERS: readonly QueueFilter[] = ['all', 'active', 'done', 'failed'];

/** The filter (other than `all`) a transfer in state `kind` belongs to. */
export function filterOf(kind: TransferStateKind): Exclude<QueueFilter, 'all'> {
  switch (kind) {
    case 'queued':
    case 'uploading':
    case 'waiting-retry':
    case 'paused':
      return 'active';
    case 'done':
    case 'skipped':
      return 'done';
    case 'failed':
    case 'canceled':
      return 'failed';
  }
}

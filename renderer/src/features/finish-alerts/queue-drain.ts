/**
 * When the queue runs dry: the moment the last moving transfer of a run settles, with what the run gave.
 * Pure, so the alert hook stays a few lines and this is tested by table.
 */
import type { TransferId } from '../../../../electron/shared/transfer.js';
import type { TransferRow } from '../../store/transfers-slice.js';

/** What a finished run gave. */
export interface QueueDrain {
  readonly done: number;
  readonly failed: number;
  /** The share link of the last transfer of the run that got one. */
  readonly lastLink?: string;
}

function moving(row: TransferRow): boolean {
  return row.state.kind === 'queued' || row.state.kind === 'uploading' || row.state.kind === 'waiting-retry';
}

/**
 * The run that ended between `before` and `after`, or undefined when none did (something still moves,
 * nothing moved before, or the queue was replaced by a snapshot: a reload is not a finish).
 */
export function queueDrain(before: ReadonlyMap<TransferId, TransferRow>, after: ReadonlyMap<TransferId, TransferRow>): QueueDrain | undefined {
  const wasMoving = [...before.values()].filter(moving);
  if (wasMoving.length === 0 || [...after.values()].some(moving)) return undefined;
  let done = 0;
  let failed = 0;
  let lastLink: string | undefined;
  for (const { id } of wasMoving) {
    const state = after.get(id)?.state;
    if (state?.kind === 'done') {
      done += 1;
      if (state.result.link !== undefined) lastLink = state.result.link.url;
    } else if (state?.kind === 'failed') {
      failed += 1;
    }
  }
  if (done === 0 && failed === 0) return undefined;
  return lastLink === undefined ? { done, failed } : { done, failed, lastLink };
}

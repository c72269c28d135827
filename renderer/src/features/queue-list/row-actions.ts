/**
 * Which queue controls a row offers in each state, and the channel each one calls. Mirrors the engine's
 * transitions (electron/core/transfer/engine/transition.ts): pause what is waiting or moving, resume what
 * is paused, cancel anything unfinished, retry what failed or was canceled, remove what is finished.
 */
import type { TransferState } from '../../../../electron/shared/transfer.js';

/** A control of one transfer. */
export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove';

/** The channel of each control (each takes the transfer's id). */
export const ACTION_CHANNELS = {
  pause: 'transfers:pause',
  resume: 'transfers:resume',
  cancel: 'transfers:cancel',
  retry: 'transfers:retry',
  remove: 'transfers:remove',
} as const satisfies Record<RowAction, string>;

/** The controls a row in `state` offers, in the order they are shown. */
export function rowActions(state: TransferState): readonly RowAction[] {
  switch (state.kind) {
    case 'queued':
    case 'uploading':
    case 'waiting-retry':
      return ['pause', 'cancel'];
    case 'paused':
      return ['resume', 'cancel'];
    case 'failed':
    case 'canceled':
      return ['retry', 'remove'];
    case 'done':
    case 'skipped':
      return ['remove'];
  }
}

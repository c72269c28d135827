/**
 * What the screen reader hears about the queue, and when: milestones, not every tick. Pure: from the
 * counts before and after a change, the announcement due (if any); use-progress-announcer.ts throttles
 * and speaks them.
 *
 * - A run ends (nothing left moving): how many of the files uploaded, and how many failed.
 * - Failures grow: how many failed so far.
 * - Progress crosses a quarter of the queue: `12 of 40 files uploaded`.
 */

/** The counts an announcement is made from. */
export interface RunCounts {
  /** Every transfer in the queue. */
  readonly all: number;
  /** Done or skipped. */
  readonly done: number;
  /** Failed (not canceled: the user did that). */
  readonly failed: number;
  /** Queued, uploading or waiting to retry (paused transfers are not moving). */
  readonly moving: number;
}

/** Something worth saying. */
export type Announcement =
  | { readonly kind: 'finished'; readonly done: number; readonly all: number; readonly failed: number }
  | { readonly kind: 'failed'; readonly failed: number }
  | { readonly kind: 'progress'; readonly done: number; readonly all: number };

/** Why 4: a quarter of the queue is news; finer steps would talk over a long upload. */
const STEPS = 4;

function quarter(done: number, all: number): number {
  return all === 0 ? 0 : Math.floor((done / all) * STEPS);
}

/** The announcement due between `before` and `after`, or undefined. */
export function announcementFor(before: RunCounts, after: RunCounts): Announcement | undefined {
  if (before.moving > 0 && after.moving === 0) return { kind: 'finished', done: after.done, all: after.all, failed: after.failed };
  if (after.failed > before.failed) return { kind: 'failed', failed: after.failed };
  // Only while uploads run (a snapshot or a clear is not progress), and only forward within the same queue.
  if (after.moving > 0 && after.all === before.all && after.done > before.done && quarter(after.done, after.all) > quarter(before.done, before.all)) {
    return { kind: 'progress', done: after.done, all: after.all };
  }
  return undefined;
}

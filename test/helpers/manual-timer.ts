import type { OneShotTimer } from '../../electron/shared/one-shot-timer.js';

/** A timer that fires only when the test says so, remembering every delay asked for. */
export interface ManualTimer extends OneShotTimer {
  readonly delays: number[];
  /** Runs the pending callback (the last one set and not cleared), if any. */
  fire(): void;
}

/** A fresh {@link ManualTimer}. */
export function manualTimer(): ManualTimer {
  let pending: (() => void) | undefined;
  const delays: number[] = [];
  return {
    delays,
    set: (callback, ms) => {
      delays.push(ms);
      pending = callback;
      return callback;
    },
    clear: (handle) => {
      if (handle === pending) pending = undefined;
    },
    fire: () => pending?.(),
  };
}

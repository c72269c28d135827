/**
 * Waiting on the engine's (injectable) clock, cut short by an abort signal, and the error that says an
 * operation stopped because its transfer was paused, canceled, removed or the engine closed.
 */
import type { EngineClock } from './engine-types.js';

/** Why a transfer's signal was aborted. */
export type StopReason = 'pause' | 'cancel' | 'remove' | 'close';

/** Thrown (and caught by the engine) when work stops because its signal was aborted. Not a failure. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor() {
    super('The transfer was stopped.');
  }
}

/** Throws {@link Interrupted} when `signal` is aborted. */
export function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw new Interrupted();
}

/** Resolves after `ms` on `clock`; rejects with {@link Interrupted} as soon as `signal` aborts. */
export function sleep(clock: EngineClock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Interrupted());
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(new Interrupted());
    };
    const handle = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The life of one transfer as a pure function: `transition(state, event)` gives the next state, or
 * `undefined` when the event does not apply in that state (the engine then ignores it). Every state and
 * every event is handled by an exhaustive switch, so adding either is a compile error until decided here.
 *
 * ```
 *            start            succeed
 *  queued ───────────▶ uploading ─────────▶ done
 *    ▲  ▲ interrupt     │  ▲  │ skip ──────▶ skipped
 *    │  └───────────────┤  │  │ fail ──────▶ failed ──┐
 *    │    wait-retry    ▼  │ next-attempt            │ retry
 *    │           waiting-retry                        │
 *    │ resume                                        │
 *  paused ◀── pause (queued, uploading, waiting-retry)│
 *    cancel (any unfinished state) ──▶ canceled ──────┘ (retry → queued)
 * ```
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { TransferState, UploadResult } from '../../../shared/transfer.js';

/** What can happen to a transfer. */
export type TransitionEvent =
  /** The scheduler gave it a slot: the first attempt begins. */
  | { readonly kind: 'start' }
  /** Another attempt begins (after a wait, a new signature or a clock correction). */
  | { readonly kind: 'next-attempt' }
  /** An attempt failed and another follows at `retryAt` (ms, engine clock). */
  | { readonly kind: 'wait-retry'; readonly retryAt: number; readonly error: ErrorInfo }
  | { readonly kind: 'succeed'; readonly result: UploadResult }
  /** Nothing to upload: the existing-object policy said skip. */
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly error: ErrorInfo }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'cancel' }
  /** A failed or canceled transfer goes back to the queue. */
  | { readonly kind: 'retry' }
  /** The engine stopped (close, restart) while the transfer was moving: it waits in the queue again. */
  | { readonly kind: 'interrupt' };

/** The kinds of transition events. */
export type TransitionEventKind = TransitionEvent['kind'];

/** Compile-time exhaustiveness: called only with `never`. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

function fromQueued(event: TransitionEvent): TransferState | undefined {
  switch (event.kind) {
    case 'start':
      return { kind: 'uploading', attempt: 1 };
    case 'pause':
      return { kind: 'paused' };
    case 'cancel':
      return { kind: 'canceled' };
    // A transfer can fail before it starts (no credentials for a restored destination, for example).
    case 'fail':
      return { kind: 'failed', error: event.error };
    case 'next-attempt':
    case 'wait-retry':
    case 'succeed':
    case 'skip':
    case 'resume':
    case 'retry':
    case 'interrupt':
      return undefined;
    default:
      return assertNever(event);
  }
}

function fromMoving(state: Extract<TransferState, { kind: 'uploading' | 'waiting-retry' }>, event: TransitionEvent): TransferState | undefined {
  switch (event.kind) {
    case 'next-attempt':
      return { kind: 'uploading', attempt: state.attempt + 1 };
    case 'wait-retry':
      return { kind: 'waiting-retry', attempt: state.attempt, retryAt: event.retryAt, lastError: event.error };
    case 'succeed':
      return { kind: 'done', result: event.result };
    case 'skip':
      return { kind: 'skipped', reason: event.reason };
    case 'fail':
      return { kind: 'failed', error: event.error };
    case 'pause':
      return { kind: 'paused' };
    case 'cancel':
      return { kind: 'canceled' };
    case 'interrupt':
      return { kind: 'queued' };
    case 'start':
    case 'resume':
    case 'retry':
      return undefined;
    default:
      return assertNever(event);
  }
}

function fromPaused(event: TransitionEvent): TransferState | undefined {
  switch (event.kind) {
    case 'resume':
      return { kind: 'queued' };
    case 'cancel':
      return { kind: 'canceled' };
    // The upload finished on the server just as it was paused: the object is there, so say so.
    case 'succeed':
      return { kind: 'done', result: event.result };
    case 'start':
    case 'next-attempt':
    case 'wait-retry':
    case 'skip':
    case 'fail':
    case 'pause':
    case 'retry':
    case 'interrupt':
      return undefined;
    default:
      return assertNever(event);
  }
}

function fromRetryable(event: TransitionEvent): TransferState | undefined {
  switch (event.kind) {
    case 'retry':
      return { kind: 'queued' };
    case 'start':
    case 'next-attempt':
    case 'wait-retry':
    case 'succeed':
    case 'skip':
    case 'fail':
    case 'pause':
    case 'resume':
    case 'cancel':
    case 'interrupt':
      return undefined;
    default:
      return assertNever(event);
  }
}

/**
 * The state after `event`, or `undefined` when `event` does not apply to `state` (pausing a finished
 * transfer, resuming one that is not paused...). Pure: returns new objects and never mutates.
 */
export function transition(state: TransferState, event: TransitionEvent): TransferState | undefined {
  switch (state.kind) {
    case 'queued':
      return fromQueued(event);
    case 'uploading':
    case 'waiting-retry':
      return fromMoving(state, event);
    case 'paused':
      return fromPaused(event);
    case 'failed':
    case 'canceled':
      return fromRetryable(event);
    // Done and skipped are the end: a new upload of the same file is a new transfer.
    case 'done':
    case 'skipped':
      return undefined;
    default:
      return assertNever(state);
  }
}

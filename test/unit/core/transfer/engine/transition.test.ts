import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { TransferState, TransferStateKind, UploadResult } from '../../../../../electron/shared/transfer.js';
import { transition, type TransitionEvent, type TransitionEventKind } from '../../../../../electron/core/transfer/engine/transition.js';

const error: ErrorInfo = { code: 'network-error', message: 'The connection was cut off.', hint: 'Check the connection.' };
const result: UploadResult = { key: 'a.txt', size: 1, etag: 'e', multipart: false, finishedAt: '2026-01-15T12:00:00.000Z' };

const STATES: Record<TransferStateKind, TransferState> = {
  queued: { kind: 'queued' },
  uploading: { kind: 'uploading', attempt: 2 },
  'waiting-retry': { kind: 'waiting-retry', attempt: 2, retryAt: 5, lastError: error },
  paused: { kind: 'paused' },
  done: { kind: 'done', result },
  skipped: { kind: 'skipped', reason: 'exists' },
  failed: { kind: 'failed', error },
  canceled: { kind: 'canceled' },
};

const EVENTS: Record<TransitionEventKind, TransitionEvent> = {
  start: { kind: 'start' },
  'next-attempt': { kind: 'next-attempt' },
  'wait-retry': { kind: 'wait-retry', retryAt: 9, error },
  succeed: { kind: 'succeed', result },
  skip: { kind: 'skip', reason: 'exists' },
  fail: { kind: 'fail', error },
  pause: { kind: 'pause' },
  resume: { kind: 'resume' },
  cancel: { kind: 'cancel' },
  retry: { kind: 'retry' },
  interrupt: { kind: 'interrupt' },
};

/** The whole table: state × event → next state (kind), or '-' when the event does not apply. */
const TABLE: Record<TransferStateKind, Record<TransitionEventKind, TransferStateKind | '-'>> = {
  queued: { start: 'uploading', 'next-attempt': '-', 'wait-retry': '-', succeed: '-', skip: '-', fail: 'failed', pause: 'paused', resume: '-', cancel: 'canceled', retry: '-', interrupt: '-' },
  uploading: { start: '-', 'next-attempt': 'uploading', 'wait-retry': 'waiting-retry', succeed: 'done', skip: 'skipped', fail: 'failed', pause: 'paused', resume: '-', cancel: 'canceled', retry: '-', interrupt: 'queued' },
  'waiting-retry': { start: '-', 'next-attempt': 'uploading', 'wait-retry': 'waiting-retry', succeed: 'done', skip: 'skipped', fail: 'failed', pause: 'paused', resume: '-', cancel: 'canceled', retry: '-', interrupt: 'queued' },
  paused: { start: '-', 'next-attempt': '-', 'wait-retry': '-', succeed: 'done', skip: '-', fail: '-', pause: '-', resume: 'queued', cancel: 'canceled', retry: '-', interrupt: '-' },
  done: { start: '-', 'next-attempt': '-', 'wait-retry': '-', succeed: '-', skip: '-', fail: '-', pause: '-', resume: '-', cancel: '-', retry: '-', interrupt: '-' },
  skipped: { start: '-', 'next-attempt': '-', 'wait-retry': '-', succeed: '-', skip: '-', fail: '-', pause: '-', resume: '-', cancel: '-', retry: '-', interrupt: '-' },
  failed: { start: '-', 'next-attempt': '-', 'wait-retry': '-', succeed: '-', skip: '-', fail: '-', pause: '-', resume: '-', cancel: '-', retry: 'queued', interrupt: '-' },
  canceled: { start: '-', 'next-attempt': '-', 'wait-retry': '-', succeed: '-', skip: '-', fail: '-', pause: '-', resume: '-', cancel: '-', retry: 'queued', interrupt: '-' },
};

describe('transition', () => {
  const cases = Object.entries(TABLE).flatMap(([state, row]) =>
    Object.entries(row).map(([event, next]) => [state as TransferStateKind, event as TransitionEventKind, next] as const),
  );

  it.each(cases)('%s + %s → %s', (state, event, next) => {
    const after = transition(STATES[state], EVENTS[event]);
    expect(after === undefined ? '-' : after.kind).toBe(next);
  });

  it('starts at attempt 1 and counts further attempts', () => {
    expect(transition(STATES.queued, EVENTS.start)).toEqual({ kind: 'uploading', attempt: 1 });
    expect(transition(STATES.uploading, EVENTS['next-attempt'])).toEqual({ kind: 'uploading', attempt: 3 });
    expect(transition(STATES['waiting-retry'], EVENTS['next-attempt'])).toEqual({ kind: 'uploading', attempt: 3 });
  });

  it('carries the data of the event into the state', () => {
    expect(transition(STATES.uploading, EVENTS['wait-retry'])).toEqual({ kind: 'waiting-retry', attempt: 2, retryAt: 9, lastError: error });
    expect(transition(STATES.uploading, EVENTS.succeed)).toEqual({ kind: 'done', result });
    expect(transition(STATES.uploading, EVENTS.fail)).toEqual({ kind: 'failed', error });
    expect(transition(STATES.uploading, EVENTS.skip)).toEqual({ kind: 'skipped', reason: 'exists' });
  });

  it('never mutates the state it is given', () => {
    const state = { kind: 'uploading', attempt: 1 } as const;
    const frozen = Object.freeze({ ...state });
    transition(frozen, EVENTS['next-attempt']);
    expect(frozen).toEqual(state);
  });
});

import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { ACTION_CHANNELS, rowActions } from '../../../../../renderer/src/features/queue-list/row-actions.js';
import { DONE } from '../../fixtures.js';

const error = { code: 'network-error', message: 'm', hint: 'h' } as const;

describe('rowActions', () => {
  it.each<[string, TransferState, readonly string[]]>([
    ['queued', { kind: 'queued' }, ['pause', 'cancel']],
    ['uploading', { kind: 'uploading', attempt: 1 }, ['pause', 'cancel']],
    ['waiting to retry', { kind: 'waiting-retry', attempt: 2, retryAt: 0, lastError: error }, ['pause', 'cancel']],
    ['paused', { kind: 'paused' }, ['resume', 'cancel']],
    ['failed', { kind: 'failed', error }, ['retry', 'remove']],
    ['canceled', { kind: 'canceled' }, ['retry', 'remove']],
    ['done', DONE, ['remove']],
    ['skipped', { kind: 'skipped', reason: 'exists' }, ['remove']],
  ])('offers a %s transfer %j', (_name, state, actions) => expect(rowActions(state)).toEqual(actions));

  it('runs each control on its own channel', () => {
    expect(ACTION_CHANNELS).toEqual({ pause: 'transfers:pause', resume: 'transfers:resume', cancel: 'transfers:cancel', retry: 'transfers:retry', remove: 'transfers:remove' });
  });
});

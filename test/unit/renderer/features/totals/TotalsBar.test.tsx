import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { TotalsBar } from '../../../../../renderer/src/features/totals/TotalsBar.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { DONE, snapshot, stateEvent, view } from '../../fixtures.js';
import { fakeBridge, renderWith, resetStore } from '../upload/upload-harness.js';

beforeEach(resetStore);

function queue(...states: TransferState[]): void {
  act(() => {
    appStore.getState().hydrate(snapshot(1, ...states.map((_, index) => view(`t${index}`, 1024 * 1024))));
    appStore.getState().applyEvents(states.map((state, index) => stateEvent(index + 2, `t${index}`, state)));
  });
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('TotalsBar', () => {
  it('sums the queue: files done, bytes, failures', () => {
    queue(DONE, { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } }, { kind: 'queued' });
    renderWith(<TotalsBar />, fakeBridge());
    expect(screen.getByTestId('totals').textContent).toBe('1 of 3 files done1 MB of 3 MB1 failed');
  });

  it('runs each queue-wide action on all transfers (no id)', async () => {
    queue({ kind: 'uploading', attempt: 1 }, { kind: 'paused' }, { kind: 'canceled' }, DONE);
    const bridge = fakeBridge();
    renderWith(<TotalsBar />, bridge);
    for (const name of ['Pause all', 'Resume all', 'Retry failed', 'Clear finished']) await userEvent.click(button(name));
    expect(bridge.calls).toEqual([
      { channel: 'transfers:pause', args: [] },
      { channel: 'transfers:resume', args: [] },
      { channel: 'transfers:retry', args: [] },
      { channel: 'transfers:clear-finished', args: [] },
    ]);
  });

  it('offers only the actions that would do something', () => {
    queue({ kind: 'uploading', attempt: 1 }, { kind: 'queued' });
    renderWith(<TotalsBar />, fakeBridge());
    expect(button('Pause all').disabled).toBe(false);
    expect(button('Resume all').disabled).toBe(true);
    expect(button('Retry failed').disabled).toBe(true);
    expect(button('Clear finished').disabled).toBe(true);
  });
});

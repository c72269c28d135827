import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransferState } from '../../../../../electron/shared/transfer.js';
import { QueueRow } from '../../../../../renderer/src/features/queue-list/QueueRow.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { batch, DONE, snapshot, stateEvent, view } from '../../fixtures.js';
import { fakeBridge, refused, renderWith, resetStore } from '../upload/upload-harness.js';

beforeEach(resetStore);

/** Puts transfer `photo` (1,000 bytes) in `state` and renders its row. */
function renderRow(state: TransferState, bridge = fakeBridge()) {
  act(() => {
    appStore.getState().hydrate(snapshot(1, { ...view('photo', 1000), name: 'photo.jpg' }));
    appStore.getState().applyEvents([stateEvent(2, 'photo', state)]);
  });
  renderWith(<QueueRow id="photo" index={0} count={1} current start={0} measure={() => undefined} onFocusRow={() => undefined} />, bridge);
  return bridge;
}

describe('QueueRow', () => {
  it.each<[string, TransferState, string, string]>([
    ['pauses', { kind: 'uploading', attempt: 1 }, 'Pause photo.jpg', 'transfers:pause'],
    ['cancels', { kind: 'queued' }, 'Cancel photo.jpg', 'transfers:cancel'],
    ['resumes', { kind: 'paused' }, 'Resume photo.jpg', 'transfers:resume'],
    ['retries', { kind: 'canceled' }, 'Retry photo.jpg', 'transfers:retry'],
    ['removes', DONE, 'Remove photo.jpg from the queue', 'transfers:remove'],
  ])('%s its own transfer, by id, from a button that names the file', async (_verb, state, label, channel) => {
    const bridge = renderRow(state);
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(bridge.calls).toEqual([{ channel, args: ['photo'] }]);
  });

  it('reports a refused control as a notice', async () => {
    const bridge = fakeBridge({ 'transfers:retry': () => refused({ code: 'internal', message: 'The engine is closed.', hint: 'Restart.' }) });
    renderRow({ kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } }, bridge);
    await userEvent.click(screen.getByRole('button', { name: 'Retry photo.jpg' }));
    expect(appStore.getState().notices.map((notice) => notice.message)).toEqual(['The engine is closed.']);
  });

  it('shows name, destination key, size, an accessible progress bar, speed and time left while uploading', () => {
    renderRow({ kind: 'uploading', attempt: 1 });
    act(() => appStore.getState().applyProgress({ ...batch(3, ['photo', 250]), samples: [{ id: 'photo', bytesSent: 250, bytesPerSecond: 2048, etaSeconds: 42 }] }));
    const row = screen.getByTestId('transfer');
    expect(row.getAttribute('data-state')).toBe('uploading');
    expect(row.textContent).toContain('photo.jpg');
    expect(row.textContent).toContain('dropsign/key/photo');
    expect(row.textContent).toContain('1 kB');
    expect(row.textContent).toContain('2 kB/s');
    expect(row.textContent).toContain('42 sec left');
    const progress = screen.getByRole('progressbar', { name: 'Upload progress of photo.jpg' }) as HTMLProgressElement;
    expect(progress.value).toBe(0.25);
    expect(row.textContent).toContain('25%');
  });

  it('shows a name or key that would reorder itself (a bidirectional control) with the control made visible', () => {
    act(() => {
      appStore.getState().hydrate(snapshot(1, { ...view('spoof', 10), name: 'invoice\u202efdp.exe', key: 'in/invoice\u202efdp.exe' }));
    });
    renderWith(<QueueRow id="spoof" index={0} count={1} current start={0} measure={() => undefined} onFocusRow={() => undefined} />, fakeBridge());
    const row = screen.getByTestId('transfer');
    expect(row.textContent).not.toContain('\u202e');
    expect(row.textContent).toContain('invoice\\u202efdp.exe');
    expect(row.textContent).toContain('/in/invoice\\u202efdp.exe');
    expect(row.querySelector('.transfer-name')?.getAttribute('title')).toBe('invoice\\u202efdp.exe');
  });

  it('offers a finished upload’s link to copy, and to open in the system browser', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderRow(DONE);
    const open = screen.getByRole('link', { name: 'Open the share link of photo.jpg' });
    expect(open.getAttribute('href')).toBe('http://127.0.0.1:47110/dropsign/k?x=1');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toBe('noreferrer');
    await userEvent.click(screen.getByRole('button', { name: 'Copy the share link of photo.jpg' }));
    expect(writeText).toHaveBeenCalledWith('http://127.0.0.1:47110/dropsign/k?x=1');
    expect(screen.getByTestId('copy-link').textContent).toBe('Copied');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('explains a failure in plain words, naming the culprit, with the server’s request id', () => {
    renderRow({
      kind: 'failed',
      error: { code: 'wrong-region', message: 'The bucket is in cn-shanghai, but the request was signed for cn-hangzhou.', hint: 'h', details: { bucketRegion: 'cn-shanghai', requestId: 'REQ42' } },
    });
    const error = screen.getByTestId('row-error');
    expect(error.textContent).toContain('The bucket is in cn-shanghai');
    expect(error.textContent).toContain('Set the profile’s region to cn-shanghai');
    expect(error.textContent).toContain('Request ID: REQ42');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('keeps its buttons out of the Tab order unless it is the current row', () => {
    act(() => appStore.getState().hydrate(snapshot(1, view('a'), view('b'))));
    renderWith(
      <>
        <QueueRow id="a" index={0} count={2} current start={0} measure={() => undefined} onFocusRow={() => undefined} />
        <QueueRow id="b" index={1} count={2} current={false} start={62} measure={() => undefined} onFocusRow={() => undefined} />
      </>,
      fakeBridge(),
    );
    const [first, second] = screen.getAllByTestId('transfer');
    expect(first?.tabIndex).toBe(0);
    expect(second?.tabIndex).toBe(-1);
    expect(screen.getByRole('button', { name: 'Pause a.bin' }).tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: 'Pause b.bin' }).tabIndex).toBe(-1);
  });
});

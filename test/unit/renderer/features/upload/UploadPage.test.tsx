import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadPage } from '../../../../../renderer/src/features/upload/UploadPage.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { DONE, snapshot, stateEvent, UPLOADING, view } from '../../fixtures.js';
import { layOutQueue } from '../queue-list/list-layout.js';
import { fakeBridge, ok, PROFILES, renderWith, resetStore, settingsWith } from './upload-harness.js';

let undoLayout: () => void;
beforeEach(() => {
  resetStore();
  appStore.getState().setSettings(settingsWith());
  undoLayout = layOutQueue();
});
afterEach(() => undoLayout());

const bridge = () => fakeBridge({ 'profiles:list': () => ok(PROFILES) });

describe('UploadPage', () => {
  it('tells a new user what to do while the queue is empty', async () => {
    renderWith(<UploadPage />, bridge());
    const empty = screen.getByTestId('queue-empty');
    expect(empty.textContent).toContain('Nothing uploading yet');
    expect(empty.textContent).toContain('Copied files, or a screenshot, can be pasted with Ctrl+V.');
    expect(screen.getByRole('button', { name: 'Choose files…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose folder…' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Upload queue' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('destination').textContent).toBe('dropsign/'));
  });

  it('says how far staging has got, in files and bytes, with a progress bar', () => {
    renderWith(<UploadPage />, bridge());
    act(() => {
      const id = appStore.getState().startStaging(10);
      appStore.getState().updateStaging(id, { kind: 'staging', progress: { filesDone: 3, filesTotal: 10, bytesSent: 3 * 1024 * 1024, bytesTotal: 10 * 1024 * 1024 } });
    });
    expect(screen.getByTestId('staging').textContent).toBe('Copying files to Dropsign: 3 of 10 (3 MB of 10 MB)…');
    expect((screen.getByRole('progressbar', { name: 'Copying files to Dropsign' }) as HTMLProgressElement).value).toBe(3 * 1024 * 1024);
    act(() => appStore.getState().updateStaging(appStore.getState().staging[0]?.id ?? 0, { kind: 'enqueueing' }));
    expect(screen.getByTestId('staging').textContent).toBe('Adding to the queue…');
  });

  it('filters the queue, with each filter’s count', async () => {
    act(() => {
      appStore.getState().hydrate(snapshot(1, view('a'), view('b'), view('c')));
      appStore.getState().applyEvents([stateEvent(2, 'a', DONE), stateEvent(3, 'b', { kind: 'failed', error: { code: 'no-such-bucket', message: 'm', hint: 'h' } })]);
    });
    renderWith(<UploadPage />, bridge());
    const filter = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });
    expect(screen.getByRole('group', { name: 'Show' }).textContent).toBe('ShowAll3Active1Done1Failed1');
    expect(screen.getAllByTestId('transfer')).toHaveLength(3);
    await userEvent.click(filter('Failed'));
    expect(screen.getAllByTestId('transfer').map((row) => row.getAttribute('data-name'))).toEqual(['b.bin']);
    expect((filter('Failed') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(filter('Done'));
    expect(appStore.getState().queueFilter).toBe('done');
    expect(screen.getAllByTestId('transfer').map((row) => row.getAttribute('data-name'))).toEqual(['a.bin']);
  });

  it('says in its filter when nothing is in it', async () => {
    act(() => appStore.getState().hydrate(snapshot(1, view('a'))));
    renderWith(<UploadPage />, bridge());
    await userEvent.click(screen.getByRole('radio', { name: /^Done/ }));
    expect(screen.getByText('No uploads in this view.')).toBeTruthy();
  });

  it('announces the end of a run politely, not every tick', () => {
    act(() => {
      appStore.getState().hydrate(snapshot(1, view('a'), view('b')));
      appStore.getState().applyEvents([stateEvent(2, 'a', UPLOADING)]);
    });
    renderWith(<UploadPage />, bridge());
    const live = screen.getByTestId('announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    act(() => appStore.getState().applyEvents([stateEvent(3, 'a', DONE), stateEvent(4, 'b', UPLOADING)]));
    expect(live.textContent).toBe('1 of 2 files uploaded');
    act(() => appStore.getState().applyEvents([stateEvent(5, 'b', { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } })]));
    expect(live.textContent).toBe('Uploads finished: 1 of 2 files uploaded, 1 failed');
  });
});

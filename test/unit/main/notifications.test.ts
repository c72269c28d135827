/** Finished uploads: batched notifications and the link on the clipboard (electron/main/notifications.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../../electron/shared/errors.js';
import type { FinishedTransfer } from '../../../electron/main/queue-model.js';
import { FakeNotification } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { CompletionNotifier, FINISH_BATCH_MS, showSystemNotification } = await import('../../../electron/main/notifications.js');

const done = (id: string, url?: string): FinishedTransfer => ({
  kind: 'done',
  id,
  name: `${id}.png`,
  result: { key: `k/${id}.png`, size: 1, etag: 'e', multipart: false, finishedAt: '2026-11-21T00:00:00Z', ...(url === undefined ? {} : { link: { kind: 'public', url } }) },
});
const error: ErrorInfo = { code: 'access-denied', message: 'The bucket refused the upload.', hint: 'Check the key.' };
const failed = (id: string): FinishedTransfer => ({ kind: 'failed', id, name: `${id}.png`, error });

function setup(settings = { notifications: true, copyLinkOnFinish: true }, focused = false) {
  const deps = { settings: () => settings, show: vi.fn(), copyText: vi.fn(), showWindow: vi.fn(), windowFocused: () => focused };
  return { deps, notifier: new CompletionNotifier(deps) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CompletionNotifier', () => {
  it('gathers finishes for a moment, then copies every link and notifies once', () => {
    const { deps, notifier } = setup();
    notifier.add([done('a', 'https://x/a')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS / 2);
    notifier.add([done('b', 'https://x/b'), done('c')]);
    expect(deps.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(FINISH_BATCH_MS / 2);
    expect(deps.copyText).toHaveBeenCalledWith('https://x/a\nhttps://x/b');
    expect(deps.show).toHaveBeenCalledTimes(1);
    expect(deps.show.mock.calls[0]?.[0]).toMatchObject({ title: 'Uploaded 3 files', body: 'Their links are on the clipboard.' });
  });

  it('one upload: the notification click copies its link', () => {
    const { deps, notifier } = setup({ notifications: true, copyLinkOnFinish: false });
    notifier.add([done('a', 'https://x/a')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS);
    expect(deps.copyText).not.toHaveBeenCalled();
    const [request] = deps.show.mock.calls[0] as [{ title: string; body: string; onClick: () => void }];
    expect(request.title).toBe('Uploaded a.png');
    expect(request.body).toBe('Click to copy the link.');
    request.onClick();
    expect(deps.copyText).toHaveBeenCalledWith('https://x/a');
  });

  it('tells about failures with the reason; the click opens the window', () => {
    const { deps, notifier } = setup();
    notifier.add([failed('a'), failed('b')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS);
    const [request] = deps.show.mock.calls[0] as [{ title: string; body: string; onClick: () => void }];
    expect(request).toMatchObject({ title: '2 uploads failed', body: 'The bucket refused the upload.' });
    request.onClick();
    expect(deps.showWindow).toHaveBeenCalled();
  });

  it('shows a name or key holding control or bidirectional characters with them escaped', () => {
    const { deps, notifier } = setup();
    notifier.add([done('invoice\u202efdp'), failed('evil\u001b[31m')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS);
    const titles = deps.show.mock.calls.map((call) => (call[0] as { title: string; body: string }).title);
    const bodies = deps.show.mock.calls.map((call) => (call[0] as { title: string; body: string }).body);
    expect(titles).toEqual(['Uploaded invoice\\u202efdp.png', 'Upload failed: evil\\u001b[31m.png']);
    expect(bodies[0]).toBe('k/invoice\\u202efdp.png');
  });

  it('stays quiet when notifications are off (links are still copied when wanted)', () => {
    const { deps, notifier } = setup({ notifications: false, copyLinkOnFinish: true });
    notifier.add([done('a', 'https://x/a'), failed('b')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS);
    expect(deps.show).not.toHaveBeenCalled();
    expect(deps.copyText).toHaveBeenCalledWith('https://x/a');
  });
});

describe('focus', () => {
  it('shows no notification while the window has the focus, but still copies the link', () => {
    const { deps, notifier } = setup({ notifications: true, copyLinkOnFinish: true }, true);
    notifier.add([done('a', 'https://x/a')]);
    vi.advanceTimersByTime(FINISH_BATCH_MS);
    expect(deps.show).not.toHaveBeenCalled();
    expect(deps.copyText).toHaveBeenCalledWith('https://x/a');
  });
});

describe('showSystemNotification', () => {
  it('shows an OS notification whose click runs the action', () => {
    const onClick = vi.fn();
    showSystemNotification({ title: 'Uploaded a.png', body: 'x', onClick });
    const notification = FakeNotification.shown.at(-1);
    expect(notification?.options).toEqual({ title: 'Uploaded a.png', body: 'x' });
    notification?.emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

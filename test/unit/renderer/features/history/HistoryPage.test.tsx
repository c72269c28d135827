import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntryView, HistoryPage as Page, HistoryQuery } from '../../../../../electron/shared/ipc/transfer-requests.js';
import { HistoryPage } from '../../../../../renderer/src/features/history/HistoryPage.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { DONE, view } from '../../fixtures.js';
import { fakeHost, ok, renderScreen, resetStore, type Handlers } from '../profiles/fake-host.js';

/** Entry `n`, finished `n` minutes after 08:00 UTC, with a link valid for years. */
function entry(n: number, name = `file-${n}.txt`): HistoryEntryView {
  const finishedAt = new Date(Date.UTC(2026, 10, 21, 8, n)).toISOString();
  return {
    id: `t${n}`,
    path: `/home/me/docs/${name}`,
    endpoint: 'http://127.0.0.1:47110',
    bucket: 'dropsign',
    result: { key: `docs/${name}`, size: 1536 * n, etag: 'e', multipart: false, finishedAt, link: { kind: 'presigned', url: `http://127.0.0.1:47110/dropsign/docs/${name}?sig=${n}`, expiresAt: '2099-01-01T00:00:00Z' } },
  };
}

/**
 * A host whose history holds `entries` (newest first) and answers pages of them, filtered as the core
 * does, of `pageSize` entries when given (a host may answer fewer than the limit asked for).
 */
function historyHost(entries: readonly HistoryEntryView[], pageSize?: number, handlers: Handlers = {}) {
  const answer = (query: HistoryQuery = {}): Page => {
    const needle = query.text?.toLowerCase() ?? '';
    const matching = entries.filter((item) => [item.result.key, item.path, item.bucket].some((value) => value.toLowerCase().includes(needle)));
    const start = query.before === undefined ? 0 : Number(query.before);
    const limit = pageSize ?? query.limit ?? 50;
    const page = matching.slice(start, start + limit);
    return start + limit < matching.length ? { entries: page, nextBefore: String(start + limit) } : { entries: page };
  };
  return fakeHost({ 'history:list': (query) => ok(answer(query)), ...handlers });
}

function open(entries: readonly HistoryEntryView[], pageSize?: number) {
  const host = historyHost(entries, pageSize);
  const user = userEvent.setup({ delay: null });
  return { ...host, ...renderScreen(<HistoryPage />, host, '/history'), user };
}

function rowNames(): string[] {
  return screen.queryAllByTestId('history-entry').map((row) => row.dataset['name'] ?? '');
}

describe('the history screen', () => {
  beforeEach(() => resetStore());

  it('says there is nothing yet when nothing was uploaded', async () => {
    open([]);
    expect((await screen.findByTestId('history-empty')).textContent).toContain('No uploads yet');
  });

  it('lists each upload with its file name, key, bucket, size, finish time and link', async () => {
    open([entry(2, 'report.pdf')]);
    const table = await screen.findByRole('table', { name: 'Finished uploads' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toStrictEqual(['File', 'Key', 'Bucket', 'Size', 'Finished', 'Link']);
    const [row] = screen.getAllByTestId('history-entry');
    expect(within(row as HTMLElement).getByRole('rowheader').textContent).toBe('report.pdf');
    expect(row?.textContent).toContain('docs/report.pdf');
    expect(row?.textContent).toContain('dropsign127.0.0.1:47110');
    expect(row?.textContent).toContain('3 kB');
    expect(row?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-21T08:02:00.000Z');
    expect(within(row as HTMLElement).getByRole('link', { name: 'Open link of report.pdf' }).getAttribute('href')).toBe('http://127.0.0.1:47110/dropsign/docs/report.pdf?sig=2');
    expect(screen.getByTestId('history-summary').textContent).toBe('One upload shown.');
  });

  it('copies an upload\'s link and says so', async () => {
    const { user } = open([entry(1, 'cat.png')]);
    await user.click(await screen.findByRole('button', { name: 'Copy link of cat.png' }));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:47110/dropsign/docs/cat.png?sig=1');
    expect(screen.getByRole('button', { name: 'Copy link of cat.png' }).textContent).toBe('Copied');
  });

  it('searches once typing pauses, not once per key, and says when nothing matches', async () => {
    const { user, callsTo } = open([entry(1, 'cat.png'), entry(2, 'dog.png'), entry(3, 'catalog.pdf')]);
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.type(screen.getByLabelText('Search'), 'cat');
    await waitFor(() => expect(rowNames()).toStrictEqual(['cat.png', 'catalog.pdf']));
    expect(callsTo('history:list')).toStrictEqual([[{ limit: 50 }], [{ text: 'cat', limit: 50 }]]);

    await user.clear(screen.getByLabelText('Search'));
    await user.type(screen.getByLabelText('Search'), 'zebra');
    expect((await screen.findByTestId('history-empty')).textContent).toContain('Nothing matches “zebra”');
  });

  it('loads older uploads with the cursor, keeping the search, until there are none', async () => {
    const entries = Array.from({ length: 9 }, (_, index) => entry(index, index % 3 === 0 ? `other-${index}.txt` : `photo-${index}.jpg`));
    const { user, callsTo } = open(entries, 2);
    await waitFor(() => expect(rowNames()).toStrictEqual(['other-0.txt', 'photo-1.jpg']));
    await user.type(screen.getByLabelText('Search'), 'photo');
    await waitFor(() => expect(rowNames()).toStrictEqual(['photo-1.jpg', 'photo-2.jpg']));
    expect(screen.getByTestId('history-summary').textContent).toBe('2 uploads shown; there are older ones.');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rowNames()).toStrictEqual(['photo-1.jpg', 'photo-2.jpg', 'photo-4.jpg', 'photo-5.jpg', 'photo-7.jpg', 'photo-8.jpg']));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByTestId('history-summary').textContent).toBe('6 uploads shown.');
    expect(callsTo('history:list').slice(-3)).toStrictEqual([[{ text: 'photo', limit: 50 }], [{ text: 'photo', limit: 50, before: '2' }], [{ text: 'photo', limit: 50, before: '4' }]]);
  });

  it('reads the history again when an upload finishes', async () => {
    const { callsTo } = open([entry(1)]);
    await waitFor(() => expect(rowNames()).toHaveLength(1));
    act(() => appStore.setState({ transfers: new Map([['x', { ...view('x'), state: DONE, bytesPerSecond: 0 }]]) }));
    await waitFor(() => expect(callsTo('history:list')).toHaveLength(2));
  });

  it('shows sizes and dates in Chinese when the interface is in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    open([entry(2)]);
    const table = await screen.findByRole('table', { name: '已完成的上传' });
    expect(table.querySelector('time')?.textContent).toContain('2026年11月21日');
  });
});

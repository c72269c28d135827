import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssuedLinkView } from '../../../../../electron/shared/ipc/link-types.js';
import { inspectDraft } from '../../../../../renderer/src/features/links/inspect-draft.js';
import { IssuedLinksPage } from '../../../../../renderer/src/features/links/IssuedLinksPage.js';
import { captureDownloads } from './capture-downloads.js';
import { failed, fakeBridge, issuedLink, ok, renderWithBridge, type Handlers } from './fake-bridge.js';

/** Seen at 08:30:00 UTC: `soon` expires two seconds later, `done` expired at 08:00. */
const NOW = '2026-11-21T08:30:00Z';
const SOON = issuedLink('soon', { method: 'PUT', key: 'inbox/soon.bin', expiresAt: '2026-11-21T08:30:02Z' });
const DONE = issuedLink('done', { key: 'files/done.txt', expiresAt: '2026-11-21T08:00:00Z', profile: 'staging' });

function setUp(handlers: Handlers = {}, links: IssuedLinkView[] = [SOON, DONE]) {
  let register = [...links];
  const host = fakeBridge({
    'links:list': () => ok({ links: register, total: register.length }),
    'links:forget': (id) => {
      register = register.filter((link) => link.id !== id);
      return ok(null);
    },
    ...handlers,
  });
  const view = renderWithBridge(<IssuedLinksPage />, host.bridge, '/links');
  return { ...host, ...view, user: userEvent.setup({ delay: null }) };
}

function row(id: string): HTMLElement {
  const found = screen.getAllByTestId('issued-link').find((element) => element.dataset['id'] === id);
  if (found === undefined) throw new Error(`no row ${id}`);
  return found;
}

describe('IssuedLinksPage', () => {
  beforeEach(() => {
    // The clock and the page's ticking interval are fake; timeouts stay real for Testing Library's waits.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date(NOW));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists method, key, profile and status, and flips a link to expired when its time comes', async () => {
    setUp();
    await screen.findByTestId('issued-links');
    expect(within(row('soon')).getByText('Upload')).toBeTruthy();
    expect(within(row('soon')).getByText('inbox/soon.bin')).toBeTruthy();
    expect(within(row('done')).getByText('staging')).toBeTruthy();
    expect(within(row('soon')).getByTestId('issued-status').textContent).toBe('Active');
    expect(within(row('done')).getByTestId('issued-status').textContent).toBe('Expired');

    act(() => vi.advanceTimersByTime(3000));
    expect(within(row('soon')).getByTestId('issued-status').textContent).toBe('Expired');
  });

  it('filters active or expired links and searches key, profile and bucket', async () => {
    const { user } = setUp();
    await screen.findByTestId('issued-links');
    await user.click(screen.getByRole('radio', { name: 'Active' }));
    expect(screen.getAllByTestId('issued-link').map((element) => element.dataset['id'])).toStrictEqual(['soon']);
    await user.click(screen.getByRole('radio', { name: 'Expired' }));
    expect(screen.getAllByTestId('issued-link').map((element) => element.dataset['id'])).toStrictEqual(['done']);
    await user.click(screen.getByRole('radio', { name: 'All' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'INBOX');
    expect(screen.getAllByTestId('issued-link').map((element) => element.dataset['id'])).toStrictEqual(['soon']);
    expect(screen.getByTestId('issued-count').textContent).toBe('1 of 2 links');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing');
    expect(screen.getByTestId('issued-count').textContent).toBe('No link matches.');
  });

  it('asks before forgetting, says that forgetting does not revoke the link, and forgets only when confirmed', async () => {
    const { user, callsTo } = setUp();
    await screen.findByTestId('issued-links');
    await user.click(screen.getByRole('button', { name: 'Forget the link to inbox/soon.bin' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Forget this link?' });
    expect(confirm.textContent).toContain('it does not revoke it: the link keeps working until');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep it' }));
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(callsTo('links:forget')).toStrictEqual([]);

    await user.click(screen.getByRole('button', { name: 'Forget the link to inbox/soon.bin' }));
    await user.click(screen.getByRole('button', { name: 'Forget it' }));
    await waitFor(() => expect(screen.getAllByTestId('issued-link').map((element) => element.dataset['id'])).toStrictEqual(['done']));
    expect(callsTo('links:forget')).toStrictEqual([['soon']]);
    expect(callsTo('links:list')).toHaveLength(2);
  });

  it('keeps the link when Escape is pressed in the question, and shows the host’s error when forgetting fails', async () => {
    const { user } = setUp({ 'links:forget': () => failed({ code: 'state-file-unreadable', message: 'The register could not be written.', hint: 'Check the disk.' }) });
    await screen.findByTestId('issued-links');
    await user.click(screen.getByRole('button', { name: 'Forget the link to files/done.txt' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('It has already expired.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Forget the link to files/done.txt' }));
    await user.click(screen.getByRole('button', { name: 'Forget it' }));
    expect((await within(screen.getByRole('alertdialog')).findByRole('alert')).textContent).toContain('The register could not be written.');
    expect(screen.getAllByTestId('issued-link')).toHaveLength(2);
  });

  it('exports the register as a CSV download with the host’s file name', async () => {
    const csv = '\uFEFFid,method,key\r\nsoon,PUT,inbox/soon.bin\r\n';
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:issued-links');
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: the test provides them, and takes them away again.
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true });
    const clicked: { download: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    try {
      const { user } = setUp({ 'links:export-csv': () => ok({ fileName: 'dropsign-links-2026-11-21.csv', csv }) });
      await screen.findByTestId('issued-links');
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(clicked).toStrictEqual([{ download: 'dropsign-links-2026-11-21.csv', href: 'blob:issued-links' }]));
      const blob = createObjectURL.mock.calls[0]?.[0];
      expect(blob?.type).toBe('text/csv;charset=utf-8');
      expect(new Uint8Array(await (blob as Blob).arrayBuffer()).slice(0, 3)).toStrictEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
      expect(await (blob as Blob).text()).toContain('soon,PUT,inbox/soon.bin');
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:issued-links'));
    } finally {
      click.mockRestore();
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    }
  });

  it('saves the drop page of an active upload link, and offers none for a download link or an expired one', async () => {
    const capture = captureDownloads();
    try {
      const later = issuedLink('later', { method: 'PUT', key: 'inbox/later.pdf', expiresAt: '2026-11-21T10:00:00Z' });
      const gone = issuedLink('gone', { method: 'PUT', key: 'inbox/gone.pdf', expiresAt: '2026-11-21T08:00:00Z' });
      const { user, callsTo } = setUp({ 'links:drop-page': (id) => ok({ fileName: `dropsign-upload-${id}.html`, html: '<!doctype html>' }) }, [later, gone, DONE]);
      await screen.findByTestId('issued-links');
      expect(within(row('gone')).queryByTestId('save-drop-page')).toBeNull();
      expect(within(row('done')).queryByTestId('save-drop-page')).toBeNull();
      expect(screen.getByTestId('drop-page-note').textContent).toContain('AllowedMethod PUT');
      await user.click(screen.getByRole('button', { name: 'Save the drop page of the link to inbox/later.pdf' }));
      await waitFor(() => expect(capture.downloads.map((download) => download.fileName)).toStrictEqual(['dropsign-upload-later.html']));
      expect(callsTo('links:drop-page')).toStrictEqual([['later', 'en']]);
      expect(screen.getByTestId('drop-page-saved').textContent).toBe('Saved as dropsign-upload-later.html.');
    } finally {
      capture.restore();
    }
  });

  it('shows under the row why its drop page was not saved', async () => {
    const { user } = setUp({ 'links:drop-page': () => failed({ code: 'url-expired', message: 'The upload link to inbox/soon.bin expired.', hint: 'Make a new upload link, then save its drop page.' }) });
    await screen.findByTestId('issued-links');
    await user.click(screen.getByRole('button', { name: 'Save the drop page of the link to inbox/soon.bin' }));
    const error = await screen.findByTestId('drop-page-error');
    expect(error.textContent).toContain('The drop page was not saved.');
    expect(error.textContent).toContain('The upload link to inbox/soon.bin expired.');
  });

  it('opens the inspector on a row’s link', async () => {
    inspectDraft.setState({ url: '', answer: '', handedOver: false });
    const { user, history } = setUp();
    await screen.findByTestId('issued-links');
    await user.click(screen.getByRole('button', { name: 'Inspect the link to files/done.txt' }));
    expect(history.at(-1)).toBe('/links/inspect');
    expect(inspectDraft.getState()).toMatchObject({ url: DONE.url, handedOver: true });
  });

  it('explains why links cannot be revoked and what to do instead', async () => {
    setUp({}, []);
    expect((await screen.findByTestId('issued-count')).textContent).toBe('No links issued yet.');
    const help = screen.getByRole('complementary', { name: 'A presigned link cannot be revoked' });
    for (const way of ['short expiries', 'Rotate or disable the access key', 'temporary (STS) credentials', 'delete or rename the object', 'bucket policy']) {
      expect(help.textContent).toContain(way);
    }
  });

  it('shows the host’s error when the register cannot be read', async () => {
    setUp({ 'links:list': () => failed({ code: 'internal', message: 'Something went wrong inside Dropsign.', hint: 'Try again.' }) });
    expect((await screen.findByTestId('issued-error')).textContent).toContain('Something went wrong inside Dropsign.');
  });
});

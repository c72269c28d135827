import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DropPageSection } from '../../../../../renderer/src/features/links/DropPageSection.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { captureDownloads } from './capture-downloads.js';
import { failed, fakeBridge, ok, renderWithBridge, type Handlers } from './fake-bridge.js';

const PAGE = { fileName: 'dropsign-upload-report.pdf.html', html: '<!doctype html><html lang="en"><title>Upload a file</title></html>' };

/** Renders the section of the issued link `id` (none: a link that could not be recorded). */
function setUp(handlers: Handlers = { 'links:drop-page': () => ok(PAGE) }, link: { readonly id?: string; readonly profile?: string } = { id: 'link-1' }) {
  const host = fakeBridge(handlers);
  renderWithBridge(<DropPageSection id={link.id} profile={link.profile ?? 'prod'} />, host.bridge, '/links/new');
  return { ...host, user: userEvent.setup({ delay: null }) };
}

describe('DropPageSection', () => {
  let capture: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    capture = captureDownloads();
  });
  afterEach(() => {
    capture.restore();
  });

  it('asks the host for the page in the interface’s language and downloads it under the host’s name', async () => {
    const { user, callsTo } = setUp();
    await user.click(screen.getByRole('button', { name: 'Save drop page' }));
    await waitFor(() => expect(capture.downloads).toHaveLength(1));
    expect(callsTo('links:drop-page')).toStrictEqual([['link-1', 'en']]);
    const [download] = capture.downloads;
    expect(download?.fileName).toBe('dropsign-upload-report.pdf.html');
    expect(download?.blob.type).toBe('text/html;charset=utf-8');
    expect(await download?.blob.text()).toBe(PAGE.html);
    expect(screen.getByTestId('drop-page-saved').textContent).toBe('Saved as dropsign-upload-report.pdf.html.');
    expect(screen.getByTestId('drop-page-saved').getAttribute('aria-live')).toBe('polite');
  });

  it('makes the page in the language chosen for the recipient', async () => {
    const { user, callsTo } = setUp();
    await user.selectOptions(screen.getByLabelText('Page language'), '简体中文');
    await user.click(screen.getByRole('button', { name: 'Save drop page' }));
    await waitFor(() => expect(callsTo('links:drop-page')).toStrictEqual([['link-1', 'zh-CN']]));
  });

  it('says what the bucket’s CORS must allow for the page', () => {
    setUp();
    expect(screen.getByTestId('drop-page').textContent).toContain('AllowedOrigin * (a page opened from disk has the origin null), AllowedMethod PUT, AllowedHeader *, ExposeHeader ETag');
  });

  it('says that the app’s own local bucket lets a page opened on this computer upload, and what a recipient elsewhere needs', () => {
    setUp(undefined, { id: 'link-1', profile: 'local' });
    expect(screen.getByTestId('drop-page-local').textContent).toContain('try one here');
    expect(screen.getByTestId('drop-page-local').textContent).toContain('a recipient elsewhere needs a link to a cloud bucket');
    cleanup();
    setUp();
    expect(screen.queryByTestId('drop-page-local')).toBeNull();
  });

  it('shows why the host refused, and downloads nothing', async () => {
    const { user } = setUp({ 'links:drop-page': () => failed({ code: 'url-expired', message: 'The upload link to a.pdf expired.', hint: 'Make a new upload link, then save its drop page.' }) });
    await user.click(screen.getByRole('button', { name: 'Save drop page' }));
    const error = await screen.findByTestId('drop-page-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The drop page was not saved.');
    expect(error.textContent).toContain('Make a new upload link, then save its drop page.');
    expect(capture.downloads).toHaveLength(0);
  });

  it('explains that a link that could not be recorded has no drop page', () => {
    setUp({}, {});
    expect(screen.queryByRole('button', { name: 'Save drop page' })).toBeNull();
    expect(screen.getByTestId('drop-page-unavailable').textContent).toContain('could not be recorded');
  });

  it('speaks Chinese, and makes a Chinese page by default in the Chinese interface', async () => {
    await i18n.changeLanguage('zh-CN');
    const { user, callsTo } = setUp();
    expect(screen.getByRole('heading', { name: '上传页面' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '保存上传页面' }));
    await waitFor(() => expect(callsTo('links:drop-page')).toStrictEqual([['link-1', 'zh-CN']]));
  });
});

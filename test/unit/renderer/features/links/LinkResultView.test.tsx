import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkResultView } from '../../../../../renderer/src/features/links/LinkResultView.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { fakeBridge, linkResult, renderWithBridge } from './fake-bridge.js';

/** Renders a result expiring at 09:00 UTC, seen at 08:00:48 UTC. */
function setUp(result = linkResult()) {
  const { bridge } = fakeBridge({});
  const onMakeAnother = vi.fn();
  const view = renderWithBridge(<LinkResultView result={result} onMakeAnother={onMakeAnother} />, bridge, '/links/new');
  return { ...view, onMakeAnother };
}

describe('LinkResultView', () => {
  beforeEach(() => {
    // The clock and the countdown's interval are fake; timeouts stay real, so waiting for the QR code works.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-21T08:00:48Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the URL read-only with Copy, and copies it', async () => {
    // user-event puts its own clipboard in the page, which the test reads back.
    const user = userEvent.setup({ delay: null });
    setUp();
    const url = screen.getByLabelText('Link');
    expect(url).toHaveProperty('readOnly', true);
    expect(url).toHaveProperty('value', linkResult().url);
    await user.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await navigator.clipboard.readText()).toBe(linkResult().url);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy the link' }).textContent).toBe('Copied'));
  });

  it('lists the headers the recipient must send, each with its own Copy', () => {
    setUp();
    const rows = within(screen.getByTestId('link-headers')).getAllByTestId('link-header');
    expect(rows.map((row) => [row.dataset['name'], within(row).getByTestId('header-value').textContent])).toStrictEqual([
      ['content-type', 'application/pdf'],
      ['x-oss-meta-from', 'alice'],
    ]);
    expect(screen.getByRole('button', { name: 'Copy the content-type header' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the x-oss-meta-from header' })).toBeTruthy();
  });

  it('says when the recipient needs no particular headers', () => {
    setUp(linkResult({ method: 'GET', headers: {} }));
    expect(screen.getByTestId('no-headers').textContent).toBe('The recipient needs no particular headers.');
  });

  it('shows each warning with what to do about it', () => {
    setUp(linkResult({ warnings: [{ code: 'token-outlives-link', message: 'The STS token dies at 08:30, before the link.', hint: 'Choose a shorter validity.' }] }));
    const warnings = screen.getByTestId('link-warnings');
    expect(warnings.textContent).toContain('The STS token dies at 08:30, before the link.');
    expect(warnings.textContent).toContain('Choose a shorter validity.');
  });

  it('puts the snippets in tabs, one shown at a time, reachable with the arrow keys', async () => {
    setUp();
    const user = userEvent.setup({ delay: null });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toStrictEqual(['curl', 'PowerShell', 'Python', 'fetch']);
    expect(screen.getByRole('tabpanel').textContent).toContain(linkResult().snippets.curl);
    await user.click(tabs[0] as HTMLElement);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(screen.getByRole('tabpanel', { name: 'PowerShell' }).textContent).toContain(linkResult().snippets.powershell);
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel', { name: 'fetch' }).textContent).toContain(linkResult().snippets.fetch);
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Copy the fetch snippet' })).toBeTruthy();
  });

  it('shows a QR code of the URL as an SVG image', async () => {
    setUp();
    const qr = await screen.findByRole('img', { name: 'QR code of the link' });
    const src = qr.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toContain('<svg');
  });

  it('says so instead when the URL is too long for a QR code', async () => {
    setUp(linkResult({ url: `https://photos.oss-cn-hangzhou.aliyuncs.com/a?x-oss-security-token=${'t'.repeat(5000)}` }));
    expect((await screen.findByText('The link is too long for a QR code.')).tagName).toBe('P');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('counts down to the expiry every second without announcing each tick, then says expired', () => {
    setUp();
    const countdown = screen.getByTestId('countdown');
    expect(countdown.textContent).toContain('Expires in 59 min 12 s');
    expect(within(countdown).getByRole('timer').getAttribute('aria-live')).toBe('off');
    expect(countdown.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-21T09:00:00.000Z');
    act(() => vi.advanceTimersByTime(1000));
    expect(countdown.textContent).toContain('Expires in 59 min 11 s');
    act(() => vi.advanceTimersByTime(59 * 60_000 + 11_000));
    expect(countdown.textContent).toContain('Expired');
    expect(countdown.dataset['state']).toBe('expired');
  });

  it('counts down in the interface language, with the absolute time written the way that language writes it', async () => {
    await i18n.changeLanguage('zh-CN');
    setUp();
    const countdown = screen.getByTestId('countdown');
    expect(within(countdown).getByRole('timer').textContent).toBe('59 分钟 12 秒后过期');
    const time = countdown.querySelector('time')?.textContent ?? '';
    expect(time).toContain(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date('2026-11-21T09:00:00Z')));
    expect(time).toContain('2026年11月21日');
  });

  it('offers the drop page of an upload link, and none for a download link', () => {
    setUp(linkResult({ id: 'link-1' }));
    expect(screen.getByRole('region', { name: 'Drop page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save drop page' })).toBeTruthy();
    cleanup();
    setUp(linkResult({ id: 'link-2', method: 'GET', headers: {} }));
    expect(screen.queryByRole('region', { name: 'Drop page' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save drop page' })).toBeNull();
  });

  it('offers to make another link', async () => {
    const { onMakeAnother } = setUp();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Make another' }));
    expect(onMakeAnother).toHaveBeenCalledOnce();
  });
});

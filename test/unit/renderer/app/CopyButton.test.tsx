/**
 * The shared Copy button: what it puts on the clipboard, how it says so (on the button and in its live
 * region), how it reports a refusal, and how a feature names and dresses it.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '../../../../renderer/src/app/CopyButton.js';

/** Replaces the page's clipboard with one whose `writeText` is `writeText` (undefined: no clipboard API at all). */
function stubClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: writeText === undefined ? undefined : { writeText }, configurable: true });
}

/** Clicks `button` and lets the clipboard's promise settle. */
async function click(button: HTMLElement) {
  await act(async () => {
    fireEvent.click(button);
    await Promise.resolve();
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CopyButton', () => {
  it('is named for what it copies, reads "Copy" by default, and carries the test id and class it is given', () => {
    render(<CopyButton text="x" label="Copy the link" testId="copy-url" className="links-button" />);
    const button = screen.getByRole('button', { name: 'Copy the link' });
    expect(button.textContent).toBe('Copy');
    expect(button.getAttribute('data-testid')).toBe('copy-url');
    expect(button.className).toBe('links-button');
    expect(button.tabIndex).toBe(0);
  });

  it('shows the caption it is given while idle, and stays out of the Tab order when not tabbable', () => {
    render(<CopyButton text="x" label="Copy the share link of a.txt" caption="Copy link" tabbable={false} />);
    const button = screen.getByRole('button', { name: 'Copy the share link of a.txt' });
    expect(button.textContent).toBe('Copy link');
    expect(button.tabIndex).toBe(-1);
  });

  it('puts the text on the clipboard and says "Copied" on the button and to screen readers, for 2 seconds', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.useFakeTimers();
    stubClipboard(writeText);
    render(<CopyButton text="http://host/b/k?sig=1" label="Copy link of k" caption="Copy link" />);
    await click(screen.getByRole('button', { name: 'Copy link of k' }));
    expect(writeText).toHaveBeenCalledWith('http://host/b/k?sig=1');
    expect(screen.getByRole('button', { name: 'Copy link of k' }).textContent).toBe('Copied');
    expect(screen.getByRole('status').textContent).toBe('Copied');
    act(() => vi.advanceTimersByTime(1999));
    expect(screen.getByRole('button', { name: 'Copy link of k' }).textContent).toBe('Copied');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('button', { name: 'Copy link of k' }).textContent).toBe('Copy link');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says to copy by hand when the clipboard refuses, and keeps saying it', async () => {
    vi.useFakeTimers();
    stubClipboard(() => Promise.reject(new Error('denied')));
    render(<CopyButton text="x" label="Copy the link" />);
    await click(screen.getByRole('button', { name: 'Copy the link' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('The clipboard refused the text; select it and copy it by hand.');
    expect(status.className).toBe('copy-button-problem');
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('status').textContent).toBe('The clipboard refused the text; select it and copy it by hand.');
    expect(screen.getByRole('button', { name: 'Copy the link' }).textContent).toBe('Copy');
  });

  it('treats a page without the clipboard API (not a secure context) like a refusal', async () => {
    stubClipboard(undefined);
    render(<CopyButton text="x" label="Copy the link" />);
    await click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(screen.getByRole('status').textContent).toBe('The clipboard refused the text; select it and copy it by hand.');
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueList } from '../../../../../renderer/src/features/queue-list/QueueList.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { snapshot, stateEvent, UPLOADING, view } from '../../fixtures.js';
import { fakeBridge, renderWith, resetStore } from '../upload/upload-harness.js';
import { layOutQueue } from './list-layout.js';

let undoLayout: () => void;
beforeEach(() => {
  resetStore();
  undoLayout = layOutQueue();
});
afterEach(() => undoLayout());

function fill(count: number): void {
  const views = Array.from({ length: count }, (_, index) => view(`t${index}`, 1000));
  act(() => appStore.getState().hydrate(snapshot(1, ...views)));
}

function renderedIndexes(): number[] {
  return screen.getAllByTestId('transfer').map((row) => Number(row.getAttribute('data-index')));
}

describe('QueueList', () => {
  it('renders only a window of a 10,000-row queue, and tells assistive technology the whole size', () => {
    fill(10_000);
    renderWith(<QueueList />, fakeBridge());
    const rows = screen.getAllByTestId('transfer');
    // A 600 px window of 62 px rows shows 10; 8 more are rendered below for quick scrolling.
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(screen.getByRole('list', { name: 'Upload queue' }).style.height).toBe(`${10_000 * 62}px`);
  });

  it('renders the rows around where the list is scrolled to', () => {
    fill(10_000);
    renderWith(<QueueList />, fakeBridge());
    const scroller = screen.getByTestId('queue');
    act(() => {
      scroller.scrollTop = 5000 * 62;
      fireEvent.scroll(scroller);
    });
    const indexes = renderedIndexes();
    expect(indexes).toContain(5000);
    expect(indexes).not.toContain(0);
    expect(indexes.length).toBeLessThan(40);
  });

  it('shows only the rows of the chosen filter', () => {
    fill(5);
    act(() => appStore.getState().applyEvents([stateEvent(2, 't3', UPLOADING)]));
    act(() => appStore.getState().applyEvents([stateEvent(3, 't1', { kind: 'canceled' })]));
    act(() => appStore.getState().setQueueFilter('failed'));
    renderWith(<QueueList />, fakeBridge());
    expect(screen.getAllByTestId('transfer').map((row) => row.getAttribute('data-name'))).toEqual(['t1.bin']);
  });

  it('is one Tab stop, and the arrow keys, Home, End and the page keys move between rows', async () => {
    fill(200);
    renderWith(
      <>
        <button type="button">before</button>
        <QueueList />
      </>,
      fakeBridge(),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    const focused = () => document.activeElement?.getAttribute('data-index');
    expect(focused()).toBe('0');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('1');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focused()).toBe('0');
    await user.keyboard('{PageDown}');
    expect(focused()).toBe('9');
    // The last row is far outside the rendered window: the list scrolls to it, renders it, then focuses it.
    await user.keyboard('{End}');
    await waitFor(() => expect(focused()).toBe('199'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(focused()).toBe('0'));
    // Tab goes on into the current row's buttons, then out of the list (other rows' buttons are not Tab stops).
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Pause t0.bin');
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cancel t0.bin');
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});

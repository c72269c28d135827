import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DropZone } from '../../../../../renderer/src/features/drop-zone/DropZone.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { fakeBridge, ok, renderWith, resetStore, settingsWith } from '../upload/upload-harness.js';

beforeEach(() => {
  resetStore();
  appStore.getState().setSettings(settingsWith({ uploadProfile: 'prod' }));
});

const enqueued = { 'transfers:enqueue': () => ok({ profile: 'prod', ids: [], problems: [], alreadyQueued: 0 }) };

/** What a drag from a file manager carries. */
function filesTransfer(...names: string[]) {
  return { types: ['Files'], files: names.map((name) => new File([name], name)), items: [], dropEffect: 'none' };
}

/** Fires a paste of `files` on `target`, as Ctrl/Cmd+V does. */
function paste(target: Element, files: readonly File[], text = ''): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { files, getData: () => text } });
  act(() => void target.dispatchEvent(event));
  return event;
}

function renderZone(path = '/history') {
  const bridge = fakeBridge(enqueued);
  const view = renderWith(
    <DropZone>
      <p>the screen</p>
      <input aria-label="Search" />
    </DropZone>,
    bridge,
    path,
  );
  return { bridge, view };
}

describe('DropZone', () => {
  it('uploads files dropped on any screen to the remembered destination, and brings the user to the upload screen', async () => {
    const { bridge, view } = renderZone('/history');
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: filesTransfer('a.txt', 'b.txt') });
    await waitFor(() => expect(bridge.callsOn('transfers:enqueue')).toEqual([[{ paths: ['/picked/a.txt', '/picked/b.txt'], profile: 'prod' }]]));
    expect(view.history.at(-1)).toBe('/');
  });

  it('shows where files will go while they are dragged over the window, and only for files', () => {
    renderZone();
    const zone = screen.getByTestId('drop-zone');
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['text/plain'] } });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    fireEvent.dragEnter(zone, { dataTransfer: filesTransfer('a.txt') });
    fireEvent.dragEnter(screen.getByText('the screen'), { dataTransfer: filesTransfer('a.txt') });
    expect(screen.getByTestId('drop-overlay').textContent).toBe('Drop to uploadto prod');
    // Leaving a child is not leaving the window.
    fireEvent.dragLeave(screen.getByText('the screen'), { dataTransfer: filesTransfer('a.txt') });
    expect(screen.queryByTestId('drop-overlay')).not.toBeNull();
    fireEvent.dragLeave(zone, { dataTransfer: filesTransfer('a.txt') });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
  });

  it('uploads pasted files, and takes the paste from the page', async () => {
    const { bridge, view } = renderZone('/links');
    const event = paste(document.body, [new File(['x'], 'report.pdf')]);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(bridge.callsOn('transfers:enqueue')).toEqual([[{ paths: ['/picked/report.pdf'], profile: 'prod' }]]));
    expect(view.history.at(-1)).toBe('/');
  });

  it('leaves a paste into a text field to the field, and ignores pasted text', () => {
    const { bridge } = renderZone();
    const intoField = paste(screen.getByRole('textbox', { name: 'Search' }), [new File(['x'], 'a.txt')], 'a.txt');
    const text = paste(document.body, [], 'just some text');
    expect(intoField.defaultPrevented).toBe(false);
    expect(text.defaultPrevented).toBe(false);
    expect(bridge.calls).toEqual([]);
  });
});

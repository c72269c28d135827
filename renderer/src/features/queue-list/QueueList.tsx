/**
 * The queue as a virtual list: only the rows in view (and a few around them) are in the page, so 10,000
 * transfers scroll as smoothly as ten. Rows are measured as they render (a failed row is taller).
 *
 * Keyboard: the list has one Tab stop, the current row; the arrow keys, Home, End, Page Up and Page Down
 * move it (scrolling the row into view and rendering it first when needed), and Tab goes on into the
 * current row's buttons.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/index.js';
import { selectVisibleIds } from '../../store/selectors.js';
import { nextRowIndex } from './list-keys.js';
import { QueueRow } from './QueueRow.js';
import './queue-list.css';

/** Why 62 px: a row's usual height (two lines of text and padding); rows are measured once rendered. */
export const ROW_ESTIMATE_PX = 62;

/** Why 8: rows rendered beyond each edge, so a quick scroll or a keypress finds the next rows ready. */
const OVERSCAN = 8;

/** The list's id, for the filters that control it (`aria-controls`). */
export const QUEUE_LIST_ID = 'upload-queue';

/** The list of the transfers the current filter shows. */
export function QueueList() {
  const { t } = useTranslation('upload');
  const ids = useAppStore(selectVisibleIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey: (index) => ids[index] ?? index,
    // React 19 batches the scroll's re-render by itself; a synchronous flush inside its commit only warns.
    useFlushSync: false,
  });
  const [currentRow, setCurrentRow] = useState(0);
  const current = Math.min(currentRow, Math.max(0, ids.length - 1));
  // The row to focus once it is rendered (a key may move to a row outside the rendered window).
  const pendingFocus = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (element === null || element === undefined) return;
    pendingFocus.current = undefined;
    element.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE_PX);
    const next = nextRowIndex(event.key, current, ids.length, page);
    if (next === undefined) return;
    event.preventDefault();
    setCurrentRow(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onFocusRow = useCallback((index: number) => setCurrentRow(index), []);

  return (
    <div ref={scrollRef} className="queue-scroll" data-testid="queue">
      <div
        role="list"
        id={QUEUE_LIST_ID}
        aria-label={t('list.label')}
        className="queue-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const id = ids[item.index];
          if (id === undefined) return null;
          return (
            <QueueRow
              key={id}
              id={id}
              index={item.index}
              count={ids.length}
              current={item.index === current}
              start={item.start}
              measure={virtualizer.measureElement}
              onFocusRow={onFocusRow}
            />
          );
        })}
      </div>
    </div>
  );
}

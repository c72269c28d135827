/**
 * Where the arrow keys (and Home, End, Page Up, Page Down) move the current row of the queue: pure, so the
 * list's key handler stays short and this is tested by table.
 */

/** The row to move to from `current` for `key`, in a list of `count` rows showing `page` at once; undefined for other keys. */
export function nextRowIndex(key: string, current: number, count: number, page: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const step = Math.max(1, page);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, current + step);
    case 'PageUp':
      return Math.max(0, current - step);
    default:
      return undefined;
  }
}

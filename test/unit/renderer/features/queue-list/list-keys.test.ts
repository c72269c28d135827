import { describe, expect, it } from 'vitest';
import { nextRowIndex } from '../../../../../renderer/src/features/queue-list/list-keys.js';

describe('nextRowIndex', () => {
  it.each<[string, number, number | undefined]>([
    ['ArrowDown', 4, 5],
    ['ArrowUp', 4, 3],
    ['Home', 4, 0],
    ['End', 4, 99],
    ['PageDown', 4, 14],
    ['PageUp', 14, 4],
    ['PageUp', 4, 0],
    ['Enter', 4, undefined],
    ['a', 4, undefined],
  ])('%s from row %d goes to %s', (key, from, to) => expect(nextRowIndex(key, from, 100, 10)).toBe(to));

  it('stops at the ends, and does nothing in an empty list', () => {
    expect(nextRowIndex('ArrowDown', 99, 100, 10)).toBe(99);
    expect(nextRowIndex('ArrowUp', 0, 100, 10)).toBe(0);
    expect(nextRowIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextRowIndex('ArrowDown', 0, 0, 10)).toBeUndefined();
  });

  it('moves at least one row a page, even in a list too short to show one', () => {
    expect(nextRowIndex('PageDown', 0, 100, 0)).toBe(1);
  });
});

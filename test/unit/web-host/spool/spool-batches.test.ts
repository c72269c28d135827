import { describe, expect, it } from 'vitest';
import { planBatches } from '../../../../electron/web-host/spool/spool-batches.js';

describe('planBatches', () => {
  it('puts one drop in one batch, enqueued by its top-level entries', () => {
    expect(planBatches(['photos/a.jpg', 'photos/sub/b.jpg', 'notes.txt', 'photos/c.jpg'])).toEqual({
      batchOf: [0, 0, 0, 0],
      tops: [['photos', 'notes.txt']],
    });
  });

  it('moves a path already taken to another batch, so no file overwrites another', () => {
    expect(planBatches(['a.txt', 'a.txt', 'a.txt'])).toEqual({ batchOf: [0, 1, 2], tops: [['a.txt'], ['a.txt'], ['a.txt']] });
  });

  it('keeps a file and a folder of the same name apart', () => {
    expect(planBatches(['a', 'a/b'])).toEqual({ batchOf: [0, 1], tops: [['a'], ['a']] });
    expect(planBatches(['a/b', 'a'])).toEqual({ batchOf: [0, 1], tops: [['a'], ['a']] });
    expect(planBatches(['a/b', 'a/b/c', 'a/c'])).toEqual({ batchOf: [0, 1, 0], tops: [['a'], ['a']] });
  });

  it('plans nothing for nothing', () => {
    expect(planBatches([])).toEqual({ batchOf: [], tops: [] });
  });
});

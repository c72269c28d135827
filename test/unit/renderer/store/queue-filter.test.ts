import { describe, expect, it } from 'vitest';
import type { TransferStateKind } from '../../../../electron/shared/transfer.js';
import { filterOf } from '../../../../renderer/src/store/queue-filter.js';

describe('filterOf', () => {
  it.each<[TransferStateKind, string]>([
    ['queued', 'active'],
    ['uploading', 'active'],
    ['waiting-retry', 'active'],
    ['paused', 'active'],
    ['done', 'done'],
    ['skipped', 'done'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
  ])('puts a %s transfer under %s', (kind, filter) => expect(filterOf(kind)).toBe(filter));
});

/**
 * TransferQueue snapshots: views are kept between snapshots and refreshed only for transfers that changed,
 * so a snapshot must always equal one made from scratch, whatever happened in between.
 */
import { describe, expect, it } from 'vitest';
import type { DestinationEntry } from '../../../../../electron/core/transfer/engine/destination.js';
import { TransferQueue } from '../../../../../electron/core/transfer/engine/transfer-queue.js';
import { displayName, type TransferItem } from '../../../../../electron/core/transfer/engine/transfer-item.js';
import { FakeClock } from './fake-clock.js';

const destination = { id: 'd', descriptor: { bucket: 'photos' }, credentials: undefined } as unknown as DestinationEntry;

function item(n: number): TransferItem {
  return {
    id: `id-${n}`,
    path: `/data/dir/file-${n}.bin`,
    relativePath: `dir/file-${n}.bin`,
    size: 100 + n,
    mtimeMs: 1,
    destination,
    addedAt: 0,
    baseKey: `dir/file-${n}.bin`,
    key: `dir/file-${n}.bin`,
    state: { kind: 'queued' },
    bytesSent: 0,
    view: undefined,
  };
}

function fromScratch(items: readonly TransferItem[]): unknown[] {
  return items.map((i) => ({ id: i.id, path: i.path, name: displayName(i), key: i.key, bucket: 'photos', size: i.size, bytesSent: i.bytesSent, state: i.state }));
}

describe('TransferQueue snapshots', () => {
  it('always equal views made from scratch, through every kind of change', () => {
    const queue = new TransferQueue({ clock: new FakeClock(), emitEvent: () => undefined, emitProgress: () => undefined, onChanged: () => undefined });
    const items = [item(1), item(2), item(3)];
    for (const i of items) queue.add(i, true);
    const live = (): TransferItem[] => [...queue.values()];
    expect(queue.snapshot().transfers).toEqual(fromScratch(live()));

    const first = items[0] as TransferItem;
    const second = items[1] as TransferItem;
    queue.apply(first, { kind: 'start' });
    queue.setBytes(first, 50);
    queue.setKeys(second, 'other/base', 'other/key');
    expect(queue.snapshot().transfers).toEqual(fromScratch(live()));

    queue.setFile(second, 999, 2);
    queue.add(item(4), true);
    expect(queue.snapshot().transfers).toEqual(fromScratch(live()));

    queue.remove('id-2');
    queue.setBytes(first, 101);
    expect(queue.snapshot().transfers).toEqual(fromScratch(live()));
    queue.add(item(5), false);
    expect(queue.snapshot().transfers.map((t) => t.id)).toEqual(['id-1', 'id-3', 'id-4', 'id-5']);
  });

  it('hands out a fresh array each time, of frozen views shared while unchanged', () => {
    const queue = new TransferQueue({ clock: new FakeClock(), emitEvent: () => undefined, emitProgress: () => undefined, onChanged: () => undefined });
    const one = item(1);
    queue.add(one, true);
    queue.add(item(2), true);
    const a = queue.snapshot().transfers;
    const b = queue.snapshot().transfers;
    expect(a).not.toBe(b);
    expect(a[1]).toBe(b[1]);
    expect(Object.isFrozen(a[0])).toBe(true);
    queue.apply(one, { kind: 'start' });
    const c = queue.snapshot().transfers;
    expect(c[0]).not.toBe(a[0]);
    expect(c[0]?.state.kind).toBe('uploading');
    expect(c[1]).toBe(a[1]);
  });
});

/** Main's view of the queue and the recent uploads (electron/main/queue-model.ts, recent-uploads.ts). */
import { describe, expect, it, vi } from 'vitest';
import type { EventChannel, EventMap } from '../../../electron/shared/ipc/channels.js';
import type { TransferEvent, TransferSnapshot, TransferView } from '../../../electron/shared/transfer.js';
import { QueueModel } from '../../../electron/main/queue-model.js';
import { RecentUploads } from '../../../electron/main/recent-uploads.js';

const totals = { files: 2, filesDone: 0, filesFailed: 0, bytesTotal: 400, bytesSent: 0, bytesPerSecond: 0 };
const view = (id: string, kind: 'queued' | 'paused' = 'queued'): TransferView => ({
  id,
  path: `/d/${id}.bin`,
  name: `${id}.bin`,
  key: `${id}.bin`,
  bucket: 'b',
  size: 200,
  bytesSent: 0,
  state: kind === 'queued' ? { kind: 'queued' } : { kind: 'paused' },
});
const result = (key: string, url?: string) => ({ key, size: 1, etag: 'e', multipart: false, finishedAt: '2026-11-21T00:00:00Z', ...(url === undefined ? {} : { link: { kind: 'public' as const, url } }) });

function fakeServices(snapshot: TransferSnapshot, during?: (emit: (events: readonly TransferEvent[]) => void) => void) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const emit = <E extends EventChannel>(event: E, payload: EventMap[E]) => listeners.get(event)?.(payload);
  return {
    emit,
    on: <E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void) => {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => void listeners.delete(event);
    },
    snapshot: () => {
      during?.((events) => emit('transfers:events', events));
      return snapshot;
    },
  };
}

describe('QueueModel', () => {
  it('counts activity from the snapshot, events and progress', async () => {
    const services = fakeServices({ seq: 3, totals, transfers: [view('a'), view('b', 'paused')] });
    const model = await QueueModel.start(services);
    expect(model.activity()).toEqual({ active: 1, paused: 1, failed: 0, percent: 0 });
    services.emit('transfers:progress', { seq: 4, samples: [], totals: { ...totals, bytesSent: 100 } });
    expect(model.activity().percent).toBe(25);
    services.emit('transfers:events', [{ kind: 'state', seq: 5, id: 'a', key: 'a.bin', state: { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } } }]);
    expect(model.activity()).toEqual({ active: 0, paused: 1, failed: 1 });
  });

  it('applies events that raced the snapshot once, in order, and reports finishes with names', async () => {
    const services = fakeServices({ seq: 2, totals, transfers: [view('a')] }, (emit) => {
      emit([{ kind: 'added', seq: 2, transfer: view('a') }]); // already in the snapshot
      emit([{ kind: 'added', seq: 3, transfer: view('b') }]);
    });
    const model = await QueueModel.start(services);
    expect(model.activity().active).toBe(2);
    const finished = vi.fn();
    model.onFinished(finished);
    services.emit('transfers:events', [
      { kind: 'state', seq: 4, id: 'b', key: 'k/b.bin', state: { kind: 'done', result: result('k/b.bin', 'https://x/b') } },
      { kind: 'removed', seq: 5, id: 'a' },
    ]);
    expect(finished).toHaveBeenCalledWith([{ kind: 'done', id: 'b', name: 'b.bin', result: result('k/b.bin', 'https://x/b') }]);
    expect(model.activity()).toEqual({ active: 0, paused: 0, failed: 0 });
    model.dispose();
  });
});

describe('RecentUploads', () => {
  it('keeps the newest five with a live link', () => {
    const recent = new RecentUploads();
    recent.seed([
      { id: 'h1', path: '/p', endpoint: 'e', bucket: 'b', result: result('dir/old.txt', 'https://x/old') },
      { id: 'h2', path: '/p', endpoint: 'e', bucket: 'b', result: result('nolink.txt') },
      {
        id: 'h3',
        path: '/p',
        endpoint: 'e',
        bucket: 'b',
        result: { ...result('expired.txt'), link: { kind: 'presigned', url: 'https://x/exp', expiresAt: '2020-01-01T00:00:00Z' } },
      },
    ]);
    expect(recent.list(Date.now()).map((r) => r.name)).toEqual(['old.txt']);
    for (let i = 0; i < 6; i++) recent.add([{ kind: 'done', id: `n${i}`, name: `n${i}`, result: result(`n${i}`, `https://x/${i}`) }]);
    expect(recent.list(Date.now()).map((r) => r.name)).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(recent.add([{ kind: 'failed', id: 'f', name: 'f', error: { code: 'internal', message: 'm', hint: 'h' } }])).toBe(false);
  });
});

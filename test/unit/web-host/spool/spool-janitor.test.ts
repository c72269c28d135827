import { describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../../../electron/shared/ipc/channels.js';
import type { TransferEvent, TransferState, TransferView } from '../../../../electron/shared/transfer.js';
import type { ContractServices } from '../../../../electron/web-host/contract-services.js';
import { watchSpool } from '../../../../electron/web-host/spool/spool-janitor.js';
import type { SpoolStore } from '../../../../electron/web-host/spool/spool-store.js';

function fakes() {
  let emit: (events: EventMap['transfers:events']) => void = () => undefined;
  const services = {
    on: (_event: string, listener: (events: EventMap['transfers:events']) => void) => {
      emit = listener;
      return () => (emit = () => undefined);
    },
  } as unknown as ContractServices;
  const spool = { contains: (file: string) => file.startsWith('/spool/'), release: vi.fn(() => Promise.resolve()) };
  return { services, spool, emit: (events: TransferEvent[]) => emit(events) };
}

const view = (id: string, path: string): TransferView => ({ id, path, name: 'x', key: '', bucket: 'b', size: 1, bytesSent: 0, state: { kind: 'queued' } });
const state = (seq: number, id: string, value: TransferState): TransferEvent => ({ kind: 'state', seq, id, state: value, key: 'k' });
const done: TransferState = { kind: 'done', result: { key: 'k', size: 1, etag: 'e', multipart: false, finishedAt: '2026-01-01T00:00:00Z' } };

describe('watchSpool', () => {
  it('releases a spooled file when its transfer is done, skipped or removed, and keeps it for a retry after a failure', () => {
    const { services, spool, emit } = fakes();
    const stop = watchSpool(services, spool as unknown as SpoolStore);
    emit([
      { kind: 'added', seq: 1, transfer: view('a', '/spool/batch/a') },
      { kind: 'added', seq: 2, transfer: view('b', '/spool/batch/b') },
      { kind: 'added', seq: 3, transfer: view('c', '/spool/batch/c') },
      { kind: 'added', seq: 4, transfer: view('elsewhere', '/home/me/file') },
    ]);
    emit([state(5, 'a', { kind: 'uploading', attempt: 1 }), state(6, 'a', done), state(7, 'elsewhere', done)]);
    emit([state(8, 'b', { kind: 'failed', error: { code: 'network-error', message: 'm', hint: 'h' } })]);
    expect(spool.release.mock.calls).toEqual([['/spool/batch/a']]);
    emit([{ kind: 'removed', seq: 9, id: 'b' }, state(10, 'c', { kind: 'skipped', reason: 'exists' }), state(11, 'a', done)]);
    expect(spool.release.mock.calls).toEqual([['/spool/batch/a'], ['/spool/batch/b'], ['/spool/batch/c']]);
    stop();
  });
});

/**
 * Transfers, snapshots and events as the host sends them, for the renderer's tests.
 */
import type { ProgressBatch, QueueTotals, TransferEvent, TransferSnapshot, TransferState, TransferView } from '../../../electron/shared/transfer.js';

/** Totals with nothing moving. */
export const TOTALS: QueueTotals = { files: 0, filesDone: 0, filesFailed: 0, bytesTotal: 0, bytesSent: 0, bytesPerSecond: 0 };

/** A queued transfer `id` of `size` bytes. */
export function view(id: string, size = 100): TransferView {
  return { id, path: `/spool/batch/${id}`, name: `${id}.bin`, key: '', bucket: 'dropsign', size, bytesSent: 0, state: { kind: 'queued' } };
}

/** A snapshot at `seq` holding `views`. */
export function snapshot(seq: number, ...views: TransferView[]): TransferSnapshot {
  return { seq, transfers: views, totals: { ...TOTALS, files: views.length } };
}

/** A progress batch at `seq`: `[id, bytesSent]` pairs. */
export function batch(seq: number, ...samples: [string, number][]): ProgressBatch {
  return { seq, samples: samples.map(([id, bytesSent]) => ({ id, bytesSent, bytesPerSecond: 1000, etaSeconds: 3 })), totals: { ...TOTALS, bytesPerSecond: 1000, etaSeconds: 3 } };
}

/** A state event. */
export function stateEvent(seq: number, id: string, state: TransferState): TransferEvent {
  return { kind: 'state', seq, id, state, key: `key/${id}` };
}

/** The state of a finished upload with a presigned link. */
export const DONE: TransferState = {
  kind: 'done',
  result: { key: 'k', size: 100, etag: 'e', multipart: false, finishedAt: '2026-11-21T00:00:00Z', link: { kind: 'presigned', url: 'http://127.0.0.1:47110/dropsign/k?x=1', expiresAt: '2026-11-21T01:00:00Z' } },
};

/** The state of an upload in progress. */
export const UPLOADING: TransferState = { kind: 'uploading', attempt: 1 };

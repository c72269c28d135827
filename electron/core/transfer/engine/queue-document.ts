/**
 * Between the engine's records and the saved queue: which transfers are saved and as what, and how a
 * saved transfer comes back after a restart (what was uploading or waiting to retry is queued again;
 * paused stays paused; failed stays failed, so it can be retried).
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { TransferState } from '../../../shared/transfer.js';
import { destinationEntry, type DestinationEntry } from './destination.js';
import type { DestinationDescriptor } from './engine-types.js';
import type { PersistedTransfer, QueueDocument } from './queue-store.js';
import type { TransferItem } from './transfer-item.js';

function savedState(state: TransferState): PersistedTransfer['state'] | undefined {
  switch (state.kind) {
    case 'queued':
    case 'uploading':
    case 'waiting-retry':
      return 'queued';
    case 'paused':
      return 'paused';
    case 'failed':
      return 'failed';
    // Done and skipped are in the history; canceled was the user's wish to forget it.
    case 'done':
    case 'skipped':
    case 'canceled':
      return undefined;
  }
}

/** The document to save for `items`: unfinished and failed transfers, and the destinations they use. */
export function buildQueueDocument(items: Iterable<TransferItem>): QueueDocument {
  const destinations: Record<string, DestinationDescriptor> = {};
  const transfers: PersistedTransfer[] = [];
  for (const item of items) {
    const state = savedState(item.state);
    if (state === undefined) continue;
    destinations[item.destination.id] = item.destination.descriptor;
    transfers.push({
      id: item.id,
      path: item.path,
      relativePath: item.relativePath,
      size: item.size,
      mtimeMs: item.mtimeMs,
      destination: item.destination.id,
      key: item.key,
      ...(item.baseKey === item.key ? {} : { baseKey: item.baseKey }),
      addedAt: item.addedAt,
      state,
      ...(item.state.kind === 'failed' ? { error: item.state.error } : {}),
    });
  }
  return { destinations, transfers };
}

function restoredState(saved: PersistedTransfer): TransferState {
  switch (saved.state) {
    case 'queued':
      return { kind: 'queued' };
    case 'paused':
      return { kind: 'paused' };
    case 'failed':
      return {
        kind: 'failed',
        error: saved.error ?? { code: 'internal', message: 'The upload failed before the last restart.', hint: 'Retry the upload.' },
      };
  }
}

/** What restoring gave: the records, and problems with destinations that no longer validate. */
export interface RestoredQueue {
  readonly items: readonly TransferItem[];
  readonly destinations: ReadonlyMap<string, DestinationEntry>;
  readonly problems: readonly ErrorInfo[];
}

/** Rebuilds the records of a saved queue. A destination that no longer validates drops its transfers, with a problem saying so. */
export function restoreQueue(document: QueueDocument): RestoredQueue {
  const destinations = new Map<string, DestinationEntry>();
  // The transfers reference the saved id; the engine looks entries up by the id computed now.
  const bySavedId = new Map<string, DestinationEntry>();
  const problems: ErrorInfo[] = [];
  for (const [savedId, descriptor] of Object.entries(document.destinations)) {
    try {
      const entry = destinationEntry(descriptor, undefined);
      bySavedId.set(savedId, destinations.get(entry.id) ?? entry);
      destinations.set(entry.id, bySavedId.get(savedId) ?? entry);
    } catch (error) {
      problems.push({
        code: 'state-file-unreadable',
        message: `Saved uploads to the bucket ${JSON.stringify(descriptor.bucket)} were dropped: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Drop the files again to upload them.',
      });
    }
  }
  const items: TransferItem[] = [];
  for (const saved of document.transfers) {
    const destination = bySavedId.get(saved.destination);
    if (destination === undefined) continue;
    items.push({
      id: saved.id,
      path: saved.path,
      relativePath: saved.relativePath,
      size: saved.size,
      mtimeMs: saved.mtimeMs,
      destination,
      addedAt: saved.addedAt,
      baseKey: saved.baseKey ?? saved.key,
      key: saved.key,
      state: restoredState(saved),
      // Counted from what the server holds once the upload continues.
      bytesSent: 0,
      view: undefined,
    });
  }
  return { items, destinations, problems };
}

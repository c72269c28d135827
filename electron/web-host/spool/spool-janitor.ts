/**
 * Deletes spooled files once their transfers no longer need them: when a transfer is done or skipped, or
 * removed from the queue. Failed and canceled transfers keep their file, so they can be retried.
 */
import type { TransferId } from '../../shared/transfer.js';
import type { ContractServices } from '../contract-services.js';
import type { SpoolStore } from './spool-store.js';

/** Watches the queue and empties the spool behind it. Returns the function that stops watching. */
export function watchSpool(services: ContractServices, spool: SpoolStore): () => void {
  const spooled = new Map<TransferId, string>();
  const release = (id: TransferId): void => {
    const file = spooled.get(id);
    if (file === undefined) return;
    spooled.delete(id);
    void spool.release(file);
  };
  return services.on('transfers:events', (events) => {
    for (const event of events) {
      if (event.kind === 'added') {
        if (spool.contains(event.transfer.path)) spooled.set(event.transfer.id, event.transfer.path);
      } else if (event.kind === 'removed') {
        release(event.id);
      } else if (event.state.kind === 'done' || event.state.kind === 'skipped') {
        release(event.id);
      }
    }
  });
}

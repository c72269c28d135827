/**
 * Transfers restored from an earlier browser-mode session whose files were in the spool: the spool is
 * emptied at every start (spool-store.ts), so their bytes are gone and they could only fail with
 * `file-vanished`. They are removed from the queue before the page can see them, and the caller tells
 * the user how many (the page's user dropped them and must drop them again).
 */
import type { AppServices } from '../../core/app/index.js';
import type { SpoolStore } from './spool-store.js';

/** Removes every queued transfer whose source file was in `spool`; resolves how many went. */
export async function dropSpooledLeftovers(services: Pick<AppServices, 'invoke' | 'snapshot'>, spool: Pick<SpoolStore, 'contains'>): Promise<number> {
  const leftovers = services.snapshot().transfers.filter((transfer) => spool.contains(transfer.path));
  for (const transfer of leftovers) {
    // A transfer that finished or went meanwhile answers an error; either way it is no longer queued.
    await services.invoke('transfers:remove', [transfer.id]);
  }
  return leftovers.length;
}

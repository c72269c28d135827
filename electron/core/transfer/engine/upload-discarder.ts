/**
 * Giving up a saved multipart upload: when a transfer holding one is canceled, removed, or cleared after
 * failing, the upload is aborted on the server (so no parts are left behind and billed) and its
 * checkpoint deleted. One abort per transfer at a time; a new run of the same transfer waits for it.
 */
import type { TransferId } from '../../../shared/transfer.js';
import { Interrupted } from './abortable-sleep.js';
import type { CredentialsProvider } from './engine-types.js';
import { abortUpload } from './multipart-resume.js';
import type { TransferItem } from './transfer-item.js';
import { openSession, SILENT_HOOKS, type EngineContext } from './transfer-session.js';

/** What the discarder needs from the engine. */
export interface DiscarderOptions {
  /** The engine's context now (its settings may have changed since the engine was made). */
  readonly context: () => EngineContext;
  readonly credentialsFor: (item: TransferItem) => CredentialsProvider | undefined;
  /** Aborted when the engine closes: a discard then stops (the checkpoint is pruned at the next start). */
  readonly signal: AbortSignal;
  /** Registers background work, which `whenIdle` and `close` wait for. */
  readonly track: (task: Promise<void>) => void;
}

/** See the module comment. */
export class UploadDiscarder {
  readonly #options: DiscarderOptions;
  readonly #pending = new Map<TransferId, Promise<void>>();

  constructor(options: DiscarderOptions) {
    this.#options = options;
  }

  /** The discard under way for `id`, if any. */
  pending(id: TransferId): Promise<void> | undefined {
    return this.#pending.get(id);
  }

  /** Aborts the saved upload of `item` on the server, if it has one, and deletes its checkpoint. Never rejects. */
  discard(item: TransferItem): void {
    const { signal } = this.#options;
    const ctx = this.#options.context();
    const before = this.#pending.get(item.id) ?? Promise.resolve();
    const task = before.then(async () => {
      const checkpoint = await ctx.checkpoints.load(item.id);
      if (checkpoint === undefined) return;
      const provider = this.#options.credentialsFor(item);
      if (provider === undefined) {
        ctx.log(`No credentials to abort the upload of ${JSON.stringify(checkpoint.key)}; its parts stay until the bucket's lifecycle rule removes them.`);
      } else {
        const file = { path: item.path, size: item.size, mtimeMs: item.mtimeMs };
        const session = await openSession(ctx, item.destination.descriptor, provider, () => file, signal, SILENT_HOOKS);
        await abortUpload(session.env, ctx.api, checkpoint.key, checkpoint.uploadId, ctx.log);
      }
      await ctx.checkpoints.remove(item.id);
    });
    const settled: Promise<void> = task
      .catch((error: unknown) => {
        if (!(error instanceof Interrupted)) ctx.log(`Could not abort the upload of ${JSON.stringify(item.key)}: ${String(error)}`);
      })
      .finally(() => {
        if (this.#pending.get(item.id) === settled) this.#pending.delete(item.id);
      });
    this.#pending.set(item.id, settled);
    this.#options.track(settled);
  }
}

/**
 * One transfer as the engine holds it: a small mutable record (a 100,000-file queue is 100,000 of these,
 * never the files' bytes or per-chunk data), and the view every face shows.
 */
import type { TransferId, TransferState, TransferView } from '../../../shared/transfer.js';
import type { DestinationEntry } from './destination.js';

/** The engine's record of a transfer. Mutated only by the engine (through TransferQueue). */
export interface TransferItem {
  readonly id: TransferId;
  readonly path: string;
  /** Relative to what was dropped, `/`-separated: what the key template's `{path}` renders. */
  readonly relativePath: string;
  /** Size and modification time when queued (refreshed when an upload starts from scratch). */
  size: number;
  mtimeMs: number;
  readonly destination: DestinationEntry;
  /** When it was queued (ms): the key template's `{date}` and `{time}`. */
  readonly addedAt: number;
  /** The key the template gave; '' until rendered (a `{sha256}` template renders when the upload starts). */
  baseKey: string;
  /** The key uploaded to: `baseKey`, or a renamed one (existing-object policy `rename`). */
  key: string;
  state: TransferState;
  bytesSent: number;
  /** The last view made of this record ({@link viewOf}), reused until the record changes. */
  view: TransferView | undefined;
}

/** The display name: the last segment of the relative path. */
export function displayName(item: Pick<TransferItem, 'relativePath' | 'path'>): string {
  const source = item.relativePath === '' ? item.path : item.relativePath;
  return source.slice(source.lastIndexOf('/') + 1);
}

/**
 * The view of a transfer: a frozen object, shared between snapshots while the transfer does not change
 * (the record itself never leaves the engine).
 *
 * Why reuse: a snapshot lists every transfer, and consumers take one per event (the CLI's --json output
 * takes one per finished file: 2,000 files made 4 million views, about a tenth of the client's main thread
 * in the small-file benchmark). Kept on the record, not in a WeakMap: the WeakMap lookup measured slower
 * than making the view afresh.
 */
export function viewOf(item: TransferItem): TransferView {
  const known = item.view;
  // Everything else in a view is fixed when the record is made.
  if (known !== undefined && known.state === item.state && known.key === item.key && known.size === item.size && known.bytesSent === item.bytesSent) {
    return known;
  }
  const view: TransferView = Object.freeze({
    id: item.id,
    path: item.path,
    name: displayName(item),
    key: item.key,
    bucket: item.destination.descriptor.bucket,
    size: item.size,
    bytesSent: item.bytesSent,
    state: item.state,
  });
  item.view = view;
  return view;
}

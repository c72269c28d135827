/**
 * Turns dropped paths into queued transfers as the scan finds them: each file gets its record and (unless
 * the template needs the file's SHA-256) its key at once, validated by the OSS key rules before any
 * request; each path that cannot be uploaded becomes a problem with a plain message. One bad path never
 * stops the rest, and nothing is held per file beyond its small record.
 */
import { isFinalState, type TransferId } from '../../../shared/transfer.js';
import { scanInputs } from '../scan-inputs.js';
import type { DestinationEntry } from './destination.js';
import type { EngineFs, EnqueueProblem, EnqueueResult } from './engine-types.js';
import { thrownErrorInfo } from './file-check.js';
import { displayName, type TransferItem } from './transfer-item.js';

/** What enqueueing needs from the engine. */
export interface EnqueueTarget {
  readonly entry: DestinationEntry;
  readonly fs: EngineFs;
  readonly uuid: () => string;
  /** The batch's time: the key template's `{date}` for every file of this drop. */
  readonly now: number;
  /**
   * Files already waiting or moving, by {@link pendingFileKey}: dropping a file that is still pending for the
   * same destination (or running the same upload command again after an interruption) does not queue it twice.
   * Filled as files are added, so a path named twice in one drop is queued once.
   */
  readonly pending: Set<string>;
  /** True once the engine is closing: the scan stops. */
  readonly stopped: () => boolean;
  /** Adds the record to the queue (and lets the scheduler start it). */
  readonly add: (item: TransferItem) => void;
}

/** Scans `paths` and adds a transfer per file found; resolves when the scan is over. */
export async function enqueueFiles(paths: readonly string[], target: EnqueueTarget): Promise<EnqueueResult> {
  const { entry } = target;
  const ids: TransferId[] = [];
  const problems: EnqueueProblem[] = [];
  let alreadyQueued = 0;
  for await (const found of scanInputs(paths, { fs: target.fs.scan })) {
    if (target.stopped()) break;
    if (found.kind === 'problem') {
      problems.push({ path: found.path, relativePath: found.relativePath, error: found.error });
      continue;
    }
    const pendingKey = pendingFileKey(entry.id, found.path);
    if (target.pending.has(pendingKey)) {
      alreadyQueued++;
      continue;
    }
    target.pending.add(pendingKey);
    let key = '';
    if (!entry.template.needsHash) {
      try {
        const file = { relativePath: found.relativePath, name: displayName(found), size: found.size, mtimeMs: found.mtimeMs };
        key = entry.template.render(entry.descriptor.prefix, file, { now: new Date(target.now), uuid: target.uuid });
      } catch (error) {
        problems.push({ path: found.path, relativePath: found.relativePath, error: thrownErrorInfo(error, found.path) });
        continue;
      }
    }
    const item: TransferItem = {
      id: target.uuid(),
      path: found.path,
      relativePath: found.relativePath,
      size: found.size,
      mtimeMs: found.mtimeMs,
      destination: entry,
      addedAt: target.now,
      baseKey: key,
      key,
      state: { kind: 'queued' },
      bytesSent: 0,
      view: undefined,
    };
    target.add(item);
    ids.push(item.id);
  }
  return { added: ids.length, ids, problems, alreadyQueued };
}

/** The identity of a pending upload: the same file to the same destination. */
export function pendingFileKey(destinationId: string, path: string): string {
  return `${destinationId}\u0000${path}`;
}

/** The pending-upload keys of the transfers not yet final (queued, moving, waiting or paused). */
export function pendingFiles(items: Iterable<TransferItem>): Set<string> {
  const pending = new Set<string>();
  for (const item of items) if (!isFinalState(item.state)) pending.add(pendingFileKey(item.destination.id, item.path));
  return pending;
}

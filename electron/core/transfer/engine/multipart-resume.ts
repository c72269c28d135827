/**
 * Continuing a multipart upload from its checkpoint: ask the server which parts it holds (ListParts) and
 * keep those that match what the checkpoint recorded (same ETag, and the size the part must have), so
 * only the rest are sent. Also: aborting an upload that is no longer wanted.
 */
import { isDropsignError } from '../../../shared/errors.js';
import type { ListedPart, ObjectApi } from '../object-api.js';
import { partRange, type PartPlan } from '../part-plan.js';
import { Interrupted } from './abortable-sleep.js';
import { runAttempts, type AttemptEnv } from './attempts.js';
import type { Checkpoint, PartRecord } from './checkpoint-store.js';

/** The multipart plan a checkpoint was made with. */
export function planFromCheckpoint(checkpoint: Checkpoint): Extract<PartPlan, { kind: 'multipart' }> {
  return { kind: 'multipart', size: checkpoint.size, partSize: checkpoint.partSize, partCount: Math.max(1, Math.ceil(checkpoint.size / checkpoint.partSize)) };
}

/**
 * The parts to keep, by number; undefined when the upload no longer exists on the server (completed,
 * aborted, or removed by a lifecycle rule), so it must start over. Throws as requests do otherwise.
 */
export async function reconcileParts(
  env: AttemptEnv,
  api: ObjectApi,
  checkpoint: Checkpoint,
): Promise<Map<number, PartRecord> | undefined> {
  const plan = planFromCheckpoint(checkpoint);
  let listed: readonly ListedPart[];
  try {
    listed = await runAttempts(env, {
      key: checkpoint.key,
      sendsFile: false,
      call: (sign, options) => api.listParts(sign, checkpoint.key, checkpoint.uploadId, options),
    });
  } catch (error) {
    if (isDropsignError(error) && error.code === 'no-such-upload') return undefined;
    throw error;
  }
  const kept = new Map<number, PartRecord>();
  for (const part of listed) {
    if (part.partNumber < 1 || part.partNumber > plan.partCount) continue;
    const recorded = checkpoint.parts.get(part.partNumber);
    const length = partRange(plan, part.partNumber).length;
    if (recorded !== undefined && recorded.etag === part.etag && recorded.size === length && part.size === length) kept.set(part.partNumber, recorded);
  }
  return kept;
}

/**
 * Aborts a multipart upload on the server, retrying as any request does; a failure is logged, not
 * thrown (the parts are then left for the bucket's lifecycle rule). Rethrows only {@link Interrupted}.
 */
export async function abortUpload(env: AttemptEnv, api: ObjectApi, key: string, uploadId: string, log: (message: string) => void): Promise<void> {
  try {
    await runAttempts(env, { key, sendsFile: false, call: (sign, options) => api.abortMultipart(sign, key, uploadId, options) });
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    log(`Could not abort the multipart upload of ${JSON.stringify(key)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

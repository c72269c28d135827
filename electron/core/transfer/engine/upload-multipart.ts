/**
 * A multipart upload: initiate (or continue from a checkpoint), send the parts a few at a time, each
 * through the retry policy and recorded in the checkpoint as it finishes, then complete with the parts'
 * CRC-64s combined into the object's. Memory per file: the finished parts' small records (at most
 * 10,000) and one entry per part in flight; the bytes stream from disk in the HTTP layer.
 */
import type { ObjectApi } from '../object-api.js';
import { crc64Combine, formatCrc64, parseCrc64 } from '../../integrity/crc64.js';
import { partRange, type PartPlan } from '../part-plan.js';
import { throwIfStopped } from './abortable-sleep.js';
import { runAttempts, type AttemptEnv } from './attempts.js';
import type { Checkpoint, CheckpointStore, PartRecord } from './checkpoint-store.js';
import type { FileIdentity } from './file-check.js';
import { reconcileParts } from './multipart-resume.js';

/** One multipart upload to run. */
export interface MultipartJob {
  readonly env: AttemptEnv;
  readonly api: ObjectApi;
  readonly checkpoints: CheckpointStore;
  /** The transfer id (names the checkpoint). */
  readonly id: string;
  readonly file: FileIdentity;
  readonly key: string;
  readonly plan: Extract<PartPlan, { kind: 'multipart' }>;
  /** Object headers, sent with the initiate call (Content-Type, metadata, overwrite guard). */
  readonly headers: Readonly<Record<string, string>>;
  /** Headers of the complete call (the overwrite guard). */
  readonly completeHeaders: Readonly<Record<string, string>>;
  readonly partConcurrency: number;
  /** A checkpoint of this file (same size and modification time) to continue from. */
  readonly resumeFrom?: Checkpoint;
  readonly onBytes: (bytesSent: number) => void;
  /** Saves the queue now: a checkpoint must never exist for a transfer the saved queue does not list yet. */
  readonly saveQueue: () => Promise<void>;
  readonly log: (message: string) => void;
}

/** What the completed upload reported. */
export interface MultipartResult {
  readonly etag: string;
  readonly crc64: string;
}

/** The object's CRC-64 from its parts' (in part order), or undefined when one is unreadable. */
export function combinePartCrcs(parts: Iterable<PartRecord>): string | undefined {
  let crc = 0n;
  for (const part of parts) {
    const value = parseCrc64(part.crc64);
    if (value === undefined) return undefined;
    crc = crc64Combine(crc, value, part.size);
  }
  return formatCrc64(crc);
}

async function start(job: MultipartJob): Promise<{ uploadId: string; done: Map<number, PartRecord> }> {
  if (job.resumeFrom !== undefined) {
    const kept = await reconcileParts(job.env, job.api, job.resumeFrom);
    if (kept !== undefined) return { uploadId: job.resumeFrom.uploadId, done: kept };
  }
  await job.saveQueue();
  const { uploadId } = await runAttempts(job.env, {
    key: job.key,
    sendsFile: false,
    call: (sign, options) => job.api.initiateMultipart(sign, job.key, job.headers, options),
  });
  // Saved before any part is sent, so a crash from here on leaves an upload the next run continues.
  await job.checkpoints.create(job.id, { uploadId, key: job.key, size: job.file.size, mtimeMs: job.file.mtimeMs, partSize: job.plan.partSize });
  return { uploadId, done: new Map() };
}

/** Sends every part not in `done`, `partConcurrency` at a time; the first failure stops the others. */
async function sendParts(job: MultipartJob, uploadId: string, done: Map<number, PartRecord>): Promise<void> {
  const inFlight = new Map<number, number>();
  let doneBytes = 0;
  for (const part of done.values()) doneBytes += part.size;
  const report = (): void => {
    let sent = doneBytes;
    for (const bytes of inFlight.values()) sent += bytes;
    job.onBytes(sent);
  };
  report();
  // A failure of one part stops its siblings through this signal, without touching the transfer's own.
  const siblings = new AbortController();
  const stopSiblings = (): void => siblings.abort(job.env.signal.reason);
  job.env.signal.addEventListener('abort', stopSiblings, { once: true });
  const env: AttemptEnv = { ...job.env, signal: siblings.signal };
  let next = 1;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    for (;;) {
      while (done.has(next)) next++;
      const n = next++;
      if (n > job.plan.partCount || failure !== undefined) return;
      const range = partRange(job.plan, n);
      try {
        const piece = await runAttempts(env, {
          key: job.key,
          sendsFile: true,
          call: (sign, options) => job.api.uploadPart(sign, job.key, uploadId, n, { path: job.file.path, start: range.start, end: range.end }, options),
          onProgress: (bytes) => {
            inFlight.set(n, bytes);
            report();
          },
        });
        const record: PartRecord = { n, etag: piece.etag, crc64: piece.crc64, size: range.length };
        done.set(n, record);
        inFlight.delete(n);
        doneBytes += range.length;
        report();
        // Awaited, so a part counts as saved before the worker takes the next; a failed write costs only a re-send after a restart.
        await job.checkpoints.addPart(job.id, record).catch((error: unknown) => job.log(`Could not save the progress of ${JSON.stringify(job.key)}: ${String(error)}`));
      } catch (error) {
        inFlight.delete(n);
        failure ??= { error };
        siblings.abort('failed');
        return;
      }
    }
  };
  try {
    const remaining = job.plan.partCount - done.size;
    await Promise.all(Array.from({ length: Math.max(0, Math.min(job.partConcurrency, remaining)) }, worker));
  } finally {
    job.env.signal.removeEventListener('abort', stopSiblings);
  }
  throwIfStopped(job.env.signal);
  if (failure !== undefined) throw failure.error;
}

/** Runs the job; throws a DropsignError (failed for good) or Interrupted (stopped). */
export async function uploadMultipart(job: MultipartJob): Promise<MultipartResult> {
  const { uploadId, done } = await start(job);
  await sendParts(job, uploadId, done);
  await job.env.checkFile?.();
  const ordered: PartRecord[] = [];
  for (let n = 1; n <= job.plan.partCount; n++) {
    const part = done.get(n);
    if (part === undefined) throw new Error(`Part ${n} of ${job.plan.partCount} is missing after the upload.`);
    ordered.push(part);
  }
  const expected = combinePartCrcs(ordered) ?? '';
  const completed = await runAttempts(job.env, {
    key: job.key,
    sendsFile: false,
    call: (sign, options) =>
      job.api.completeMultipart(sign, job.key, uploadId, ordered.map((part) => ({ partNumber: part.n, etag: part.etag })), expected, job.completeHeaders, options),
    // Completing again cannot fix a combined-CRC mismatch (the upload is gone once completed): fail, and start over on retry.
    failFast: (failure) => (failure.kind === 'integrity' ? { code: 'integrity-mismatch', message: `The uploaded object's CRC-64 (${failure.actual}) does not match the file's (${failure.expected}).`, hint: 'The file may have changed while it was uploading; retry to upload it again.' } : undefined),
  });
  await job.checkpoints.remove(job.id);
  return { etag: completed.etag, crc64: completed.crc64 ?? expected };
}

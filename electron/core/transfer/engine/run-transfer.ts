/**
 * One transfer from start to result: credentials, a look at the file, the key (template, `{sha256}`,
 * existing-object policy), Content-Type, the plan (one PUT or parts), the upload, the share link.
 * Never throws: every way it ends is a {@link RunOutcome}.
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { ShareLink, UploadResult } from '../../../shared/transfer.js';
import { contentTypeFor } from '../content-type.js';
import type { HeadResult } from '../object-api.js';
import { planParts } from '../part-plan.js';
import { Interrupted, throwIfStopped } from './abortable-sleep.js';
import { runAttempts } from './attempts.js';
import type { Checkpoint } from './checkpoint-store.js';
import { forbidOverwriteHeader, objectHeaders, partLimitsFor } from './destination.js';
import type { CredentialsProvider } from './engine-types.js';
import { statFile, thrownErrorInfo } from './file-check.js';
import { decideKey } from './key-policy.js';
import { abortUpload, planFromCheckpoint } from './multipart-resume.js';
import { makeShareLink } from './share-link.js';
import { displayName, type TransferItem } from './transfer-item.js';
import { openSession, type EngineContext, type Session, type SessionHooks } from './transfer-session.js';
import { uploadMultipart } from './upload-multipart.js';

/** How a run ended. `stopped`: its signal was aborted (pause, cancel, remove, close); the engine knows why. */
export type RunOutcome =
  | { readonly kind: 'done'; readonly result: UploadResult }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly error: ErrorInfo }
  | { readonly kind: 'stopped' };

/** How a run reports to the engine (which updates the record through its queue). */
export interface RunHooks extends SessionHooks {
  setFile(size: number, mtimeMs: number): void;
  setKeys(baseKey: string, key: string): void;
  setBytes(bytesSent: number): void;
  /** Saves the queue now (before a multipart upload is initiated). */
  saveQueue(): Promise<void>;
}

/** Renders a `{sha256}` key template once the file has been hashed. */
async function renderHashedKey(ctx: EngineContext, item: TransferItem, signal: AbortSignal): Promise<string> {
  const sha256 = await ctx.fs.sha256(item.path, signal);
  throwIfStopped(signal);
  const file = { relativePath: item.relativePath, name: displayName(item), size: item.size, mtimeMs: item.mtimeMs };
  return item.destination.template.render(item.destination.descriptor.prefix, file, { now: new Date(item.addedAt), uuid: ctx.uuid, sha256 });
}

/**
 * The checkpoint to continue from, if any and if the file is unchanged since it was made; a checkpoint
 * of a changed file is aborted on the server and dropped, and the upload starts over.
 */
async function usableCheckpoint(ctx: EngineContext, session: Session, item: TransferItem, hooks: RunHooks): Promise<Checkpoint | undefined> {
  const checkpoint = await ctx.checkpoints.load(item.id);
  const now = await statFile(ctx.fs.scan, item.path);
  if (now.size !== item.size || now.mtimeMs !== item.mtimeMs) hooks.setFile(now.size, now.mtimeMs);
  if (checkpoint === undefined || (checkpoint.size === now.size && checkpoint.mtimeMs === now.mtimeMs)) return checkpoint;
  await abortUpload(session.env, ctx.api, checkpoint.key, checkpoint.uploadId, ctx.log);
  await ctx.checkpoints.remove(item.id);
  return undefined;
}

/** Decides the key; a skip or failure of the policy ends the run. */
async function chooseKey(ctx: EngineContext, session: Session, item: TransferItem, checkpoint: Checkpoint | undefined): Promise<{ key: string } | RunOutcome> {
  if (checkpoint !== undefined) return { key: checkpoint.key };
  const { ifExists, bucket } = item.destination.descriptor;
  const head = (key: string): Promise<HeadResult> =>
    runAttempts(session.env, { key, sendsFile: false, call: (sign, options) => ctx.api.headObject(sign, key, options) });
  const decision = await decideKey(ifExists, item.baseKey, bucket, head);
  if (decision.kind === 'skip') return { kind: 'skipped', reason: decision.reason };
  if (decision.kind === 'fail') return { kind: 'failed', error: decision.error };
  return { key: decision.key };
}

/** What the upload stored. */
interface Stored {
  readonly etag: string;
  readonly crc64: string;
  readonly multipart: boolean;
}

/**
 * `fileJustChecked`: the run looked at the file moments before, with nothing slow since (no hashing for a
 * `{sha256}` key, no HEAD for the existing-object policy), so the first attempt need not look again.
 */
async function upload(
  ctx: EngineContext,
  session: Session,
  item: TransferItem,
  key: string,
  checkpoint: Checkpoint | undefined,
  hooks: RunHooks,
  fileJustChecked: boolean,
): Promise<Stored> {
  const descriptor = item.destination.descriptor;
  const contentType = contentTypeFor(displayName(item));
  const plan =
    checkpoint === undefined
      ? planParts(item.size, { threshold: ctx.settings.multipartThreshold, partSize: ctx.settings.partSize, limits: partLimitsFor(descriptor) })
      : planFromCheckpoint(checkpoint);
  if (plan.kind === 'single') {
    hooks.setBytes(0);
    const piece = await runAttempts(session.env, {
      key,
      sendsFile: true,
      // usableCheckpoint has just looked at the file, and the check below catches any change since.
      fileJustChecked,
      call: (sign, options) => ctx.api.putObject(sign, key, { path: item.path, start: 0, end: item.size }, objectHeaders(descriptor, contentType, 'put'), options),
      onProgress: (bytes) => hooks.setBytes(bytes),
    });
    // The file must still be what was sent: a change during the upload means a torn copy.
    await session.env.checkFile?.();
    return { etag: piece.etag, crc64: piece.crc64, multipart: false };
  }
  const stored = await uploadMultipart({
    env: session.env,
    api: ctx.api,
    checkpoints: ctx.checkpoints,
    id: item.id,
    file: { path: item.path, size: item.size, mtimeMs: item.mtimeMs },
    key,
    plan,
    headers: objectHeaders(descriptor, contentType, 'initiate'),
    completeHeaders: forbidOverwriteHeader(descriptor),
    partConcurrency: ctx.settings.partConcurrency,
    ...(checkpoint === undefined ? {} : { resumeFrom: checkpoint }),
    onBytes: (bytes) => hooks.setBytes(bytes),
    saveQueue: () => hooks.saveQueue(),
    log: ctx.log,
  });
  return { ...stored, multipart: true };
}

/** Runs `item` to an outcome. */
export async function runTransfer(
  ctx: EngineContext,
  item: TransferItem,
  provider: CredentialsProvider,
  signal: AbortSignal,
  hooks: RunHooks,
): Promise<RunOutcome> {
  const descriptor = item.destination.descriptor;
  try {
    const session = await openSession(ctx, descriptor, provider, () => ({ path: item.path, size: item.size, mtimeMs: item.mtimeMs }), signal, hooks);
    throwIfStopped(signal);
    const checkpoint = await usableCheckpoint(ctx, session, item, hooks);
    const fileJustChecked = item.baseKey !== '' && checkpoint === undefined && descriptor.ifExists === 'overwrite';
    if (item.baseKey === '') {
      const rendered = await renderHashedKey(ctx, item, signal);
      hooks.setKeys(rendered, rendered);
    }
    const chosen = await chooseKey(ctx, session, item, checkpoint);
    if ('kind' in chosen) return chosen;
    if (chosen.key !== item.key) hooks.setKeys(item.baseKey, chosen.key);
    const stored = await upload(ctx, session, item, chosen.key, checkpoint, hooks, fileJustChecked);
    hooks.setBytes(item.size);
    let link: ShareLink | undefined;
    try {
      link = makeShareLink(descriptor.link, chosen.key, descriptor.bucket, (key, seconds) => session.signer({ method: 'GET', key }, seconds));
    } catch (error) {
      ctx.log(`Could not make the share link for ${JSON.stringify(chosen.key)}: ${thrownErrorInfo(error, item.path).message}`);
    }
    const result: UploadResult = {
      key: chosen.key,
      size: item.size,
      etag: stored.etag,
      crc64: stored.crc64,
      multipart: stored.multipart,
      ...(link === undefined ? {} : { link }),
      finishedAt: new Date(ctx.clock.now()).toISOString(),
    };
    return { kind: 'done', result };
  } catch (error) {
    if (signal.aborted || error instanceof Interrupted) return { kind: 'stopped' };
    return { kind: 'failed', error: thrownErrorInfo(error, item.path) };
  } finally {
    await ctx.checkpoints.release(item.id);
  }
}

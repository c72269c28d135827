/**
 * What one transfer's requests run with: the engine-wide edges (object API, clock, settings, learnt
 * clock offsets, checkpoints) and, per transfer, its credentials, signer and retry environment.
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { ObjectApi } from '../object-api.js';
import type { AttemptEnv } from './attempts.js';
import type { CheckpointStore } from './checkpoint-store.js';
import type { CredentialsProvider, DestinationDescriptor, EngineClock, EngineFs } from './engine-types.js';
import { checkFileUnchanged, errorFrom, thrownErrorInfo, type FileIdentity } from './file-check.js';
import type { ResolvedSettings } from './settings.js';
import { destinationSigner, requestSignFn, type ClockOffsets, type CredentialsHolder, type DestinationSigner } from './signer.js';

/** The engine-wide edges, built once. */
export interface EngineContext {
  readonly api: ObjectApi;
  readonly clock: EngineClock;
  readonly random: () => number;
  readonly uuid: () => string;
  readonly settings: ResolvedSettings;
  readonly fs: EngineFs;
  readonly offsets: ClockOffsets;
  readonly checkpoints: CheckpointStore;
  readonly log: (message: string) => void;
}

/** How a session reports retries to the engine. */
export interface SessionHooks {
  onWait(retryAt: number, error: ErrorInfo): void;
  onNextAttempt(): void;
}

/** Hooks for work no one watches (aborting a canceled upload). */
export const SILENT_HOOKS: SessionHooks = { onWait: () => undefined, onNextAttempt: () => undefined };

/** One transfer's signer and retry environment. */
export interface Session {
  readonly env: AttemptEnv;
  /** Signs any request to the destination with a chosen validity (share links). */
  readonly signer: DestinationSigner;
}

/** Calls the credentials provider, turning whatever it throws into a typed error. */
async function fetchCredentials(provider: CredentialsProvider): ReturnType<CredentialsProvider> {
  try {
    return await provider();
  } catch (error) {
    const info = thrownErrorInfo(error, '');
    throw errorFrom(
      info.code === 'internal'
        ? { code: 'missing-credentials', message: `The credentials for this destination could not be loaded: ${info.message}`, hint: 'Check the profile and its stored credentials, then retry.' }
        : info,
    );
  }
}

/**
 * Fetches credentials and builds the session. `file` gives the file as currently known (it may be
 * refreshed after the session opens). Throws a DropsignError when the credentials cannot be had.
 */
export async function openSession(
  ctx: EngineContext,
  descriptor: DestinationDescriptor,
  provider: CredentialsProvider,
  file: () => FileIdentity,
  signal: AbortSignal,
  hooks: SessionHooks,
): Promise<Session> {
  const holder: CredentialsHolder = { current: await fetchCredentials(provider) };
  const signer = destinationSigner(descriptor, holder, () => ctx.clock.now(), ctx.offsets);
  const env: AttemptEnv = {
    signal,
    clock: ctx.clock,
    random: ctx.random,
    retry: ctx.settings.retry,
    offsets: ctx.offsets,
    endpoint: descriptor.endpoint,
    bucket: descriptor.bucket,
    ...(descriptor.region === undefined ? {} : { region: descriptor.region }),
    path: file().path,
    sign: requestSignFn(signer, ctx.settings.requestUrlExpiresInSeconds),
    refreshCredentials: async () => {
      holder.current = await fetchCredentials(provider);
    },
    checkFile: () => checkFileUnchanged(ctx.fs.scan, file()),
    onWait: (retryAt, error) => hooks.onWait(retryAt, error),
    onNextAttempt: () => hooks.onNextAttempt(),
  };
  return { env, signer };
}

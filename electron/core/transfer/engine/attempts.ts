/**
 * Runs one request (a PUT, a part, a HEAD, an initiate or complete call) through the retry policy: try;
 * on failure ask `decideRetry` and wait with back-off, re-sign, correct the clock, or give up with the
 * typed error. Each request keeps its own retry history, so one flaky part does not use up the others'.
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { PresignResult } from '../../../shared/signing.js';
import type { AttemptFailure } from '../attempt-failure.js';
import type { AttemptOptions, AttemptResult, SignFn } from '../object-api.js';
import { decideRetry, NO_RETRIES, recordDecision, type RetryOptions } from '../retry-policy.js';
import { Interrupted, sleep, throwIfStopped } from './abortable-sleep.js';
import type { EngineClock } from './engine-types.js';
import { errorFrom, thrownErrorInfo } from './file-check.js';
import type { ClockOffsets } from './signer.js';

/** What every request of one transfer shares. */
export interface AttemptEnv {
  readonly signal: AbortSignal;
  readonly clock: EngineClock;
  readonly random: () => number;
  readonly retry: RetryOptions;
  readonly offsets: ClockOffsets;
  readonly endpoint: string;
  readonly bucket: string;
  readonly region?: string;
  /** The source file, for messages about errors thrown while reading it. */
  readonly path: string;
  /** The signer requests use now. */
  readonly sign: SignFn;
  /** Fetches the credentials again (before a re-sign: temporary credentials may have run out). */
  readonly refreshCredentials: () => Promise<void>;
  /** Run before every attempt of a request that sends the file; throws a DropsignError when the file changed. */
  readonly checkFile?: () => Promise<void>;
  /** An attempt failed; the next starts at `retryAt` (engine clock). */
  readonly onWait: (retryAt: number, error: ErrorInfo) => void;
  /** A further attempt begins. */
  readonly onNextAttempt: () => void;
}

/** One request: what to call, for which key, whether it sends file bytes, and where its progress goes. */
export interface AttemptSpec<T> {
  readonly key: string;
  readonly sendsFile: boolean;
  readonly call: (sign: SignFn, options: AttemptOptions) => Promise<AttemptResult<T>>;
  readonly onProgress?: (sentBytes: number) => void;
  /**
   * The caller looked at the file just before (and checks it again after the upload), so the first
   * attempt skips its own look; retries still check first. Saves one stat per small file.
   */
  readonly fileJustChecked?: boolean;
  /** Decides on a failure before the retry policy does: return an error to fail at once (no retry). */
  readonly failFast?: (failure: AttemptFailure) => ErrorInfo | undefined;
}

/**
 * Runs `spec` until it succeeds, fails for good (throws a DropsignError with the typed error) or the
 * transfer stops (throws {@link Interrupted}). A failure that arrives after the signal aborted counts as
 * the stop, not as a failure.
 */
export async function runAttempts<T>(env: AttemptEnv, spec: AttemptSpec<T>): Promise<T> {
  let history = NO_RETRIES;
  let skipCheck = spec.fileJustChecked === true;
  for (;;) {
    throwIfStopped(env.signal);
    if (spec.sendsFile && env.checkFile !== undefined && !skipCheck) await env.checkFile();
    skipCheck = false;
    let signed: PresignResult | undefined;
    const sign: SignFn = (request) => (signed = env.sign(request));
    let result: AttemptResult<T>;
    try {
      result = await spec.call(sign, { signal: env.signal, ...(spec.onProgress === undefined ? {} : { onProgress: spec.onProgress }) });
    } catch (error) {
      throwIfStopped(env.signal);
      if (error instanceof Interrupted) throw error;
      throw errorFrom(thrownErrorInfo(error, env.path));
    }
    throwIfStopped(env.signal);
    if (result.ok) return result.value;
    const early = spec.failFast?.(result.failure);
    if (early !== undefined) throw errorFrom(early);
    const decision = decideRetry(
      result.failure,
      history,
      {
        random: env.random,
        nowMs: env.clock.now(),
        clockOffsetMs: env.offsets.get(env.endpoint),
        context: {
          bucket: env.bucket,
          key: spec.key,
          ...(env.region === undefined ? {} : { region: env.region }),
          ...(signed === undefined ? {} : { signed: { signedHeaders: signed.signedHeaders } }),
        },
      },
      env.retry,
    );
    history = recordDecision(history, decision);
    switch (decision.kind) {
      case 'fail':
        throw errorFrom(decision.error);
      case 'retry':
        env.onWait(env.clock.now() + decision.delayMs, decision.error);
        await sleep(env.clock, decision.delayMs, env.signal);
        break;
      case 'resign':
        await env.refreshCredentials();
        break;
      case 'adjust-clock':
        env.offsets.set(env.endpoint, decision.offsetMs);
        break;
    }
    env.onNextAttempt();
  }
}

/**
 * Aborting many unfinished uploads at once, for `dropsign unfinished abort` and the app alike: the first
 * goes alone, so a refusal that would repeat for every upload (a wrong secret, no permission) is met once;
 * the rest go a few at a time and stop at such a refusal, the ones not yet tried being `skipped`.
 */
import { toErrorInfo, type ErrorCode, type ErrorInfo } from '../../shared/errors.js';
import type { UnfinishedTarget, UnfinishedUpload } from './unfinished-types.js';
import { abortUnfinishedUpload, type UnfinishedOptions } from './unfinished-uploads.js';

/** Why 4: as many aborts at once as the engine sends parts; each is one small request, so more gains little. */
const ABORTS_AT_ONCE = 4;

/**
 * Refusals that would repeat for every other upload of the same bucket (credentials, permissions, the
 * clock, the bucket itself, the way to it). A network error or a server's 5xx may be one upload's bad luck,
 * so those do not stop the others.
 */
const REPEATING_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'access-denied',
  'invalid-credentials',
  'invalid-access-key',
  'credentials-expired',
  'signature-mismatch',
  'clock-skew',
  'no-such-bucket',
  'wrong-region',
  'tls-error',
  'proxy-failed',
]);

/** What became of one upload of the run (with the upload as it was given). */
export type AbortRunOutcome<T> =
  /** Its parts are deleted. */
  | (T & { readonly outcome: 'aborted' })
  /** It was no longer in progress (completed or aborted meanwhile). */
  | (T & { readonly outcome: 'already-gone' })
  /** Refused; `error` says why and what to do. */
  | (T & { readonly outcome: 'failed'; readonly error: ErrorInfo })
  /** Not tried: an earlier refusal would have repeated for it. */
  | (T & { readonly outcome: 'skipped' });

/** What the run did, one outcome per upload in the order given. */
export interface AbortRun<T> {
  readonly outcomes: readonly AbortRunOutcome<T>[];
  /** True when a repeating refusal stopped the run (the uploads after it are `skipped`). */
  readonly stopped: boolean;
}

/** Aborts `uploads` (see the module comment). Never throws for what the server or the network says. */
export async function abortUnfinishedUploads<T extends Pick<UnfinishedUpload, 'key' | 'uploadId'>>(
  target: UnfinishedTarget,
  uploads: readonly T[],
  options: UnfinishedOptions,
): Promise<AbortRun<T>> {
  const outcomes = new Map<number, AbortRunOutcome<T>>();
  let stopped = false;
  let next = 0;
  const abortNext = async (): Promise<void> => {
    const index = next++;
    const upload = uploads[index];
    if (upload === undefined) return;
    try {
      outcomes.set(index, { ...upload, outcome: await abortUnfinishedUpload(target, upload, options) });
    } catch (error) {
      const info = toErrorInfo(error);
      outcomes.set(index, { ...upload, outcome: 'failed', error: info });
      if (REPEATING_REFUSALS.has(info.code)) stopped = true;
    }
  };
  await abortNext();
  const worker = async (): Promise<void> => {
    while (!stopped && next < uploads.length) await abortNext();
  };
  await Promise.all(Array.from({ length: ABORTS_AT_ONCE }, worker));
  return { outcomes: uploads.map((upload, index) => outcomes.get(index) ?? { ...upload, outcome: 'skipped' as const }), stopped };
}

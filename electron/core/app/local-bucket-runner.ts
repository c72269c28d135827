/**
 * The embedded local bucket as the app runs it: started with the app (on its usual port, or any free one
 * when that is taken, or port 0 in tests), its status for `app:info`, and the endpoint the built-in
 * `local` profile must use. When it cannot start (another Dropsign holds its data directory, for
 * example `dropsign start` in a terminal), the app still starts: the failure is a notice, and `local`
 * keeps its usual endpoint, where that other process most likely serves it.
 */
import { toErrorInfo } from '../../shared/errors.js';
import type { LocalBucketStatus, Notice } from '../../shared/ipc/app-types.js';
import { startEmbeddedLocalBucket, type EmbeddedLocalBucket } from '../local-bucket/embedded.js';

/** Options: `false` to not start it; a port (0: any free one) otherwise. */
export type LocalBucketChoice = false | { readonly port?: number };

/** The running (or not) local bucket. */
export interface LocalBucketRunner {
  readonly status: LocalBucketStatus;
  /** The endpoint for the `local` profile; undefined when this process does not run it. */
  endpoint(): string | undefined;
  close(): Promise<void>;
}

/** Starts the local bucket as chosen; never throws (a failure is in `status` and `notice`). */
export async function runLocalBucket(
  appDataDir: string,
  choice: LocalBucketChoice,
  now: (() => number) | undefined,
): Promise<{ readonly runner: LocalBucketRunner; readonly notice?: Notice }> {
  if (choice === false) return { runner: { status: { kind: 'off' }, endpoint: () => undefined, close: () => Promise.resolve() } };
  let bucket: EmbeddedLocalBucket;
  try {
    bucket = await startEmbeddedLocalBucket(appDataDir, { ...(choice.port === undefined ? {} : { port: choice.port }), ...(now === undefined ? {} : { now }) });
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      runner: { status: { kind: 'failed', error: info }, endpoint: () => undefined, close: () => Promise.resolve() },
      notice: { level: 'warning', code: info.code, message: `The local bucket did not start: ${info.message}`, hint: info.hint },
    };
  }
  const { endpoint } = bucket.handle;
  const runner: LocalBucketRunner = {
    status: { kind: 'running', endpoint, bucket: bucket.bucket, preferredPortTaken: bucket.preferredPortTaken },
    endpoint: () => endpoint,
    close: () => bucket.handle.close(),
  };
  if (!bucket.preferredPortTaken) return { runner };
  return {
    runner,
    notice: {
      level: 'info',
      message: `The local bucket's usual port was taken, so it runs on ${endpoint} this time; links made for it earlier point at the usual port.`,
      hint: 'Close the program that uses the port and restart Dropsign to get it back.',
    },
  };
}

/**
 * The embedded local bucket of a running `dropsign web`: where it listens (from `app:info`) and its key
 * pair (from the key file the bucket itself reads, electron/core/local-bucket/keys-file.ts), so a spec can
 * sign requests to it as another tool would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestSocket } from '../../integration/web-host/socket-client.js';
import type { DropsignWeb } from './dropsign-web.js';

/** The embedded local bucket: where it listens and its key pair. */
export interface LocalBucket {
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Reads the running local bucket of `host` over its contract socket; throws unless it is running. */
export async function localBucketOf(host: DropsignWeb, control: TestSocket): Promise<LocalBucket> {
  const info = (await control.call('app:info', [])) as { ok: boolean; value?: { localBucket: { kind: string; endpoint?: string; bucket?: string } } };
  const running = info.value?.localBucket;
  if (!info.ok || running?.kind !== 'running' || running.endpoint === undefined || running.bucket === undefined) {
    throw new Error(`The local bucket is not running: app:info answered ${JSON.stringify(info)}`);
  }
  const keys = JSON.parse(await readFile(path.join(host.dataDir, 'local-bucket', 'access-key.json'), 'utf8')) as { accessKeyId: string; accessKeySecret: string };
  return { endpoint: running.endpoint, bucket: running.bucket, accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret };
}

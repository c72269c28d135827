/**
 * The app's own local bucket: the first-run destination when no cloud account is configured. It lives in
 * the app data directory, with one bucket and a key pair generated on first use.
 */
import path from 'node:path';
import { isDropsignError } from '../../shared/errors.js';
import { loadOrCreateKeysFile } from './keys-file.js';
import { startLocalBucket } from './server.js';
import { verifySignature } from './auth/verify-signature.js';
import type { CorsRule, LocalBucketHandle } from './types.js';

/** The bucket the embedded local bucket creates. */
export const EMBEDDED_BUCKET = 'dropsign';

/** The region it reports (any valid id works; this is OSS's most common one). */
export const EMBEDDED_REGION = 'cn-hangzhou';

/**
 * The port it prefers. Why fixed: share links name the endpoint, so links made yesterday keep working after
 * a restart. Why 47110: unassigned by IANA and far from the ports dev servers use. When it is taken, any free
 * port is used and `preferredPortTaken` says so.
 */
export const EMBEDDED_PORT = 47110;

/**
 * The one CORS rule of the embedded bucket: a drop page (links/drop-page), saved to disk and opened from
 * there, has the origin `null`, and uploads through its link with a PUT. Without this the first drop page a
 * new user tries, on the bucket the app starts with, fails in the browser. Only PUT: such a page never
 * needs more, and every request still needs its signature (the server listens on loopback only).
 */
export const EMBEDDED_CORS: CorsRule = { allowedOrigins: ['null'], allowedMethods: ['PUT'], allowedHeaders: ['*'] };

/** A running embedded local bucket, with what a client needs to use it. */
export interface EmbeddedLocalBucket {
  readonly handle: LocalBucketHandle;
  readonly bucket: string;
  readonly accessKeyId: string;
  /** The secret stays in memory; only the path of the file holding it is ever shown. */
  readonly accessKeySecret: string;
  readonly keysFile: string;
  readonly dataDir: string;
  readonly preferredPortTaken: boolean;
}

/** Starts the embedded local bucket under `appDataDir/local-bucket` on loopback. */
export async function startEmbeddedLocalBucket(
  appDataDir: string,
  options: { readonly port?: number; readonly now?: () => number } = {},
): Promise<EmbeddedLocalBucket> {
  const dataDir = path.join(appDataDir, 'local-bucket');
  const keys = await loadOrCreateKeysFile(dataDir, options.now);
  const start = (port: number): Promise<LocalBucketHandle> =>
    startLocalBucket({
      dataDir,
      port,
      buckets: [EMBEDDED_BUCKET],
      region: EMBEDDED_REGION,
      accessKeys: new Map([[keys.accessKeyId, keys.accessKeySecret]]),
      authenticate: verifySignature,
      cors: [EMBEDDED_CORS],
      ...(options.now === undefined ? {} : { clock: { now: options.now } }),
    });
  const preferred = options.port ?? EMBEDDED_PORT;
  let handle: LocalBucketHandle;
  let preferredPortTaken = false;
  try {
    handle = await start(preferred);
  } catch (error) {
    if (!isDropsignError(error) || error.details?.['errno'] !== 'EADDRINUSE' || preferred === 0) throw error;
    preferredPortTaken = true;
    handle = await start(0);
  }
  return {
    handle,
    bucket: EMBEDDED_BUCKET,
    accessKeyId: keys.accessKeyId,
    accessKeySecret: keys.accessKeySecret,
    keysFile: keys.path,
    dataDir,
    preferredPortTaken,
  };
}

/**
 * The built-in `local` profile: the embedded local bucket (core/local-bucket/embedded.ts) on
 * http://127.0.0.1:47110, bucket `dropsign`, region `cn-hangzhou`, path style. It is synthesised, never
 * stored, and it is the default when no other default is set.
 *
 * Its secret is not in the keychain: it is the local bucket's own generated key pair, in
 * `<appData>/local-bucket/access-key.json` (mode 0600), the file the embedded bucket itself reads, so the
 * two always agree. That key only opens a server on this machine's loopback interface.
 */
import path from 'node:path';
import { EMBEDDED_BUCKET, EMBEDDED_PORT, EMBEDDED_REGION } from '../local-bucket/embedded.js';
import { loadOrCreateKeysFile } from '../local-bucket/keys-file.js';
import type { Credentials } from '../../shared/signing.js';
import { DEFAULT_LINK_EXPIRY_SECONDS, LOCAL_PROFILE_NAME, type Profile } from './profile-schema.js';

/** The embedded local bucket's usual endpoint (its preferred port; see EMBEDDED_PORT). */
export const LOCAL_ENDPOINT = `http://127.0.0.1:${EMBEDDED_PORT}`;

/** The data directory of the embedded local bucket, as startEmbeddedLocalBucket lays it out. */
export function localBucketDataDir(appDataDir: string): string {
  return path.join(appDataDir, 'local-bucket');
}

/**
 * The built-in profile, with the access key id of the local bucket's key file. `endpoint` is where the
 * running embedded bucket listens, when the caller knows (its preferred port may have been taken).
 */
export function localProfile(accessKeyId: string, endpoint: string = LOCAL_ENDPOINT): Profile {
  return {
    name: LOCAL_PROFILE_NAME,
    provider: 'oss',
    scheme: 'oss-v4',
    region: EMBEDDED_REGION,
    endpoint: { kind: 'custom', url: endpoint },
    // Path style: the endpoint is an IP address, which cannot carry the bucket as a sub-domain.
    style: 'path',
    bucket: EMBEDDED_BUCKET,
    keyPrefix: '',
    linkExpirySeconds: DEFAULT_LINK_EXPIRY_SECONDS,
    accessKeyId,
    secretStore: 'keychain',
  };
}

/** The local bucket's key pair (generated on first use, exactly as the embedded bucket would) and its file. */
export async function localKeys(appDataDir: string): Promise<{ readonly credentials: Credentials; readonly keysFile: string }> {
  const keys = await loadOrCreateKeysFile(localBucketDataDir(appDataDir));
  return { credentials: { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret }, keysFile: keys.path };
}

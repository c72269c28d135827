/**
 * Shared setup of the ObjectApi integration tests: a verifying local bucket, a signer for it, files in a
 * temp directory, and a signed GET to read objects back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifySignature, type LocalBucketOptions } from '../../../electron/core/local-bucket/index.js';
import type { SignFn } from '../../../electron/core/transfer/object-api.js';
import type { SigningClock, SigningScheme } from '../../../electron/shared/signing.js';
import { makeSigner } from '../../helpers/signer.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness, type Harness } from '../local-bucket/harness.js';

/** The bucket every fixture server holds. */
export const BUCKET = 'photos';

/** A verifying local bucket and a scratch directory for files to upload. */
export interface Fixture {
  readonly harness: Harness;
  readonly dir: string;
  /** A signer for the bucket with the harness's key. */
  signer(scheme?: SigningScheme, clock?: SigningClock): SignFn;
  /** Writes `data` to a new file in the scratch directory and returns its path. */
  file(name: string, data: Buffer | string): Promise<string>;
  /** GETs `key` through a signed URL: status and body. */
  get(key: string, scheme?: SigningScheme): Promise<{ status: number; body: Buffer; contentType: string | null }>;
  close(): Promise<void>;
}

/** Starts a local bucket that verifies signatures exactly as OSS does (plus `overrides`). */
export async function startFixture(overrides: Partial<LocalBucketOptions> = {}): Promise<Fixture> {
  const harness = await startHarness({ authenticate: verifySignature, ...overrides });
  const dir = await mkdtemp(path.join(tmpdir(), 'dropsign-objapi-'));
  const signer = (scheme: SigningScheme = 'oss-v4', clock?: SigningClock): SignFn =>
    makeSigner({
      endpoint: harness.endpoint,
      bucket: BUCKET,
      scheme,
      credentials: { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET },
      ...(clock === undefined ? {} : { clock }),
    });
  return {
    harness,
    dir,
    signer,
    async file(name, data) {
      const file = path.join(dir, name);
      await writeFile(file, data);
      return file;
    },
    async get(key, scheme = 'oss-v4') {
      const { url } = signer(scheme)({ method: 'GET', key });
      const response = await fetch(url);
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
    },
    async close() {
      await harness.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Attempt options with a signal that never aborts. */
export function attempt(onProgress?: (sent: number) => void): { signal: AbortSignal; onProgress?: (sent: number) => void } {
  return { signal: new AbortController().signal, ...(onProgress === undefined ? {} : { onProgress }) };
}

/** A file-sized buffer of varied bytes (so a misplaced range would show in the CRC). */
export function pattern(size: number, seed = 1): Buffer {
  const data = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24;
  }
  return data;
}

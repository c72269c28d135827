/**
 * The way the OSS documentation shows a person uploading with presigned URLs: one `curl -T` per file, one
 * after another.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { presign } from '../../electron/core/signing/presign.js';
import type { BucketProcess } from './bench-fixtures.js';

/** Uploads the files one `curl -T` at a time; returns seconds taken. */
export async function curlSequential(bucket: BucketProcess, files: readonly string[], prefix: string): Promise<number> {
  const run = promisify(execFile);
  const started = performance.now();
  for (const file of files) {
    const { url } = presign(
      bucket.credentials,
      {
        ...{ scheme: 'oss-v4', method: 'PUT', endpoint: bucket.endpoint, style: 'path', bucket: bucket.bucket },
        ...{ key: `${prefix}/${path.basename(file)}`, region: bucket.region, expiresInSeconds: 3600 },
      },
      { now: Date.now },
    );
    // curl -T sends no Content-Type of its own, so the unsigned URL matches what it sends.
    await run('curl', ['--silent', '--show-error', '--fail', '-T', file, url]);
  }
  return (performance.now() - started) / 1000;
}

/**
 * The ceiling this machine allows: a minimal keep-alive streaming PUT loop at a given concurrency, with no
 * integrity checks, no retries, no progress and no persistence. Dropsign is measured against it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { presign } from '../../electron/core/signing/presign.js';
import type { BucketProcess } from './bench-fixtures.js';

/** Uploads every file (key: its base name under `prefix`) with `concurrency` PUTs in flight; returns seconds taken. */
export async function rawPutLoop(bucket: BucketProcess, files: readonly string[], prefix: string, concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      await put(bucket, agent, file, `${prefix}/${path.basename(file)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return (performance.now() - started) / 1000;
}

async function put(bucket: BucketProcess, agent: http.Agent, file: string, key: string): Promise<void> {
  const { size } = await stat(file);
  const { url } = presign(
    bucket.credentials,
    { scheme: 'oss-v4', method: 'PUT', endpoint: bucket.endpoint, style: 'path', bucket: bucket.bucket, key, region: bucket.region, expiresInSeconds: 3600 },
    { now: Date.now },
  );
  await new Promise<void>((resolve, reject) => {
    const request = http.request(url, { method: 'PUT', agent, headers: { 'content-length': size } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`PUT ${key}: HTTP ${String(response.statusCode)}`))));
    });
    request.on('error', reject);
    createReadStream(file).pipe(request);
  });
}

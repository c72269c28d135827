/**
 * Dropsign as a user runs it: `dropsign upload` in its own process, at its default settings with integrity
 * checks on, timed from spawn to exit, with its peak memory.
 */
import { spawn } from 'node:child_process';
import type { BucketProcess } from './bench-fixtures.js';
import { watchPeakRss } from './peak-rss.js';

/** How one run went. */
export interface DropsignRun {
  readonly seconds: number;
  readonly peakRssMiB: number | undefined;
}

/** Uploads `paths` under `prefix` with `dropsign upload` and returns the time and peak RSS. */
export async function dropsignUpload(
  cli: string,
  bucket: BucketProcess,
  paths: readonly string[],
  prefix: string,
  stateDir: string,
): Promise<DropsignRun> {
  const args = [
    ...[cli, 'upload', ...paths, '--endpoint', bucket.endpoint, '--style', 'path'],
    ...['--bucket', bucket.bucket, '--region', bucket.region, '--prefix', prefix, '--json'],
  ];
  const env = {
    PATH: process.env['PATH'] ?? '',
    DROPSIGN_DATA_DIR: stateDir,
    OSS_ACCESS_KEY_ID: bucket.credentials.accessKeyId,
    OSS_ACCESS_KEY_SECRET: bucket.credentials.accessKeySecret,
  };
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const rss = watchPeakRss(child.pid ?? 0);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  rss.stop();
  if (code !== 0) throw new Error(`dropsign upload exited with ${String(code)}: ${stderr.trim()}`);
  return { seconds, peakRssMiB: rss.peakMiB() };
}

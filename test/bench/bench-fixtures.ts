/**
 * Benchmark fixtures: the files to upload, made once per run in a temp folder, and the local bucket they go
 * to, run as its own process (`dropsign local-bucket`) so its CPU and memory are not counted as the client's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Credentials } from '../../electron/shared/signing.js';

/** Why 1 MiB: large enough that writing a multi-GiB file is fast, random so nothing compresses or dedups. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Writes `count` random files of `bytes` each under `dir` and returns their paths. Each is fsynced: dirty
 * fixture pages would otherwise be written back by the kernel ~30 s later, in the middle of whichever
 * measurement is running then (the 2 GiB file's writeback slowed one phase and not another).
 */
export async function makeSmallFiles(dir: string, count: number, bytes: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `file-${String(i).padStart(5, '0')}.bin`);
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(randomBytes(bytes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    paths.push(file);
  }
  return paths;
}

/** Writes one file of `bytes` (a whole number of MiB) from a random 1 MiB block repeated, fsynced (see above). */
export async function makeLargeFile(file: string, bytes: number): Promise<void> {
  const block = randomBytes(BLOCK_BYTES);
  const handle = await open(file, 'w');
  try {
    for (let written = 0; written < bytes; written += BLOCK_BYTES) {
      await handle.write(block, 0, Math.min(BLOCK_BYTES, bytes - written));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A local bucket running in a child process. */
export interface BucketProcess {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly credentials: Credentials;
  stop(): Promise<void>;
}

/** Starts `dropsign local-bucket` over `dataDir` with one bucket and waits for its JSON ready line. */
export async function startBucketProcess(cli: string, dataDir: string, bucket: string): Promise<BucketProcess> {
  const child = spawn(process.execPath, [cli, 'local-bucket', '--json', '--data-dir', dataDir, '--bucket', bucket], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await firstLine(child);
  const ready = JSON.parse(line) as { endpoint: string; region: string; keysFile: string };
  const keys = JSON.parse(await readFile(ready.keysFile, 'utf8')) as { accessKeyId: string; accessKeySecret: string };
  return {
    endpoint: ready.endpoint,
    region: ready.region,
    bucket,
    credentials: { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`local bucket exited (${String(code)}) before it was ready`)));
  });
}

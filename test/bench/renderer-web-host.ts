/**
 * Starts the built `dropsign web --port 0` for the renderer benchmark, on a fresh data directory under
 * `workDir`, and reads the address it prints. (The end-to-end tests' launcher finds the CLI from the
 * source tree; compiled into out/ with the benchmarks, paths resolve from out/ instead, so this one
 * finds it next to itself, as run.ts does.)
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, from out/test/bench/. */
const CLI = fileURLToPath(new URL('../../electron/bin/dropsign.js', import.meta.url));

/** Why 30 s: a cold start on a loaded 2-core machine loads the keychain module and makes the bucket's keys. */
const READY_TIMEOUT_MS = 30_000;

/** A running `dropsign web`. */
export interface BenchWebHost {
  /** The printed address, with the token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Stops it (Ctrl+C) and resolves its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `dropsign web` with its data (and HOME) under `workDir`. */
export async function startBenchWebHost(workDir: string): Promise<BenchWebHost> {
  const dataDir = path.join(workDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0'], {
    env: { ...process.env, HOME: workDir, DROPSIGN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dropsign web did not print its address:\n${out}`)), READY_TIMEOUT_MS);
    const look = (): void => {
      const match = /Open\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', look);
    void exited.then(() => reject(new Error(`dropsign web exited:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}
